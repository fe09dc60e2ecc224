package dev.sluice.json;

import dev.sluice.types.StructType;
import dev.sluice.vector.ColumnVector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.sluice.json.JsonTestSupport.opts;
import static dev.sluice.json.JsonTestSupport.rows;
import static dev.sluice.json.JsonTestSupport.schema;
import static dev.sluice.json.JsonTestSupport.show;
import static dev.sluice.json.JsonTestSupport.strings;
import static dev.sluice.json.JsonTestSupport.type;
import static dev.sluice.json.JsonTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast path must give exactly what the Jackson path gives: every record (plain, odd, mutated into
 * garbage) is read both ways, by the file reader in each mode and by from_json, and the results compared.
 */
public class StrictJsonScannerTest {
    static final String LOG = "ts STRING, status INT, latency_ms DOUBLE, response_body STRING, ok BOOLEAN, id BIGINT";
    public static final String CONTENT = "struct<user: struct<id: bigint, country: string, plan: string>,"
            + " items: array<struct<sku: string, qty: int, price: double>>, error: struct<code: string, message: string>>";

    /** Values chosen to sit on the edges of what the fast path converts. */
    static final String[] SCALARS = {
        "0", "-0", "1", "-1", "12", "2147483647", "2147483648", "-2147483648", "-2147483649", "123456789012345678",
        "1234567890123456789", "9223372036854775807", "9223372036854775808", "12345678901234567890123", "01", "-",
        "1.5", "1.50", "-0.0", "0.1", "123.456e3", "1e22", "1e23", "1E-5", "1e400", "-1e-400", "4.9e-324", "1.", ".5",
        "1e", "1e+", "9007199254740993", "9007199254740993.0", "0.1000000000000000055511151231257827", "3.14159265358979323846",
        "NaN", "Infinity", "-Infinity", "true", "false", "null", "nul", "truex", "12x",
        "\"\"", "\"abc\"", "\"a\\\"b\"", "\"a\\\\b\\/c\"", "\"\\n\\t\\r\\b\\f\"", "\"\\u00e9\\u4e2d\\u0041\"", "\"\\u0000\"",
        "\"\\ud83d\\ude00\"", "\"\\ud83d\"", "\"\\x\"", "\"\\u12g4\"", "\"é中😀\"", "\"a\tb\"", "'single'", "\"unterminated",
        "\"12\"", "\"1.5\"", "\"NaN\"", "\"2026-10-01\"", "{}", "[]", "[1,2]", "[1,,2]", "[1,2,]", "{\"x\":1}", "{\"x\":}",
        "{\"x\":[{\"y\":\"z\"}]}", "[null]", "[\"a\",null,\"b\"]", "{\"a\":1,}", "/*c*/1",
    };

