package dev.sluice.bench.jmh;

import dev.sluice.types.DdlParser;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.DoubleVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.IntVector;
import dev.sluice.vector.LongVector;
import dev.sluice.vector.Vectors;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Batches shaped like Q1's output (what Q1 writes to Parquet), with the workload's value distributions
 * (shared/bench/WORKLOAD.md): 64 batches of 4,096 rows, seed 42.
 */
@State(Scope.Benchmark)
public class Q1Output {
    static final String SCHEMA = "ts STRING, service STRING, status INT, latency_ms DOUBLE, user_id BIGINT, "
            + "country STRING, plan STRING, n_items INT";
    static final int BATCHES = 64;
    private static final String[] SERVICES = {"auth", "billing", "catalog", "checkout", "inventory", "search", "shipping", "users"};
    private static final String[] COUNTRIES = {"US", "GB", "DE", "FR", "JP", "CN", "IN", "BR", "CA", "AU",
            "ES", "IT", "NL", "SE", "KR", "MX", "PL", "CH", "IE", "SG"};
    private static final String[] PLANS = {"free", "pro", "enterprise"};
    private static final int[] STATUS = {200, 201, 204, 400, 404, 500, 503};
    private static final int[] STATUS_WEIGHT = {75, 5, 3, 5, 7, 4, 1};
    /** The workload's timestamps: always three digits of millis (Instant.toString drops ".000"). */
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    StructType schema;
    Batch[] batches;

    @Setup(Level.Trial)
    public void setUp() {
        schema = DdlParser.parseSchema(SCHEMA);
        SplittableRandom random = new SplittableRandom(42);
        batches = new Batch[BATCHES];
        long millis = Instant.parse("2026-10-01T00:00:00Z").toEpochMilli();
        for (int b = 0; b < BATCHES; b++) {
            FlatVector[] c = new FlatVector[schema.size()];
            for (int i = 0; i < c.length; i++) c[i] = Vectors.allocate(schema.field(i).dataType(), Batch.DEFAULT_SIZE);
            for (int r = 0; r < Batch.DEFAULT_SIZE; r++) {
                millis += random.nextInt(20);
                ((BytesVector) c[0]).append(TS.format(Instant.ofEpochMilli(millis)));
                ((BytesVector) c[1]).append(SERVICES[random.nextInt(SERVICES.length)]);
                ((IntVector) c[2]).append(status(random.nextInt(100)));
                ((DoubleVector) c[3]).append(Math.round(Math.exp(random.nextGaussian() + 3) * 100) / 100.0);
                ((LongVector) c[4]).append(random.nextLong(1, 10_000_000));
                ((BytesVector) c[5]).append(COUNTRIES[random.nextInt(COUNTRIES.length)]);
                ((BytesVector) c[6]).append(PLANS[random.nextInt(PLANS.length)]);
                ((IntVector) c[7]).append(random.nextInt(6));
            }
            batches[b] = new Batch((ColumnVector[]) c, Batch.DEFAULT_SIZE);
        }
    }

    long rows() { return (long) BATCHES * Batch.DEFAULT_SIZE; }

    private static int status(int percentile) {
        int acc = 0;
        for (int i = 0; i < STATUS.length; i++) {
            acc += STATUS_WEIGHT[i];
            if (percentile < acc) return STATUS[i];
        }
        return STATUS[0];
    }
}
