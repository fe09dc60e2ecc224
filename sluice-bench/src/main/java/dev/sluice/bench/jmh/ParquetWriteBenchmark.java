package dev.sluice.bench.jmh;

import dev.sluice.io.RecordEncoder;
import dev.sluice.io.RecordFormat;
import dev.sluice.io.parquet.ParquetFileFormat;
import dev.sluice.vector.Batch;
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

import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Parquet write (snappy, Spark's layout) of Q1's output: 262,144 rows in 64 batches into one file, the bytes
 * discarded. Time per file; rows per second = 262,144 / score.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class ParquetWriteBenchmark {
    private RecordFormat format;
    private Q1Output data;

    @Setup
    public void setUp(Q1Output data) {
        this.data = data;
        format = new ParquetFileFormat().writer(Map.of("compression", "snappy"));
    }

    @Benchmark
    public long writeQ1Output() {
        Counting out = new Counting();
        RecordEncoder encoder = format.open(out, data.schema);
        for (Batch b : data.batches) encoder.write(b);
        encoder.close();
        return out.bytes;
    }

    private static final class Counting extends OutputStream {
        long bytes;

        @Override public void write(int b) { bytes++; }

        @Override public void write(byte[] b, int off, int len) { bytes += len; }
    }
}
