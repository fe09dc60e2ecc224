package dev.sluice;

import dev.sluice.error.SluiceException;
import dev.sluice.types.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.sluice.functions.col;
import static dev.sluice.functions.from_json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A filter pushed into a JSON Lines scan that reads only columns other than the one a fused from_json parses
 * ({@code status < 400} under {@code from_json(response_body)}): the reader judges it before it parses the
 * documents, and parses only the rows it keeps. The lines a filter drops are still judged as records in every mode:
 * the results below are the ones the reader gave when it parsed every document (pinned from main before the change).
 */
class FromJsonAfterScanFilterTest {
    static final String CONTENT = "struct<user:struct<id:bigint,country:string>,items:array<struct<qty:int>>>";

    @TempDir static Path dir;
    static Sluice sluice;
    static Path logs;
    static Path goodDocuments;

    private static String line(String ts, String status, String body) {
        return "{\"ts\":\"" + ts + "\",\"status\":" + status + ",\"response_body\":" + body + "}";
    }

    private static String doc(int id) {
        return "\"{\\\"user\\\":{\\\"id\\\":" + id + ",\\\"country\\\":\\\"C" + id % 3 + "\\\"},\\\"items\\\":[{\\\"qty\\\":" + id + "}]}\"";
    }

    @BeforeAll static void setUp() throws IOException {
        sluice = Sluice.builder().parallelism(2).maxSplitBytes(4096).build();
        List<String> lines = new ArrayList<>();
        List<String> good = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String kept = line("a" + i, "200", doc(i));
            String dropped = line("b" + i, "500", doc(1000 + i));
            lines.add(kept);
            lines.add(dropped);
            good.add(kept);
            good.add(dropped);
            if (i % 40 == 7) {
                lines.add(line("c" + i, "200", "\"{\\\"user\\\":{\\\"id\\\":\\\"x\\\"}}\""));   // a document from_json finds malformed
                lines.add(line("d" + i, "503", "\"{\\\"user\\\":{\\\"id\\\":\\\"x\\\"}}\""));   // the same in a line the filter drops
                good.add(line("d" + i, "503", "\"{\\\"user\\\":{\\\"id\\\":\\\"x\\\"}}\""));
                lines.add(line("e" + i, "\"x\"", doc(2000 + i)));   // a status that is not an int: a malformed record
                lines.add(line("f" + i, "200", doc(3000 + i)).substring(0, 60));   // a broken line
            }
        }
        logs = dir.resolve("logs.jsonl");
        Files.write(logs, lines);
        goodDocuments = dir.resolve("good.jsonl");
        Files.write(goodDocuments, good);
    }

    @AfterAll static void tearDown() { sluice.close(); }

    private static List<String> query(Path input, String schema, Map<String, String> readOptions, Map<String, String> fromJsonOptions,
                                      Column filter, String... columns) {
        DataFrame df = sluice.read().schema(schema).options(readOptions).json(input.toString())
                .withColumn("content", from_json(col("response_body"), CONTENT, fromJsonOptions)).filter(filter);
        Column[] select = new Column[columns.length];
        for (int i = 0; i < columns.length; i++) select[i] = col(columns[i]);
        List<String> out = new ArrayList<>();
        for (Row row : df.select(select).collect()) out.add(row.toString());
        out.sort(null);
        return out;
    }

    @Test void permissiveKeepsMalformedRecordsAsNullsThatTheFilterDrops() {
        List<String> rows = query(logs, "ts STRING, status INT, response_body STRING", Map.of(), Map.of(),
                col("status").lt(400), "ts", "content.user.id", "content.items");
        assertThat(rows).hasSize(123).contains("[a7,7,[[7]]]", "[c7,null,null]", "[c47,null,null]", "[c87,null,null]")
                .noneMatch(r -> r.startsWith("[b") || r.startsWith("[d") || r.startsWith("[e") || r.startsWith("[f"));
    }

    @Test void theCorruptRecordColumnStillHoldsTheLinesAFilterOnItKeeps() {
        String schema = "ts STRING, status INT, response_body STRING, _corrupt_record STRING";
        List<String> corrupt = query(logs, schema, Map.of(), Map.of(), col("_corrupt_record").isNotNull(),
                "ts", "status", "content.user.id", "content.user.country");
        assertThat(corrupt).containsExactly("[e47,null,2047,C1]", "[e7,null,2007,C0]", "[e87,null,2087,C2]",
                "[null,null,null,null]", "[null,null,null,null]", "[null,null,null,null]");
        List<String> kept = query(logs, schema, Map.of(), Map.of(), col("status").lt(400), "ts", "_corrupt_record");
        assertThat(kept).hasSize(123).allMatch(r -> r.endsWith(",null]"));
    }

    @Test void dropMalformedDropsTheSameRecords() {
        List<String> rows = query(logs, "ts STRING, status INT, response_body STRING", Map.of("mode", "DROPMALFORMED"), Map.of(),
                col("status").lt(400), "ts", "content.user.id");
        assertThat(rows).hasSize(123).contains("[a119,119]", "[c7,null]");
        assertThat(query(logs, "ts STRING, status INT, response_body STRING", Map.of("mode", "DROPMALFORMED"), Map.of(),
                col("status").geq(400), "ts", "content.user.id")).hasSize(123).contains("[b3,1003]", "[d7,null]");
    }

    @Test void failFastFailsOnAMalformedLineTheFilterWouldDrop() {
        Throwable e = catchThrowable(() -> query(logs, "ts STRING, status INT, response_body STRING", Map.of("mode", "FAILFAST"),
                Map.of(), col("status").lt(400), "ts", "content.user.id"));
        assertThat(e).isInstanceOf(SluiceException.class);
        assertThat(e.getMessage()).contains("MALFORMED_RECORD").contains("logs.jsonl:").contains("field `status`: expected int, got string");
    }

    @Test void fromJsonFailFastSeesOnlyTheRowsTheFilterKeeps() {
        // the malformed documents of goodDocuments sit only in lines the filter drops
        assertThat(query(goodDocuments, "ts STRING, status INT, response_body STRING", Map.of("mode", "FAILFAST"),
                Map.of("mode", "FAILFAST"), col("status").lt(400), "ts", "content.user.id")).hasSize(120).contains("[a0,0]");
        Throwable e = catchThrowable(() -> query(goodDocuments, "ts STRING, status INT, response_body STRING", Map.of(),
                Map.of("mode", "FAILFAST"), col("status").geq(400), "ts", "content.user.id"));
        assertThat(e).isInstanceOf(SluiceException.class);
        assertThat(e.getMessage()).contains("MALFORMED_RECORD");
        Throwable inLogs = catchThrowable(() -> query(logs, "ts STRING, status INT, response_body STRING", Map.of(),
                Map.of("mode", "FAILFAST"), col("status").lt(400), "ts", "content.user.id"));
        assertThat(inLogs).isInstanceOf(SluiceException.class);
        assertThat(inLogs.getMessage()).contains("MALFORMED_RECORD");
    }
}
