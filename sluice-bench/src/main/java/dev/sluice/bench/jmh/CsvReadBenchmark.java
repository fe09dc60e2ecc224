package dev.sluice.bench.jmh;

import dev.sluice.io.BatchReader;
import dev.sluice.io.LocalStorage;
import dev.sluice.io.Split;
import dev.sluice.io.csv.CsvOptions;
import dev.sluice.io.csv.CsvSource;
import dev.sluice.types.DdlParser;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * CSV reading: {@link CsvSource} reading a file of 16,384 log-like records (about 1.3 MB: a timestamp, two
 * strings, an int, a double and a path, one path in five quoted, holding a separator and escaped quotes) into batches with
 * an explicit schema, by the number of projected columns: 1 (status: the other fields scanned but not copied)
 * or 6 (all). Time per file; MB/s = file MB / (ms per op) * 1000. The file is read from the page cache.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class CsvReadBenchmark {
    static final String SCHEMA = "ts TIMESTAMP, service STRING, method STRING, status INT, latency_ms DOUBLE, path STRING";
    static final int ROWS = 16_384;

    @Param({"1", "6"})
    public int columns;

    private Path file;
    private CsvSource source;
    private StructType projection;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        file = Files.createTempFile("sluice-jmh", ".csv");
        writeFile(file, ROWS, 42);
        StructType schema = DdlParser.parseSchema(SCHEMA);
        source = new CsvSource(LocalStorage.INSTANCE, List.of(file.toString()), schema, CsvOptions.forReading(Map.of()),
                Long.MAX_VALUE);
        projection = columns == 1 ? DdlParser.parseSchema("status INT") : schema;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public long readFile(Blackhole bh) {
        long rows = 0;
        for (Split split : source.splits()) {
            try (BatchReader reader = source.open(split, projection, List.of())) {
                for (Batch b = reader.next(); b != null; b = reader.next()) {
                    rows += b.rowCount();
                    bh.consume(b);
                }
            }
        }
        return rows;
    }

    /** Deterministic log-like records, as the workload's fields (the CSV variant has no nested document). */
    static void writeFile(Path file, int rows, long seed) throws IOException {
        String[] services = {"auth", "billing", "search", "catalog", "checkout"};
        String[] methods = {"GET", "POST", "PUT", "DELETE"};
        SplittableRandom random = new SplittableRandom(seed);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < rows; i++) {
                long second = 1_700_000_000L + i;
                w.write(java.time.Instant.ofEpochSecond(second, random.nextInt(1000) * 1_000_000L).toString());
                w.write(',');
                w.write(services[random.nextInt(services.length)]);
                w.write(',');
                w.write(methods[random.nextInt(methods.length)]);
                w.write(',');
                w.write(Integer.toString(random.nextInt(5) == 0 ? 500 + random.nextInt(4) : 200 + random.nextInt(5)));
                w.write(',');
                w.write(Double.toString(random.nextInt(100_000) / 100.0));
                w.write(',');
                String path = "/api/v1/items/" + random.nextInt(100_000);
                w.write(random.nextInt(5) == 0 ? "\"" + path + "?q=a,\\\"b\\\"\"" : path);   // "/api/v1/items/7?q=a,\"b\""
                w.write('\n');
            }
        }
    }
}
