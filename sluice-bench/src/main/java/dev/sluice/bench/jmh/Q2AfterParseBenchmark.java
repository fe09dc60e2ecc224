package dev.sluice.bench.jmh;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.types.DdlParser;
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

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static dev.sluice.functions.avg;
import static dev.sluice.functions.col;
import static dev.sluice.functions.count;
import static dev.sluice.functions.explode;
import static dev.sluice.functions.from_json;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.sum;

/**
 * Q2 after the parse: {@code explode(content.items)}, {@code status < 400}, the group by (service, country) with
 * count, {@code sum(qty * price)} and {@code avg(latency_ms)}, the exchange, the final aggregation and the sort, over
 * 16 copies of one batch of workload rows (65,536 rows; parsed once in the set-up and cached), on one
 * worker: the part of Q2 outside the JSON reader.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class Q2AfterParseBenchmark {
    private static final int COPIES = 16;   // more makes the analysis of the nested unions slow (Union.schema)
    private Sluice sluice;
    private DataFrame query;
    private Path file;

    @Setup(Level.Trial)
    public void setUp(WorkloadLines data) throws IOException {
        sluice = Sluice.builder().parallelism(1).build();
        file = Files.createTempFile("sluice-jmh-q2", ".jsonl");
        try (OutputStream out = Files.newOutputStream(file)) {
            for (byte[] line : data.lines) {
                out.write(line);
                out.write('\n');
            }
        }
        DataFrame parsed = sluice.read().schema(data.schema).json(file.toString())
                .withColumn("content", from_json(col("response_body"), DdlParser.parseType(FromJsonBenchmark.CONTENT_SCHEMA)))
                .select(col("service"), col("status"), col("latency_ms"), col("content"))
                .cache();
        parsed.count();   // parsed once, here
        DataFrame rows = parsed;
        for (int copies = 1; copies < COPIES; copies *= 2) rows = rows.union(rows);   // doubling: a shallower plan than a chain of unions
        query = rows.withColumn("item", explode(col("content.items")))
                .filter(col("status").lt(400))
                .groupBy(col("service"), col("content.user.country").as("country"))
                .agg(count(lit(1)).as("orders"), sum(col("item.qty").multiply(col("item.price"))).as("revenue"),
                        avg(col("latency_ms")).as("avg_latency"))
                .orderBy(col("revenue").desc());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        sluice.close();
        Files.deleteIfExists(file);
    }

    @Benchmark
    public int aggregate() { return query.collectAsList().size(); }
}
