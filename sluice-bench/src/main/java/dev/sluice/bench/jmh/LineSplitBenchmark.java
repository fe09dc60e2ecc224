package dev.sluice.bench.jmh;

import dev.sluice.io.ByteSearch;
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

/**
 * Finding the line ends of one batch of workload lines (about 1.6 MB in one buffer, as LineReader holds them):
 * {@code ByteSearch.indexOf} (8 bytes at a time) against a byte-at-a-time loop.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class LineSplitBenchmark {
    private byte[] buffer;

    @Setup
    public void setUp(WorkloadLines data) {
        buffer = new byte[(int) data.totalBytes];
        int pos = 0;
        for (byte[] line : data.lines) {
            System.arraycopy(line, 0, buffer, pos, line.length);
            pos += line.length;
            buffer[pos++] = '\n';
        }
    }

    @Benchmark
    public int swar() {
        int lines = 0;
        for (int i = ByteSearch.indexOf(buffer, 0, buffer.length, (byte) '\n'); i >= 0;
                i = ByteSearch.indexOf(buffer, i + 1, buffer.length, (byte) '\n')) lines++;
        return lines;
    }

    @Benchmark
    public int byteAtATime() {
        int lines = 0;
        for (byte b : buffer) if (b == '\n') lines++;
        return lines;
    }
}
