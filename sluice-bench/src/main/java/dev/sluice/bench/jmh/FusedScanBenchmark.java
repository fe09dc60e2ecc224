package dev.sluice.bench.jmh;

import dev.sluice.json.FromJsonColumn;
import dev.sluice.json.FromJsonEvaluator;
import dev.sluice.json.JsonBatchBuilder;
import dev.sluice.json.JsonOptions;
import dev.sluice.types.DataType;
import dev.sluice.types.DdlParser;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The scans of Q3 and Q1 as their plans run them: the JSON Lines reader over 4096 workload lines (about 1.6 MB) (one builder, reused as a task reuses it) with
 * {@code from_json(response_body, ...)} fused into it (the schema pruned to what the query reads), then from_json
 * taking the results from the column. Q3 counts the rows whose {@code content.error} is not null; Q1 reads five
 * columns and {@code content.user}, {@code content.items}. Time per batch; MB/s = 1.75 / (ms per op) * 1000.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class FusedScanBenchmark {
    @Param({"q3", "q1"})
    public String query;

    private StructType projection;
    private DataType content;
    private JsonBatchBuilder builder;

    @Setup
    public void setUp() {
        if (query.equals("q3")) {
            projection = DdlParser.parseSchema("response_body STRING");
            content = DdlParser.parseType("struct<error: struct<code: string, message: string>>");
        } else {
            projection = DdlParser.parseSchema("ts STRING, service STRING, status INT, latency_ms DOUBLE, response_body STRING");
            content = DdlParser.parseType("struct<user: struct<id: bigint, country: string, plan: string>, "
                    + "items: array<struct<sku: string>>>");
        }
        builder = new JsonBatchBuilder(projection, JsonOptions.DEFAULT,
                List.of(new FromJsonColumn("response_body", content, JsonOptions.DEFAULT)));
    }

    @Benchmark
    public int scan(WorkloadLines data) {
        for (byte[] line : data.lines) builder.append(line, 0, line.length);
        Batch batch = builder.finish();
        ColumnVector parsed = FromJsonEvaluator.evaluate(batch.column(projection.size() - 1), content, JsonOptions.DEFAULT);
        ColumnVector last = parsed.child(((StructType) content).size() - 1);
        int count = 0;
        for (int r = 0; r < batch.rowCount(); r++) {
            if (!last.isNull(r)) count++;
        }
        return count;
    }
}
