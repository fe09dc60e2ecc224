package dev.sluice.connect;

import com.google.protobuf.ByteString;
import dev.sluice.cli.LogGenerator;
import dev.sluice.json.JsonBatchBuilder;
import dev.sluice.json.JsonOptions;
import dev.sluice.types.DdlParser;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import org.apache.arrow.memory.BufferAllocator;
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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Spark Connect result of 1M rows of the workload's log schema (8 columns, ~570 bytes a row, mostly
 * {@code response_body}) encoded into ArrowBatch messages: {@code rows} is the path before the ninth session (each batch
 * turned into Rows of boxed values and Strings, cut at 8192 rows or ~4 MB by {@link RowSizes}, each message encoded by
 * {@link ArrowBatches#encode} and copied into a ByteString), {@code columns} the direct path ({@link ArrowBatchEncoder}).
 * The input is 245 scans of 4096 generated lines (seed 42) sharing one batch, so it costs no heap per row.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 4, time = 5)
@Fork(1)
@State(Scope.Benchmark)
public class ArrowResultBenchmark {
    private static final String SCHEMA = "ts STRING, request_id STRING, service STRING, method STRING, path STRING, "
            + "status INT, latency_ms DOUBLE, response_body STRING";
    private static final int ROWS = 1_000_000;

    private StructType schema;
    private Batch batch;
    private BufferAllocator allocator;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path file = Files.createTempFile("sluice-jmh", ".jsonl");
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
    }

    @TearDown(Level.Trial)
    public void tearDown() { allocator.close(); }

    /** The row path: Rows per batch as the engine's toLocalIterator made them, then PlanExecutor's old loop. */
    @Benchmark
    public long rows(Blackhole bh) {
        long sent = 0;
        List<Row> message = new ArrayList<>();
        long bytes = 0;
        for (int done = 0; done < ROWS; ) {
            int n = Math.min(batch.rowCount(), ROWS - done);
            List<Row> rows = new ArrayList<>(n);
            for (int r = 0; r < n; r++) {
                Object[] values = new Object[batch.columnCount()];
                for (int c = 0; c < values.length; c++) values[c] = batch.column(c).getObject(r);
                rows.add(new Row(schema, values));
            }
            done += n;
            for (Row row : rows) {
                message.add(row);
                bytes += RowSizes.estimate(row);
                if (message.size() >= PlanExecutor.BATCH_ROWS || bytes >= PlanExecutor.BATCH_BYTES) {
                    sent += send(bh, ByteString.copyFrom(ArrowBatches.encode(allocator, schema, message)));
                    message.clear();
                    bytes = 0;
                }
            }
        }
        if (!message.isEmpty()) sent += send(bh, ByteString.copyFrom(ArrowBatches.encode(allocator, schema, message)));
        return sent;
    }

    /** The direct path: each batch's columns written into Arrow vectors. */
    @Benchmark
    public long columns(Blackhole bh) {
        long[] sent = {0};
        try (ArrowBatchEncoder encoder = new ArrowBatchEncoder(allocator, schema, PlanExecutor.BATCH_ROWS, PlanExecutor.BATCH_BYTES,
                (ipc, n) -> sent[0] += send(bh, ipc))) {
            for (int done = 0; done < ROWS; ) {
                int n = Math.min(batch.rowCount(), ROWS - done);
                encoder.add(n == batch.rowCount() ? batch : batch.slice(0, n));
                done += n;
            }
            encoder.finish();
        }
        return sent[0];
    }

    private static long send(Blackhole bh, ByteString message) {
        bh.consume(message);
        return message.size();
    }
}
