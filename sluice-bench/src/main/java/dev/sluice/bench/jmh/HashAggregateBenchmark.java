package dev.sluice.bench.jmh;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.expr.Expression;
import dev.sluice.io.BatchReader;
import dev.sluice.io.DataSource;
import dev.sluice.io.Split;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.sluice.functions.avg;
import static dev.sluice.functions.col;
import static dev.sluice.functions.count;
import static dev.sluice.functions.lit;

/**
 * A hash aggregation: {@code groupBy(service, status).agg(count(1), avg(latency_ms))} over 64 already-scanned batches
 * of workload rows (262,144 rows), on one worker, so the time is the two aggregation phases and their exchange.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class HashAggregateBenchmark {
    private static final int BATCHES = 64;
    private Sluice sluice;
    private DataFrame query;

    @Setup(Level.Trial)
    public void setUp(WorkloadLines data) {
        sluice = Sluice.builder().parallelism(1).build();
        query = sluice.read(new CachedBatches(data.schema, data.batch))
                .groupBy(col("service"), col("status")).agg(count(lit(1)), avg(col("latency_ms")));
    }

    @TearDown(Level.Trial)
    public void tearDown() { sluice.close(); }

    @Benchmark
    public long aggregate() { return query.count(); }

    /** The same scanned batch served {@link #BATCHES} times, as one split: no parsing in the measurement. */
    record CachedBatches(StructType schema, Batch batch) implements DataSource {
        @Override public String formatName() { return "cached"; }
        @Override public String description() { return BATCHES + " batches"; }
        @Override public List<Split> splits() {
            return List.of(new Split() {
                @Override public String description() { return "all"; }
                @Override public long sizeInBytes() { return 0; }
            });
        }
        @Override public BatchReader open(Split split, StructType projection, List<Expression> filters) {
            int[] columns = new int[projection.size()];
            for (int i = 0; i < columns.length; i++) columns[i] = schema.indexOf(projection.field(i).name());
            return new BatchReader() {
                int served;
                @Override public Batch next() {
                    if (served++ == BATCHES) return null;
                    dev.sluice.vector.ColumnVector[] out = new dev.sluice.vector.ColumnVector[columns.length];
                    for (int i = 0; i < out.length; i++) out[i] = batch.column(columns[i]);
                    return new Batch(out, batch.rowCount());
                }
                @Override public void close() { }
            };
        }
    }
}
