package dev.sluice.bench.jmh;

import dev.sluice.io.BatchReader;
import dev.sluice.io.ListingOptions;
import dev.sluice.io.LocalStorage;
import dev.sluice.io.RecordEncoder;
import dev.sluice.io.Split;
import dev.sluice.io.parquet.ParquetFileFormat;
import dev.sluice.io.parquet.ParquetSource;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Parquet read of a Q1-like output with nested content (131,072 rows, snappy, written by Sluice): the request's
 * flat fields plus {@code content} (a struct holding a list of item structs and a list of tags) and a map of
 * headers, with nulls at every level; every column is read and the items' quantities and the tags are
 * aggregated from the vectors. Time per file.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class ParquetNestedReadBenchmark {
    static final String SCHEMA = "service STRING, status INT, latency_ms DOUBLE, "
            + "content STRUCT<kind: STRING, items: ARRAY<STRUCT<sku: STRING, qty: INT, price: DOUBLE>>, tags: ARRAY<STRING>>, "
            + "headers MAP<STRING, STRING>";
    private static final String[] SERVICES = {"auth", "billing", "catalog", "checkout", "inventory", "search"};
    private static final int BATCHES = 32;

    private Path file;
    private ParquetSource source;
    private List<Split> splits;
    private StructType schema;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        schema = StructType.fromDDL(SCHEMA);
        StructType content = (StructType) schema.field(3).dataType();
        StructType item = StructType.fromDDL("sku STRING, qty INT, price DOUBLE");
        SplittableRandom random = new SplittableRandom(42);
        file = Files.createTempFile("sluice-jmh-nested", ".parquet");
        try (OutputStream out = Files.newOutputStream(file)) {
            RecordEncoder encoder = new ParquetFileFormat().writer(Map.of("compression", "snappy")).open(out, schema);
            for (int b = 0; b < BATCHES; b++) {
                FlatVector[] c = new FlatVector[schema.size()];
                for (int i = 0; i < c.length; i++) c[i] = Vectors.allocate(schema.field(i).dataType(), Batch.DEFAULT_SIZE);
                for (int r = 0; r < Batch.DEFAULT_SIZE; r++) {
                    c[0].appendObject(SERVICES[random.nextInt(SERVICES.length)]);
                    c[1].appendObject(random.nextInt(10) == 0 ? 500 : 200);
                    c[2].appendObject(random.nextInt(50) / 4.0);
                    if (random.nextInt(20) == 0) {
                        c[3].appendObject(null);
                    } else {
                        List<Row> items = new ArrayList<>();
                        int n = random.nextInt(6);
                        for (int i = 0; i < n; i++) {
                            items.add(random.nextInt(30) == 0 ? null : Row.of(item, "sku-" + random.nextInt(500),
                                    random.nextInt(10) == 0 ? null : random.nextInt(1, 9), random.nextInt(10_000) / 100.0));
                        }
                        List<String> tags = new ArrayList<>();
                        for (int i = random.nextInt(4); i > 0; i--) tags.add("t" + random.nextInt(12));
                        c[3].appendObject(Row.of(content, random.nextBoolean() ? "cart" : "order",
                                random.nextInt(10) == 0 ? null : items, tags));
                    }
                    Map<String, String> headers = new LinkedHashMap<>();
                    headers.put("accept", random.nextBoolean() ? "json" : "xml");
                    if (random.nextBoolean()) headers.put("trace", Long.toHexString(random.nextLong()));
                    c[4].appendObject(headers);
                }
                encoder.write(new Batch((ColumnVector[]) c, Batch.DEFAULT_SIZE));
            }
            encoder.close();
        }
        source = new ParquetSource(LocalStorage.INSTANCE, List.of(file.toString()), schema, Long.MAX_VALUE, ListingOptions.DEFAULT);
        splits = source.splits();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException { Files.deleteIfExists(file); }

    /** Reads every column; sums the items' quantities and counts the tags and headers. */
    @Benchmark
    public long readAndAggregate() throws Exception {
        long total = 0;
        for (Split split : splits) {
            try (BatchReader reader = source.open(split, schema, List.of())) {
                for (Batch b = reader.next(); b != null; b = reader.next()) {
                    ColumnVector content = b.column(3);
                    ColumnVector items = content.child(1);
                    ColumnVector qty = items.elements().child(1);
                    for (int i = 0; i < qty.size(); i++) if (!qty.isNull(i)) total += qty.getInt(i);
                    total += content.child(2).elements().size() + b.column(4).elements().size();
                }
            }
        }
        return total;
    }
}
