package dev.sluice.json;

import dev.sluice.types.DataType;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.sluice.json.JsonTestSupport.opts;
import static dev.sluice.json.JsonTestSupport.rows;
import static dev.sluice.json.JsonTestSupport.schema;
import static dev.sluice.json.JsonTestSupport.show;
import static dev.sluice.json.JsonTestSupport.type;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * from_json fused into the reader ({@link EscapedJsonScanner}, {@link FusedFromJson}, {@link PreParsedJsonVector})
 * against the Jackson path: lines whose string column holds a JSON document (random, escape-dense, with malformed
 * UTF-8, escaped in unusual ways, mutated at the line's level) are read with the from_json evaluated by the
 * reader and, separately, read and parsed by Jackson alone; the reader's outcomes, its rows (the column's text
 * included) and from_json's results over the whole batch, a selection and a slice must all be equal.
 */
class FusedFromJsonTest {
    static final String CONTENT = StrictJsonScannerTest.CONTENT;
    /** Pieces of an inner string's content (as the document writes them); the bad ones must go to from_json's own path. */
    private static final String[] INNER_PIECES = {
        "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\r", "\\b", "\\f", "\\u0041", "\\u00e9", "\\ud83d\\ude00", "\\ud83d", "\\x",
        "\\u12g4", "\\", "\"", "\u0001", "\t", "\u007f", "é", "中", "😀", " ", ":", "{", "}", "[", "]", ",", "/",
    };
    private static final byte[][] BAD_UTF8 = {
        {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xE4, (byte) 0xB8}, {(byte) 0x80},
    };

    @Test void readerAndFromJsonGiveTheSameResultsBothWaysOnRandomLines() {
        Random random = new Random(31);
        List<byte[]> lines = new ArrayList<>();
        for (int i = 0; i < 2000; i++) lines.add(line(random));
        for (String ddl : new String[] {"status INT, response_body STRING", "ts STRING, response_body STRING, _corrupt_record STRING"}) {
            for (String mode : new String[] {"PERMISSIVE", "DROPMALFORMED", "FAILFAST"}) {
                String[] contents = {CONTENT, "struct<error: struct<code: string, message: string>>",
                        "struct<user: struct<country: string>, items: array<struct<qty: int, price: double>>>",
                        "struct<user: struct<id: bigint>, _corrupt_record: string>",
                        // elements counted for size() alone (the planner's Need.countsOnly): skipped whole by the reader
                        "struct<user: struct<plan: string>, items: array<struct<>>>",
                        // a struct whose null check alone is used (IS [NOT] NULL): an object with no field read
                        "struct<error: struct<>>"};
                // the reader's own modes with two of the schemas; from_json's modes with all of them
                for (String content : mode.equals("PERMISSIVE") ? contents : java.util.Arrays.copyOf(contents, 2)) {
                    for (String fromJsonMode : new String[] {"PERMISSIVE", "FAILFAST"}) {
                        String as = ddl + " " + mode + " " + content + " " + fromJsonMode;
                        parsedByReader = 0;
                        assertThat(readAll(ddl, opts("mode", mode), content, opts("mode", fromJsonMode), lines, true)).as(as)
                                .isEqualTo(readAll(ddl, opts("mode", mode), content, opts("mode", fromJsonMode), lines, false));
                        assertThat(parsedByReader).as(as).isGreaterThan(lines.size() / 4);
                    }
                }
            }
        }
    }

    @Test void workloadLinesAreParsedByTheReader() {
        Random random = new Random(32);
        StructType schema = schema("status INT, response_body STRING");
        DataType content = type(CONTENT);
        JsonBatchBuilder builder = new JsonBatchBuilder(schema, JsonOptions.DEFAULT, true,
                List.of(new FromJsonColumn("response_body", content, JsonOptions.DEFAULT)));
        for (int i = 0; i < 200; i++) {
            String doc = "{\"user\":{\"id\":" + random.nextInt(1_000_000) + ",\"country\":\"DE\",\"plan\":\"free\"},\"items\":"
                    + "[{\"sku\":\"SKU-" + i + "\",\"qty\":2,\"price\":" + i * 1.25 + "}]" + ",\"error\":"
                    + (i % 3 == 0 ? "{\"code\":\"E1\",\"message\":\"missing field \\\"sku\\\" or '\\\\' \u00e9\"}" : "null") + "}";
            byte[] line = ("{\"status\":200,\"response_body\":" + StrictJsonScannerTest.quote(doc) + "}").getBytes(StandardCharsets.UTF_8);
            builder.append(line, 0, line.length);
        }
        ColumnVector column = builder.finish().column(1);
        assertThat(column).isInstanceOf(PreParsedJsonVector.class);
        assertThat(((PreParsedJsonVector) column).parsed(content, JsonOptions.DEFAULT)).isNotNull();
        assertThat(((PreParsedJsonVector) column).parsed(type("struct<error: struct<code: string>>"), JsonOptions.DEFAULT)).isNull();
    }

