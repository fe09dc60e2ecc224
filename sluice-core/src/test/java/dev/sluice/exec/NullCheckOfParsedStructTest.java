package dev.sluice.exec;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.types.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.sluice.functions.col;
import static dev.sluice.functions.from_json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code content.error IS [NOT] NULL} alone prunes the parsed struct to no field when its first field is a string
 * (PruneColumns, Need.countsOnly): the fused scan and Jackson then only tell an object from a null. Against the same
 * rows read with the struct whole, over values of every kind where the struct is (objects of strings, numbers,
 * nested values, escapes, repeated keys, empty objects, null, missing, scalars and arrays instead of an object) and
 * malformed documents, in from_json's PERMISSIVE and FAILFAST modes, at parallelism 1 and 3.
 */
class NullCheckOfParsedStructTest {
    private static final String CONTENT = "struct<user: struct<id: bigint>, error: struct<code: string, message: string>>";
    private static final String[] ERRORS = {
        "null", "{\"code\":\"E1\",\"message\":\"m \\\"q\\\" \\u00e9\"}", "{}", "{\"code\":5,\"message\":[1,{\"a\":null}]}",
        "{\"message\":{\"x\":[true,false]},\"code\":null}", "{\"code\":\"a\",\"code\":\"b\"}", "{\"other\":1.5e3}",
        "\"E7\"", "7", "[]", "[{\"code\":\"E1\"}]", "true", "{\"code\":\"x\\\\y\",\"message\":\"\\n\\t\"}",
    };
    private static final int ROWS = 2000;
    private static Path dir;
    private static Path clean;
    private static Path mixed;

    @BeforeAll static void write() throws IOException {
        dir = Files.createTempDirectory("null-check");
        clean = dir.resolve("objects.jsonl");
        mixed = dir.resolve("mixed.jsonl");
        StringBuilder objects = new StringBuilder();
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < ROWS; i++) {
            String error = ERRORS[i % ERRORS.length];
            boolean object = error.startsWith("{") || error.equals("null");
            String doc = i % 17 == 0 ? "{\"user\":{\"id\":" + i + "},\"error\":{\"code\":"   // malformed: cut short
                    : i % 11 == 0 ? "{\"user\":{\"id\":" + i + "}}"                         // no error key
                    : "{\"user\":{\"id\":" + i + "},\"error\":" + error + "}";
            String line = "{\"id\":" + i + ",\"body\":\"" + doc.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}\n";
            all.append(line);
            if (object && i % 17 != 0) objects.append(line);
        }
        Files.writeString(clean, objects.toString());
        Files.writeString(mixed, all.toString());
    }

    @AfterAll static void cleanUp() throws IOException {
        Files.deleteIfExists(clean);
        Files.deleteIfExists(mixed);
        Files.deleteIfExists(dir);
    }

    private static DataFrame parsed(Sluice s, Path file, String mode) {
        return s.read().schema("id INT, body STRING").json(file.toString())
                .withColumn("content", from_json(col("body"), CONTENT, Map.of("mode", mode)));
    }

    /** Row by row: id, then whether content.error is null, from a plan reading the struct whole. */
    private static List<String> nullsReadWhole(DataFrame df) {
        List<String> out = new ArrayList<>();
        for (Row r : df.select(col("id"), col("content.error")).orderBy(col("id")).collectAsList()) {
            out.add(r.get(0) + " " + (r.get(1) == null));
        }
        return out;
    }

    private static List<String> strings(DataFrame df) {
        List<String> out = new ArrayList<>();
        for (Row r : df.orderBy(col("id")).collectAsList()) out.add(r.get(0) + " " + r.get(1));
        return out;
    }

    @ParameterizedTest
    @CsvSource({"PERMISSIVE, 1", "PERMISSIVE, 3", "FAILFAST, 1", "FAILFAST, 3"})
    void aNullCheckAloneGivesWhatTheWholeStructGives(String mode, int parallelism) {
        try (Sluice s = Sluice.builder().parallelism(parallelism).maxSplitBytes(8192).build()) {
            for (Path file : mode.equals("FAILFAST") ? List.of(clean) : List.of(clean, mixed)) {
                DataFrame df = parsed(s, file, mode);
                DataFrame isNull = df.select(col("id"), col("content.error").isNull());
                assertThat(isNull.optimizedPlan().toString()).contains("error:struct<>");
                List<String> expected = nullsReadWhole(df);
                assertThat(expected).hasSizeGreaterThan(ROWS / 2).anyMatch(r -> r.endsWith("true")).anyMatch(r -> r.endsWith("false"));
                assertThat(strings(isNull)).as(mode + " " + file).isEqualTo(expected);
                long notNull = expected.stream().filter(r -> r.endsWith("false")).count();
                assertThat(df.filter(col("content.error").isNotNull()).count()).isEqualTo(notNull);
            }
            // the parsed value itself: from_json(error's text) IS NULL, its schema pruned to struct<> at the top
            DataFrame errors = s.read().schema("id INT, body STRING").json(mixed.toString())
                    .withColumn("body", dev.sluice.functions.get_json_object(col("body"), "$.error"))
                    .withColumn("content", from_json(col("body"), "struct<code: string, message: string>", Map.of("mode", "PERMISSIVE")));
            DataFrame topIsNull = errors.select(col("id"), col("content").isNull());
            assertThat(topIsNull.optimizedPlan().toString()).contains("struct<>");
            List<String> whole = new ArrayList<>();
            for (Row r : errors.select(col("id"), col("content")).orderBy(col("id")).collectAsList()) whole.add(r.get(0) + " " + (r.get(1) == null));
            assertThat(whole).anyMatch(r -> r.endsWith("true")).anyMatch(r -> r.endsWith("false"));
            assertThat(strings(topIsNull)).isEqualTo(whole);
            if (mode.equals("FAILFAST")) {   // a scalar where the struct is fails the whole plan and the pruned one alike
                DataFrame df = parsed(s, mixed, mode);
                assertThatThrownBy(() -> nullsReadWhole(df)).isNotNull();
                assertThatThrownBy(() -> df.filter(col("content.error").isNotNull()).count()).isNotNull();
            }
        }
    }
}
