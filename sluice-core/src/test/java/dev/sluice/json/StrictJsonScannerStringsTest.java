package dev.sluice.json;

import dev.sluice.types.StructType;
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
import static dev.sluice.json.JsonTestSupport.strings;
import static dev.sluice.json.JsonTestSupport.type;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast path's string loops (decoding a projected string, skipping an unprojected one) against the Jackson
 * path, on strings dense with escapes, control characters and UTF-8 (well-formed and not), as a JSON document
 * held in a string has them: every record is read both ways and the rows compared.
 */
class StrictJsonScannerStringsTest {
    /** Pieces of string content; the bad ones must make the fast path hand the record to Jackson. */
    private static final String[] PIECES = {
        "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\r", "\\b", "\\f", "\\u0041", "\\u00e9", "\\u4e2d", "\\u0000", "\\u001f",
        "\\ud83d\\ude00", "\\ud83d", "\\x", "\\u12g4", "\\u00", "\\", "\"", "\u0001", "\t", "\u007f", "é", "中", "😀", " ",
        ":", "{", "}", "[", "]", ",",
    };
    /** Raw byte sequences that are not well-formed UTF-8 (overlong, surrogate, truncated, stray continuation). */
    private static final byte[][] BAD_UTF8 = {
        {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xE4, (byte) 0xB8},
        {(byte) 0x80}, {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xF0, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF},
    };

    @Test void fileReaderDecodesAndSkipsEscapeDenseStringsAsJacksonDoes() {
        Random random = new Random(21);
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            byte[] body = randomStringContent(random, i % 3 != 0);
            records.add(record(random, body));
        }
        for (String ddl : new String[] {"a STRING, n INT", "n INT", "a STRING, b STRING, _corrupt_record STRING"}) {
            for (String mode : new String[] {"PERMISSIVE", "DROPMALFORMED", "FAILFAST"}) {
                assertThat(readAll(ddl, opts("mode", mode), records, true)).as(ddl + " " + mode)
                        .isEqualTo(readAll(ddl, opts("mode", mode), records, false));
            }
        }
    }

    @Test void fromJsonDecodesAndSkipsEscapeDenseStringsAsJacksonDoes() {
        Random random = new Random(22);
        String[] docs = new String[3000];
        for (int i = 0; i < docs.length; i++) {
            docs[i] = new String(record(random, randomStringContent(random, true)), StandardCharsets.UTF_8);
        }
        for (String ddl : new String[] {"struct<a: string, n: int>", "struct<n: int>", "struct<b: string, _corrupt_record: string>"}) {
            for (String mode : new String[] {"PERMISSIVE", "FAILFAST"}) {
                assertThat(fromJsonAll(ddl, opts("mode", mode), docs, true)).as(ddl + " " + mode)
                        .isEqualTo(fromJsonAll(ddl, opts("mode", mode), docs, false));
            }
        }
    }

    @Test void wellFormedEscapeDenseStringsTakeTheFastPathEitherWay() {
        Random random = new Random(23);
        for (String ddl : new String[] {"a STRING, n INT", "n INT"}) {
            StrictJsonScanner scanner = StrictJsonScanner.forStruct(new StructParser(schema(ddl), JsonOptions.DEFAULT, 16, null), null, false);
            for (int i = 0; i < 500; i++) {
                byte[] line = ("{\"a\":\"" + wellFormed(random) + "\",\"n\":1}").getBytes(StandardCharsets.UTF_8);
                assertThat(scanner.readRecord(line, 0, line.length, false)).as(new String(line, StandardCharsets.UTF_8)).isTrue();
            }
        }
    }

    // ---- both ways ----

    private static List<String> readAll(String ddl, JsonOptions options, List<byte[]> records, boolean fastPath) {
        StructType schema = schema(ddl);
        JsonBatchBuilder builder = new JsonBatchBuilder(schema, options, fastPath);
        List<String> out = new ArrayList<>();
        for (byte[] record : records) {
            try {
                out.add(builder.append(record, 0, record.length).name());
            } catch (MalformedJsonException e) {
                out.add("FAILFAST " + e.reason());
            }
            if (builder.rowCount() >= 100) out.addAll(rows(builder.finish()));
        }
        out.addAll(rows(builder.finish()));
        return out;
    }

    private static List<String> fromJsonAll(String ddl, JsonOptions options, String[] docs, boolean fastPath) {
        List<String> out = new ArrayList<>();
        for (String doc : docs) {
            try {
                ColumnVector v = FromJsonEvaluator.evaluate(strings(doc), type(ddl), options, fastPath);
                out.add(show(v, 0));
            } catch (RuntimeException e) {
                out.add(e.getClass().getSimpleName() + " " + e.getMessage());
            }
        }
        return out;
    }

    // ---- random records ----

    /** {"a":"<content>","b":"<content>","n":1} with the keys in random order, sometimes cut short. */
    private static byte[] record(Random r, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<byte[]> fields = new ArrayList<>();
        fields.add(concat("\"a\":\"", content, "\""));
        fields.add(concat("\"b\":\"", randomStringContent(r, r.nextBoolean()), "\""));
        fields.add(concat("\"n\":", new byte[0], String.valueOf(r.nextInt(100))));
        java.util.Collections.shuffle(fields, r);
        out.writeBytes(new byte[] {'{'});
        for (int f = 0; f < fields.size(); f++) {
            if (f > 0) out.writeBytes(new byte[] {','});
            out.writeBytes(fields.get(f));
        }
        out.writeBytes(new byte[] {'}'});
        byte[] bytes = out.toByteArray();
        if (r.nextInt(25) == 0) return java.util.Arrays.copyOf(bytes, r.nextInt(bytes.length));   // cut short
        return bytes;
    }

    /** Content of a JSON string: runs of plain ASCII (0 to 20 bytes) between special pieces; {@code clean}: no bad ones. */
    private static byte[] randomStringContent(Random r, boolean clean) {
        if (clean) return wellFormed(r).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pieces = r.nextInt(12);
        for (int p = 0; p < pieces; p++) {
            out.writeBytes(plain(r).getBytes(StandardCharsets.US_ASCII));
            if (r.nextInt(6) == 0) out.writeBytes(BAD_UTF8[r.nextInt(BAD_UTF8.length)]);
            else out.writeBytes(PIECES[r.nextInt(PIECES.length)].getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(plain(r).getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /**
     * Valid string content dense with the escapes of a JSON document held in a string, and some UTF-8 (no escaped
     * surrogate pairs: the fast path leaves those to Jackson by design).
     */
    private static String wellFormed(Random r) {
        StringBuilder sb = new StringBuilder();
        int pieces = r.nextInt(40);
        for (int p = 0; p < pieces; p++) {
            sb.append(plain(r));
            sb.append(StrictJsonScannerTest.pick(r, "\\\"", "\\\"", "\\\"", "\\\\", "\\/", "\\n", "\\u00e9", "\\u4e2d", "é", "中", "😀", "{", ":", ","));
        }
        return sb.append(plain(r)).toString();
    }

    private static String plain(Random r) {
        int n = r.nextInt(4) == 0 ? r.nextInt(21) : r.nextInt(6);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) sb.append(safe((char) (0x20 + r.nextInt(0x60))));
        return sb.toString();
    }

    private static char safe(char c) { return c == '"' || c == '\\' ? 'x' : c; }

    private static byte[] concat(String head, byte[] middle, String tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