    // ---- both ways ----

    /**
     * The reader's outcomes, then per batch: from_json over the column, a selection of it and a slice of it, and the
     * batch's rows. {@code fused}: the reader evaluates from_json; else Jackson reads and parses everything.
     */
    static List<String> readAll(String ddl, JsonOptions options, String content, JsonOptions fromJsonOptions,
                                List<byte[]> records, boolean fused) {
        StructType schema = schema(ddl);
        DataType type = type(content);
        JsonBatchBuilder builder = fused
                ? new JsonBatchBuilder(schema, options, true, List.of(new FromJsonColumn("response_body", type, fromJsonOptions)))
                : new JsonBatchBuilder(schema, options, false);
        List<String> out = new ArrayList<>();
        for (byte[] record : records) {
            try {
                out.add(builder.append(record, 0, record.length).name());
            } catch (MalformedJsonException e) {
                out.add("FAILFAST " + e.reason());
            }
            if (builder.rowCount() >= 100) batch(builder.finish(), schema, type, fromJsonOptions, fused, out);
        }
        batch(builder.finish(), schema, type, fromJsonOptions, fused, out);
        return out;
    }

    private static int parsedByReader;

    private static void batch(Batch batch, StructType schema, DataType type, JsonOptions options, boolean fused, List<String> out) {
        ColumnVector column = batch.column(schema.indexOf("response_body"));
        if (column instanceof PreParsedJsonVector p) parsedByReader += p.parsedByReader();
        int n = column.size();
        int[] even = new int[(n + 1) / 2];
        for (int i = 0; i < even.length; i++) even[i] = 2 * i;
        fromJson(column.select(even, even.length), type, options, fused, out);
        fromJson(column, type, options, fused, out);
        if (n > 2) fromJson(column.slice(1, n - 2), type, options, fused, out);
        out.addAll(rows(batch));
    }

