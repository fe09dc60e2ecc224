package dev.sluice.bench.jmh;

import dev.sluice.json.FromJsonEvaluator;
import dev.sluice.json.JsonOptions;
import dev.sluice.types.DataType;
import dev.sluice.types.DdlParser;
import dev.sluice.vector.ColumnVector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/** from_json: parsing a batch of 4096 response_body strings with the workload's content schema. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class FromJsonBenchmark {
    static final String CONTENT_SCHEMA = "struct<user: struct<id: bigint, country: string, plan: string>, "
            + "items: array<struct<sku: string, qty: int, price: double>>, "
            + "error: struct<code: string, message: string>>";

    private ColumnVector bodies;
    private DataType content;

    @Setup
    public void setUp(WorkloadLines data) {
        bodies = data.batch.column(data.schema.fieldNames().indexOf("response_body"));
        content = DdlParser.parseType(CONTENT_SCHEMA);
    }

    @Benchmark
    public ColumnVector fromJson() {
        return FromJsonEvaluator.evaluate(bodies, content, JsonOptions.DEFAULT);
    }
}
