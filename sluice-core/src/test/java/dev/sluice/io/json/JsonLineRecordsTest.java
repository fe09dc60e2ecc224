package dev.sluice.io.json;

import dev.sluice.error.SluiceException;
import dev.sluice.io.CountingStorage;
import dev.sluice.io.FileSplit;
import dev.sluice.io.FileStatus;
import dev.sluice.io.LineReader;
import dev.sluice.json.FromJsonColumn;
import dev.sluice.json.FromJsonEvaluator;
import dev.sluice.json.JsonBatchBuilder;
import dev.sluice.json.JsonOptions;
import dev.sluice.json.StrictJsonScannerTest;
import dev.sluice.types.DataType;
import dev.sluice.types.DdlParser;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records whose line end the fast path finds itself must come out exactly as when the line reader finds every line
 * first: the same rows, corrupt-record text, dropped counts, failures (and their line numbers) and fused from_json
 * results, on random and mutated records with CRLF, blank and whitespace lines, trailing text, records broken over two
 * lines and lines that are not one object, across buffer boundaries (tiny buffers) and split boundaries.
 */
class JsonLineRecordsTest {
    @TempDir Path tmp;
    private final CountingStorage storage = CountingStorage.local();
    private static final String LOG = "ts STRING, status INT, latency_ms DOUBLE, response_body STRING, ok BOOLEAN, id BIGINT";

    @Test void theSameRecordsWhetherTheScanOrTheLineReaderFindsTheLineEnds() throws IOException {
        Random random = new Random(5);
        String text = randomFile(random, 3000);
        Path path = tmp.resolve("logs.jsonl");
        Files.writeString(path, text, StandardCharsets.UTF_8);
        FileStatus file = storage.status(path.toString());
        long cut = text.length() / 3 + random.nextInt(100);
        List<FileSplit> twoSplits = List.of(new FileSplit(file.path(), 0, cut, file.size()),
                new FileSplit(file.path(), cut, file.size() - cut, file.size()));
        DataType content = DdlParser.parseType(StrictJsonScannerTest.CONTENT);
        for (String ddl : new String[] {LOG, LOG + ", _corrupt_record STRING", "status INT, response_body STRING"}) {
            for (String mode : new String[] {"PERMISSIVE", "DROPMALFORMED", "FAILFAST"}) {
                JsonOptions options = JsonOptions.of(Map.of("mode", mode));
                for (boolean fused : new boolean[] {false, true}) {
                    List<FromJsonColumn> calls = fused
                            ? List.of(new FromJsonColumn("response_body", content, JsonOptions.DEFAULT)) : List.of();
                    for (int buffer : new int[] {64, 1000, 1 << 20}) {
                        for (List<FileSplit> splits : List.of(List.of(FileSplit.whole(file)), twoSplits)) {
                            String what = ddl + " " + mode + " fused " + fused + " buffer " + buffer + " splits " + splits.size();
                            StructType schema = StructType.fromDDL(ddl);
                            assertThat(read(schema, options, calls, content, splits, buffer, true)).as(what)
                                    .isEqualTo(read(schema, options, calls, content, splits, buffer, false));
                        }
                    }
                }
            }
        }
    }