    @Test void fileReaderGivesTheSameRowsBothWaysOnRandomRecords() {
        Random random = new Random(7);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 4000; i++) lines.add(mutate(random, randomLogRecord(random), random));
        String[] records = lines.toArray(new String[0]);
        for (String ddl : new String[] {LOG, LOG + ", _corrupt_record STRING", "status INT, response_body STRING",
                "items ARRAY<STRUCT<sku: STRING, qty: INT, price: DOUBLE>>, x ARRAY<INT>, user STRUCT<id: BIGINT>"}) {
            for (String mode : new String[] {"PERMISSIVE", "DROPMALFORMED", "FAILFAST"}) {
                assertThat(readAll(ddl, opts("mode", mode), records, true)).as(ddl + " " + mode)
                        .isEqualTo(readAll(ddl, opts("mode", mode), records, false));
            }
        }
    }

    @Test void fromJsonGivesTheSameValuesBothWaysOnRandomDocuments() {
        Random random = new Random(11);
        String[] docs = new String[4000];
        for (int i = 0; i < docs.length; i++) docs[i] = i % 50 == 0 ? null : mutate(random, randomContent(random), random);
        for (String ddl : new String[] {CONTENT, "struct<items: array<struct<qty: int>>, error: struct<code: string>>",
                "struct<user: struct<id: bigint>, _corrupt_record: string>"}) {
            for (String mode : new String[] {"PERMISSIVE", "FAILFAST"}) {
                assertThat(fromJsonAll(ddl, opts("mode", mode), docs, true)).as(ddl + " " + mode)
                        .isEqualTo(fromJsonAll(ddl, opts("mode", mode), docs, false));
            }
        }
    }

    @Test void everyEdgeValueInEveryTypeGivesTheSameRowBothWays() {
        List<String> lines = new ArrayList<>();
        for (String v : SCALARS) {
            for (String key : new String[] {"s", "i", "l", "d", "b", "a", "t", "other"}) {
                lines.add("{\"" + key + "\":" + v + "}");
                lines.add(" {\"s\":\"x\", \"" + key + "\" : " + v + " } ");
            }
        }
        String ddl = "s STRING, i INT, l BIGINT, d DOUBLE, b BOOLEAN, a ARRAY<STRING>, t STRUCT<x: INT>";
        String[] records = lines.toArray(new String[0]);
        assertThat(readAll(ddl, JsonOptions.DEFAULT, records, true)).isEqualTo(readAll(ddl, JsonOptions.DEFAULT, records, false));
        for (String o : new String[] {"allowSingleQuotes", "allowNonNumericNumbers", "allowNumericLeadingZeros",
                "allowComments", "allowBackslashEscapingAnyCharacter", "allowUnquotedControlChars"}) {
            JsonOptions options = opts(o, "true");
            assertThat(readAll(ddl, options, records, true)).as(o).isEqualTo(readAll(ddl, options, records, false));
        }
    }

    @Test void keysOfEveryLengthMatchTheSameFieldsBothWays() {
        String long64 = "k".repeat(64), long70 = "k".repeat(70);
        String ddl = "`ab` INT, `abcd` STRING, `" + long64 + "` INT, `" + long70 + "` STRING, `` INT";
        List<String> lines = new ArrayList<>();
        for (String key : new String[] {"ab", "ba", "abc", "abcd", "abce", "", " ", long64, long64 + "k", long70,
                "k".repeat(63), "k".repeat(69) + "x", "\u0061b"}) {
            lines.add("{\"" + key + "\":1}");
            lines.add("{\"x\":0,\"" + key + "\":\"v\",\"ab\":2}");
        }
        String[] records = lines.toArray(new String[0]);
        assertThat(readAll(ddl, JsonOptions.DEFAULT, records, true)).isEqualTo(readAll(ddl, JsonOptions.DEFAULT, records, false));
    }

    @Test void plainWorkloadRecordsTakeTheFastPath() {
        StrictJsonScanner scanner = StrictJsonScanner.forStruct(new StructParser(schema(LOG), JsonOptions.DEFAULT, 16, null), null, false);
        Random random = new Random(3);
        for (int i = 0; i < 100; i++) {
            byte[] line = utf8("{\"ts\":\"2026-10-01T00:00:00.123Z\",\"status\":" + (200 + i) + ",\"latency_ms\":" + (i * 1.25)
                    + ",\"id\":" + random.nextLong() + ",\"ok\":" + (i % 2 == 0) + ",\"response_body\":"
                    + quote("{\"user\":{\"country\":\"\u00e9\\u00e9\"},\"items\":" + randomItems(random) + "}") + ",\"extra\":[1,{\"a\":null}]}");
            assertThat(scanner.readRecord(line, 0, line.length, false)).as(new String(line, java.nio.charset.StandardCharsets.UTF_8)).isTrue();
        }
        assertThat(StrictJsonScanner.forStruct(new StructParser(schema("d DATE"), JsonOptions.DEFAULT, 16, null), null, false)).isNull();
    }

    // ---- both ways ----

    static List<String> readAll(String ddl, JsonOptions options, String[] records, boolean fastPath) {
        StructType schema = schema(ddl);
        JsonBatchBuilder builder = new JsonBatchBuilder(schema, options, fastPath);
        List<String> out = new ArrayList<>();
        for (String record : records) {
            byte[] bytes = utf8(record);
            try {
                out.add(builder.append(bytes, 0, bytes.length).name());
            } catch (MalformedJsonException e) {
                out.add("FAILFAST " + e.reason());
            }
            if (builder.rowCount() >= 100) out.addAll(rows(builder.finish()));
        }
        out.addAll(rows(builder.finish()));
        return out;
    }

    static List<String> fromJsonAll(String ddl, JsonOptions options, String[] docs, boolean fastPath) {
        List<String> out = new ArrayList<>();
        for (int start = 0; start < docs.length; start += 500) {
            String[] chunk = java.util.Arrays.copyOfRange(docs, start, Math.min(docs.length, start + 500));
            try {
                ColumnVector v = FromJsonEvaluator.evaluate(strings(chunk), type(ddl), options, fastPath);
                for (int r = 0; r < v.size(); r++) out.add(show(v, r));
            } catch (RuntimeException e) {   // FAILFAST: the same first failure both ways
                out.add(e.getClass().getSimpleName() + " " + e.getMessage());
                for (String doc : chunk) {
                    try {
                        ColumnVector v = FromJsonEvaluator.evaluate(strings(doc), type(ddl), options, fastPath);
                        out.add(show(v, 0));
                    } catch (RuntimeException one) {
                        out.add(one.getClass().getSimpleName() + " " + one.getMessage());
                    }
                }
            }
        }
        return out;
    }

    // ---- random records ----

    public static String randomLogRecord(Random r) {
        StringBuilder sb = new StringBuilder("{");
        List<String> fields = new ArrayList<>(List.of(
                "\"ts\":\"2026-10-01T00:00:0" + r.nextInt(10) + ".123Z\"",
                "\"request_id\":\"" + Long.toHexString(r.nextLong()) + "\"",
                "\"status\":" + pick(r, "200", "404", "500", "201"),
                "\"latency_ms\":" + (r.nextInt(100000) / 100.0),
                "\"path\":\"/api/v1/x/" + r.nextInt(1000) + "\"",
                "\"response_body\":" + quote(randomContent(r))));
        if (r.nextInt(4) == 0) fields.add("\"ok\":" + pick(r, "true", "false", "null"));
        if (r.nextInt(4) == 0) fields.add("\"id\":" + r.nextLong());
        if (r.nextInt(4) == 0) fields.add("\"items\":" + randomItems(r));
        if (r.nextInt(8) == 0) fields.add("\"x\":[" + pick(r, "1,2", "", "null,3", "1.5") + "]");
        if (r.nextInt(8) == 0) fields.add("\"user\":{\"id\":" + pick(r, SCALARS) + "}");
        if (r.nextInt(10) == 0) fields.add("\"" + pick(r, "status", "ts", "latency_ms", "ok", "id") + "\":" + pick(r, SCALARS));
        java.util.Collections.shuffle(fields.subList(r.nextInt(2) * 3, fields.size()), r);
        sb.append(String.join(r.nextInt(5) == 0 ? " , " : ",", fields)).append('}');
        return sb.toString();
    }

    static String randomContent(Random r) {
        StringBuilder sb = new StringBuilder("{\"user\":{\"id\":" + r.nextInt(1_000_000_000) + ",\"country\":\""
                + pick(r, "DE", "US", "FR", "é", "\\u00e9", "a\\\"b") + "\",\"plan\":\"" + pick(r, "free", "pro") + "\"}");
        sb.append(",\"items\":").append(randomItems(r));
        sb.append(",\"error\":").append(r.nextInt(3) == 0 ? "{\"code\":\"E" + r.nextInt(1000) + "\",\"message\":\"bad thing\"}" : "null");
        if (r.nextInt(6) == 0) sb.append(",\"extra\":").append(pick(r, SCALARS));
        if (r.nextInt(12) == 0) sb.append(",\"error\":").append(pick(r, "null", "{}", "1"));
        sb.append('}');
        if (r.nextInt(20) == 0) sb.append(pick(r, " ", " trailing", "{}", "\n"));
        return sb.toString();
    }

    static String randomItems(Random r) {
        StringBuilder sb = new StringBuilder("[");
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(',');
            if (r.nextInt(30) == 0) {
                sb.append(pick(r, SCALARS));
                continue;
            }
            sb.append("{\"sku\":\"SKU-").append(r.nextInt(100000)).append("\",\"qty\":").append(r.nextInt(30) == 0 ? pick(r, SCALARS) : 1 + r.nextInt(5))
                    .append(",\"price\":").append(r.nextInt(30) == 0 ? pick(r, SCALARS) : String.valueOf(r.nextInt(100000) / 100.0)).append('}');
        }
        return sb.append(']').toString();
    }

    /** A third of the records get a random edit: a byte dropped, doubled, replaced or cut off. */
    public static String mutate(Random r, String s, Random random) {
        if (r.nextInt(3) != 0 || s.isEmpty()) return s;
        int at = r.nextInt(s.length());
        switch (r.nextInt(5)) {
            case 0: return s.substring(0, at) + s.substring(at + 1);
            case 1: return s.substring(0, at) + s.charAt(at) + s.substring(at);
            case 2: return s.substring(0, at) + "\",:{}[]\\ 0-e.\u00e9\t".charAt(random.nextInt(15)) + s.substring(at + 1);
            case 3: return s.substring(0, at);
            default: return s.substring(0, at) + pick(r, SCALARS) + s.substring(at);
        }
    }

    static String quote(String json) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : json.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\');
            if (c == '\n') {
                sb.append("\\n");
                continue;
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    static String pick(Random r, String... options) { return options[r.nextInt(options.length)]; }
}
