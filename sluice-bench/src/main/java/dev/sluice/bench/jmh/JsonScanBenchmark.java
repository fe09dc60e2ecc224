package dev.sluice.bench.jmh;

import dev.sluice.types.DdlParser;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
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

import java.util.concurrent.TimeUnit;

/**
 * JSON line scanning: {@code JsonBatchBuilder} turning 4096 workload lines (about 1.6 MB) into one batch, by the
 * number of projected fields: 1 (status only: everything else skipped), 3 (ts, status, latency_ms) and 8 (the
 * whole input schema, response_body kept as a string). Time per batch; MB/s = 1.6 / (ms per op) * 1000.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class JsonScanBenchmark {
    @Param({"1", "3", "8"})
    public int fields;

    private StructType projection;

    @Setup
    public void setUp() {
        projection = switch (fields) {
            case 1 -> DdlParser.parseSchema("status INT");
            case 3 -> DdlParser.parseSchema("ts STRING, status INT, latency_ms DOUBLE");
            default -> DdlParser.parseSchema(WorkloadLines.INPUT_SCHEMA);
        };
    }

    @Benchmark
    public Batch scanBatch(WorkloadLines data) {
        return WorkloadLines.scan(projection, data.lines);
    }
}
