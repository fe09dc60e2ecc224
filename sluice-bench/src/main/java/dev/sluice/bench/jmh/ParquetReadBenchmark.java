package dev.sluice.bench.jmh;

import dev.sluice.io.BatchReader;
import dev.sluice.io.ListingOptions;
import dev.sluice.io.LocalStorage;
import dev.sluice.io.RecordEncoder;
import dev.sluice.io.Split;
import dev.sluice.io.parquet.ParquetFileFormat;
import dev.sluice.io.parquet.ParquetSource;
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

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Parquet read of Q1's output (262,144 rows, snappy, written by Sluice) from the page cache into batches: all
 * eight columns. Time per file; rows per second = 262,144 / score.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class ParquetReadBenchmark {
    private Path file;
    private ParquetSource source;
    private List<Split> splits;
    private Q1Output data;

    @Setup(Level.Trial)
    public void setUp(Q1Output data) throws IOException {
        this.data = data;
        file = Files.createTempFile("sluice-jmh", ".parquet");
        try (OutputStream out = Files.newOutputStream(file)) {
            RecordEncoder encoder = new ParquetFileFormat().writer(Map.of("compression", "snappy")).open(out, data.schema);
            for (Batch b : data.batches) encoder.write(b);
            encoder.close();
        }
        source = new ParquetSource(LocalStorage.INSTANCE, List.of(file.toString()), data.schema, Long.MAX_VALUE,
                ListingOptions.DEFAULT);
        splits = source.splits();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException { Files.deleteIfExists(file); }

    @Benchmark
    public long readQ1Output() throws Exception {
        long rows = 0;
        for (Split split : splits) {
            try (BatchReader reader = source.open(split, data.schema, List.of())) {
                for (Batch b = reader.next(); b != null; b = reader.next()) rows += b.rowCount();
            }
        }
        return rows;
    }
}
