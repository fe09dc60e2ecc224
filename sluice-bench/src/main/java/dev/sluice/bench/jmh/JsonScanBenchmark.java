package dev.sluice.bench.jmh;

import dev.sluice.vector.Batch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * JSON line scanning: {@code JsonBatchBuilder} turning 4096 workload lines (about 1.6 MB) into one batch with the
 * input schema, response_body kept as a string. Time per batch; MB/s = 1.6 / (ms per op) * 1000.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JsonScanBenchmark {
    @Benchmark
    public Batch scanBatch(WorkloadLines data) {
        return WorkloadLines.scan(data.schema, data.lines);
    }
}
