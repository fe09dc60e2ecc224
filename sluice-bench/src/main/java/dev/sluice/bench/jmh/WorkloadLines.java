package dev.sluice.bench.jmh;

import dev.sluice.cli.LogGenerator;
import dev.sluice.json.JsonBatchBuilder;
import dev.sluice.json.JsonOptions;
import dev.sluice.types.DdlParser;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One batch worth of workload log lines (generated with seed 42), as bytes and as the scanned batch. */
@State(Scope.Benchmark)
public class WorkloadLines {
    static final String INPUT_SCHEMA = "ts STRING, request_id STRING, service STRING, method STRING, path STRING, "
            + "status INT, latency_ms DOUBLE, response_body STRING";
    static final int ROWS = Batch.DEFAULT_SIZE;

    byte[][] lines;
    long totalBytes;
    StructType schema;
    /** The lines scanned with {@link #schema}: input of the benchmarks after the scan. */
    Batch batch;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path file = Files.createTempFile("sluice-jmh", ".jsonl");
        try {
            new LogGenerator(42, 0).writeFile(file, ROWS);
            List<String> text = Files.readAllLines(file, StandardCharsets.UTF_8);
            lines = new byte[text.size()][];
            for (int i = 0; i < lines.length; i++) {
                lines[i] = text.get(i).getBytes(StandardCharsets.UTF_8);
                totalBytes += lines[i].length + 1;
            }
        } finally {
            Files.deleteIfExists(file);
        }
        schema = DdlParser.parseSchema(INPUT_SCHEMA);
        batch = scan(schema, lines);
    }

    static Batch scan(StructType schema, byte[][] lines) {
        JsonBatchBuilder builder = new JsonBatchBuilder(schema, JsonOptions.DEFAULT);
        for (byte[] line : lines) builder.append(line, 0, line.length);
        return builder.finish();
    }
}