    private static void fromJson(ColumnVector input, DataType type, JsonOptions options, boolean fused, List<String> out) {
        try {
            ColumnVector v = FromJsonEvaluator.evaluate(input, type, options, fused ? null : Boolean.FALSE);
            for (int r = 0; r < v.size(); r++) out.add(show(v, r));
        } catch (RuntimeException e) {
            out.add(e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }

    // ---- random lines ----

    /**
     * A log line whose response_body holds a document; two lines in three are noisy (edge values, bad escapes and
     * UTF-8, odd escaping, mutations at either level), the others clean, so that both paths are well exercised.
     */
    static byte[] line(Random r) {
        boolean noisy = r.nextInt(3) != 0;
        List<byte[]> fields = new ArrayList<>();
        fields.add(utf8("\"ts\":\"2026-10-01\""));
        fields.add(utf8("\"status\":" + StrictJsonScannerTest.pick(r, "200", "404", "null", "\"x\"")));
        if (r.nextInt(20) != 0) {
            byte[] value = r.nextInt(30) == 0 ? utf8(StrictJsonScannerTest.pick(r, "null", "12", "{\"a\":1}", "[]", "\"\"", "\"  \""))
                    : concat(utf8("\""), escapeOuter(r, document(r, noisy), noisy), outerTail(r, noisy), utf8("\""));
            fields.add(concat(utf8("\"response_body\":"), value));
        }
        java.util.Collections.shuffle(fields, r);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('{');
        for (int f = 0; f < fields.size(); f++) {
            if (f > 0) out.write(',');
            out.writeBytes(fields.get(f));
        }
        out.write('}');
        byte[] bytes = out.toByteArray();
        if (noisy && r.nextInt(4) == 0) bytes = mutate(r, bytes);
        return bytes;
    }

    /** A content document (the workload's shape) whose strings are dense with inner escapes, some bad. */
    private static byte[] document(Random r, boolean noisy) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String ws = noisy && r.nextInt(6) == 0 ? StrictJsonScannerTest.pick(r, " ", "  ", "\n", "\t") : "";
        out.writeBytes(utf8(ws + "{\"user\":{\"id\":" + (noisy ? StrictJsonScannerTest.pick(r, "12", "-3", "1.5", "\"7\"", "null", "99999999999") : "12345")
                + ",\"country\":"));
        out.writeBytes(innerString(r, noisy));
        out.writeBytes(utf8(ws + ",\"plan\":\"pro\"}," + ws + "\"items\":" + (noisy ? StrictJsonScannerTest.randomItems(r) : "[{\"sku\":\"S-1\",\"qty\":2,\"price\":10.5},{\"sku\":\"S-2\",\"qty\":1,\"price\":0.25}]")));
        out.writeBytes(utf8(",\"error\":"));
        if (r.nextBoolean()) {
            out.writeBytes(utf8("{\"code\":"));
            out.writeBytes(innerString(r, noisy));
            out.writeBytes(utf8(" , \"message\" : "));
            out.writeBytes(innerString(r, noisy));
            out.writeBytes(utf8("}"));
        } else {
            out.writeBytes(utf8(noisy ? StrictJsonScannerTest.pick(r, "null", "null", "{}", "1", "[]") : "null"));
        }
        if (noisy && r.nextInt(10) == 0) out.writeBytes(utf8(",\"extra\":" + StrictJsonScannerTest.pick(r, StrictJsonScannerTest.SCALARS)));
        out.writeBytes(utf8(ws + "}"));
        if (noisy && r.nextInt(15) == 0) out.writeBytes(utf8(StrictJsonScannerTest.pick(r, " ", " trailing \"q\" \\ ", "{}", "\n", "é")));
        byte[] doc = out.toByteArray();
        if (noisy && r.nextInt(10) == 0) doc = mutate(r, doc);   // a broken document in a well-formed string
        return doc;
    }

    private static byte[] innerString(Random r, boolean noisy) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('"');
        int pieces = r.nextInt(6);
        boolean clean = !noisy || r.nextInt(3) != 0;
        for (int p = 0; p < pieces; p++) {
            out.writeBytes(utf8("abcdefgh".substring(r.nextInt(8))));
            if (!clean && r.nextInt(5) == 0) out.writeBytes(BAD_UTF8[r.nextInt(BAD_UTF8.length)]);
            else out.writeBytes(utf8(clean ? StrictJsonScannerTest.pick(r, "\\\"", "\\\\", "\\/", "\\n", "é", " ", "中", "/", "{")
                    : StrictJsonScannerTest.pick(r, INNER_PIECES)));
        }
        out.write('"');
        return out.toByteArray();
    }

    /** The document as the inside of a JSON string: quotes and backslashes escaped, and other escapes now and then. */
    private static byte[] escapeOuter(Random r, byte[] doc, boolean noisy) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean odd = noisy && r.nextInt(4) == 0;
        for (byte c : doc) {
            if (c == '"' || c == '\\') {
                out.write('\\');
                out.write(c);
            } else if (c == '\n') {
                out.writeBytes(utf8("\\n"));
            } else if (c == '\t' && r.nextBoolean()) {
                out.writeBytes(utf8("\\t"));
            } else if (odd && c == '/' && r.nextBoolean()) {
                out.writeBytes(utf8("\\/"));
            } else if (odd && r.nextInt(40) == 0) {
                out.writeBytes(utf8(String.format("\\u%04x", c & 0xFF)));
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    /** Now and then, escapes of the line's own after the document (which from_json ignores), valid or not. */
    private static byte[] outerTail(Random r, boolean noisy) {
        if (!noisy || r.nextInt(8) != 0) return new byte[0];
        return utf8(StrictJsonScannerTest.pick(r, "\\ud83d\\ude00", "\\ud83d", "\\ude00x", "\\u00e9", "\\n", "\\/", "\\x",
                "\\u12g4", " \\\"", "\\u0022"));
    }

    /** A byte dropped, doubled, replaced by a special one, or the rest cut off. */
    private static byte[] mutate(Random r, byte[] s) {
        if (s.length == 0) return s;
        int at = r.nextInt(s.length);
        byte[] specials = utf8("\",:{}[]\\ 0-e.\t/u");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(s, 0, at);
        switch (r.nextInt(4)) {
            case 0: out.write(s, at + 1, s.length - at - 1); break;
            case 1: out.write(s[at]); out.write(s, at, s.length - at); break;
            case 2: out.write(specials[r.nextInt(specials.length)]); out.write(s, at + 1, s.length - at - 1); break;
            default: break;
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
