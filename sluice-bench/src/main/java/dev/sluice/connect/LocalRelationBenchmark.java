package dev.sluice.connect;

import dev.sluice.cli.LogGenerator;
import dev.sluice.io.BatchReader;
import dev.sluice.io.MemorySource;
import dev.sluice.io.Split;
import dev.sluice.json.JsonBatchBuilder;
import dev.sluice.json.JsonOptions;
import dev.sluice.types.DdlParser;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
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
import org.openjdk.jmh.infra.Blackhole;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A local relation of 1M rows of the workload's log schema (8 columns, ~570 bytes a row) as a client sends it
 * ({@code createDataFrame(pandas_df)}: one Arrow IPC stream of 10,000-row record batches, written by Arrow Java), made
 * into the batches a query reads. {@code rows} is the path before the tenth session (every value boxed into Rows by
 * {@link ArrowRows#decode}, then {@link MemorySource} builds each split's vectors from them), {@code columns} the
 * direct path ({@link ArrowLocalRelations#decode}: Arrow columns appended to Sluice vectors).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 4, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx6g")
@State(Scope.Benchmark)
public class LocalRelationBenchmark {
    private static final String SCHEMA = "ts STRING, request_id STRING, service STRING, method STRING, path STRING, "
            + "status INT, latency_ms DOUBLE, response_body STRING";
    private static final int ROWS = 1_000_000;
    private static final int ARROW_BATCH = 10_000;   // PySpark's spark.sql.execution.arrow.maxRecordsPerBatch

    private StructType schema;
    private byte[] ipc;
    private BufferAllocator allocator;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path file = Files.createTempFile("sluice-jmh", ".jsonl");
        Batch batch;
        try {
            new LogGenerator(42, 0).writeFile(file, Batch.DEFAULT_SIZE);
            schema = DdlParser.parseSchema(SCHEMA);
            JsonBatchBuilder builder = new JsonBatchBuilder(schema, JsonOptions.DEFAULT);
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                builder.append(bytes, 0, bytes.length);
            }
            batch = builder.finish();
        } finally {
            Files.deleteIfExists(file);
        }
        allocator = Allocators.root().newChildAllocator("bench", 0, Long.MAX_VALUE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (VectorSchemaRoot root = VectorSchemaRoot.create(ArrowTypes.schema(schema), allocator);
             ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out)) {
            writer.start();
            for (int done = 0; done < ROWS; done += ARROW_BATCH) {
                root.allocateNew();
                for (int c = 0; c < schema.size(); c++) {
                    FieldVector v = root.getVector(c);
                    for (int r = 0; r < ARROW_BATCH; r++) {
                        ArrowBatches.set(v, schema.field(c).dataType(), r, batch.column(c).getObject((done + r) % batch.rowCount()));
                    }
                    v.setValueCount(ARROW_BATCH);
                }
                root.setRowCount(ARROW_BATCH);
                writer.writeBatch();
            }
            writer.end();
        }
        ipc = out.toByteArray();
    }

    @TearDown(Level.Trial)
    public void tearDown() { allocator.close(); }

    /** The row path: Rows of boxed values and Strings, then each split's vectors built from them. */
    @Benchmark
    public long rows(Blackhole bh) {
        ArrowRows.Decoded d = ArrowRows.decode(allocator, ipc, null);
        MemorySource source = new MemorySource(d.schema(), d.rows(), Batch.DEFAULT_SIZE);
        long n = 0;
        for (Split split : source.splits()) {
            try (BatchReader reader = source.open(split, d.schema(), List.of())) {
                for (Batch b = reader.next(); b != null; b = reader.next()) {
                    bh.consume(b);
                    n += b.rowCount();
                }
            }
        }
        return n;
    }

    /** The direct path: Arrow columns appended to Sluice vectors, batches cut as MemorySource cuts them. */
    @Benchmark
    public long columns(Blackhole bh) {
        LocalBatchSource source = ArrowLocalRelations.decode(allocator, ipc, null, Batch.DEFAULT_SIZE);
        bh.consume(source);
        return source.knownRowCount();
    }

}