    @Test void plainRecordsAreReadWithoutTheLineReadersSearch() throws IOException {
        Path path = tmp.resolve("plain.jsonl");
        Random random = new Random(9);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            text.append("{\"ts\":\"2026-10-01T00:00:0").append(random.nextInt(10)).append("Z\", \"status\":").append(200 + random.nextInt(300))
                    .append(",\"x\":[1,{\"y\":null}],\"response_body\":\"{\\\"error\\\":null}\"}").append(i % 2 == 0 ? "\n" : " \r\n");
        }
        Files.writeString(path, text, StandardCharsets.UTF_8);
        JsonBatchBuilder builder = new JsonBatchBuilder(StructType.fromDDL("status INT, response_body STRING"), JsonOptions.DEFAULT);
        int taken = 0;
        try (LineReader lines = LineReader.open(storage, FileSplit.whole(storage.status(path.toString())))) {
            assertThat(lines.next()).isTrue();
            builder.append(lines.buffer(), lines.offset(), lines.length());
            while (lines.hasUnread()) {
                int lineEnd = builder.appendLine(lines.buffer(), lines.unreadStart(), lines.unreadEnd(), lines.unreadEndsInput());
                if (lineEnd < 0) break;
                lines.takeLine(lineEnd);
                taken++;
            }
        }
        assertThat(taken).isEqualTo(499);
        assertThat(builder.rowCount()).isEqualTo(500);
    }

    /** Rows (with from_json's results), then the dropped count, or the failure's message. */
    private List<String> read(StructType schema, JsonOptions options, List<FromJsonColumn> calls, DataType content,
                              List<FileSplit> splits, int bufferSize, boolean scanFindsLineEnds) {
        List<String> out = new ArrayList<>();
        long dropped = 0;
        try {
            for (FileSplit split : splits) {
                JsonBatchBuilder builder = new JsonBatchBuilder(schema, options, calls);
                try (LineReader lines = LineReader.open(storage, split, bufferSize)) {
                    JsonLineRecords records = new JsonLineRecords(lines, builder, scanFindsLineEnds ? 0 : Integer.MAX_VALUE);
                    boolean more = true;
                    while (more) {
                        more = records.fill(700);
                        if (builder.rowCount() > 0) out.addAll(rows(builder.finish(), schema, calls, content));
                    }
                    dropped += records.dropped();
                }
            }
        } catch (SluiceException e) {
            out.add("failed: " + e.getMessage());
        }
        out.add("dropped " + dropped);
        return out;
    }

    private static List<String> rows(Batch batch, StructType schema, List<FromJsonColumn> calls, DataType content) {
        ColumnVector parsed = calls.isEmpty() ? null
                : FromJsonEvaluator.evaluate(batch.column(schema.indexOf("response_body")), content, JsonOptions.DEFAULT);
        List<String> out = new ArrayList<>();
        for (int r = 0; r < batch.rowCount(); r++) {
            StringBuilder row = new StringBuilder();
            for (int c = 0; c < batch.columnCount(); c++) row.append(batch.column(c).getObject(r)).append('|');
            if (parsed != null) row.append(parsed.getObject(r));
            out.add(row.toString());
        }
        return out;
    }

    /** Mutated log records, with the line-level oddities a file can hold. */
    private static String randomFile(Random r, int records) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < records; i++) {
            String record = StrictJsonScannerTest.mutate(r, StrictJsonScannerTest.randomLogRecord(r), r);
            switch (r.nextInt(24)) {
                case 0 -> sb.append('\n');                                   // a blank line before
                case 1 -> sb.append(" \t\r\n");                              // a whitespace line before
                case 2 -> record = "  " + record;                            // leading spaces
                case 3 -> record = record + " \t";                           // trailing whitespace
                case 4 -> record = record + " x";                            // trailing text
                case 5 -> record = record + "{}";                            // a second value
                case 6 -> {                                                  // broken over two lines
                    int at = r.nextInt(record.length() + 1);
                    record = record.substring(0, at) + (r.nextBoolean() ? "\n" : "\r\n") + record.substring(at);
                }
                case 11, 12, 13 -> {                                         // broken after a comma, where whitespace may be
                    int at = record.indexOf(',', r.nextInt(record.length()));
                    if (at >= 0) record = record.substring(0, at + 1) + "\n" + record.substring(at + 1);
                }
                case 7 -> record = "[" + record + "]";                       // a top-level array
                case 8 -> record = "12";                                     // not an object
                case 9 -> record = record + "\r\r";                          // carriage returns before the newline
                case 10 -> record = record + "\r";                           // a lone CR at the end: data
                default -> { }
            }
            sb.append(record);
            if (i < records - 1 || r.nextBoolean()) sb.append(r.nextInt(3) == 0 ? "\r\n" : "\n");
        }
        return sb.toString();
    }
}
