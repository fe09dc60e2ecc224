package dev.sluice.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.sluice.json.JsonTestSupport.opts;
import static dev.sluice.json.JsonTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The skip loop of the JSON fast paths ({@link JsonValueSkipper}) on its own and through the readers: it must end
 * exactly where a value ends, and never accept text that Jackson rejects (a malformed record must still reach the
 * Jackson path, which decides), in plain JSON and in a document held in a JSON string ({@code \"}-escaped).
 */
class JsonValueSkipperTest {
    private static final JsonFactory JACKSON = new JsonFactory();
    /** Valid values, the nesting and escapes the skip loop handles in one pass. */
    static final String[] VALUES = {
        "0", "-0", "12", "-1.5e+3", "1E-5", "0.25", "true", "false", "null", "\"\"", "\"abc\"", "\"a\\\"b\"", "\"\\\\\"",
        "\"\\\\\\\"\"", "\"\\u00e9\\n\\t\\/\"", "\"é中😀\"", "{}", "[]", "[[]]", "{\"a\":{}}", "[1,\"x\",null,true,{\"k\":[]}]",
        "{ \"a\" : [ 1 , 2 ] , \"b\" : { \"c\" : \"}\" } }", "{\"items\":[{\"sku\":\"SKU-1\",\"qty\":2,\"price\":407.54}]}",
        "[\"]\",\"[\",\"{\",\"}\",\",\",\":\"]", "{\"\":\"\"}", "\n[\t1\r,2 ]".trim(),
    };
    /** Bytes a mutation puts into a value: structure, quotes, escapes, digits, letters, whitespace, bad UTF-8. */
    private static final byte[] MUTATIONS = {
        '{', '}', '[', ']', ',', ':', '"', '\\', '0', '1', '-', '.', 'e', '+', 't', 'n', 'x', ' ', '\t', '\n', 0x01, (byte) 0x80,
        (byte) 0xC3,
    };

    // ---- the loop on its own ----

    @Test void endsExactlyAfterEachValueInPlainJson() {
        for (String value : VALUES) {
            for (String after : new String[] {"", ",\"k\":1}", "]", " }"}) {
                byte[] text = utf8(value + after);
                assertThat(skip(text, 0, text.length, false)).as(value + after).isEqualTo(utf8(value).length);
            }
        }
    }

    @Test void endsExactlyAfterEachValueInAnEscapedDocument() {
        for (String value : VALUES) {
            String escaped = escape(value);
            byte[] text = utf8(escaped + ",\\\"k\\\":1}\"}");
            // inner backslash-u escapes are from_json's own path's to decode, and the document's whitespace other than
            // spaces is escaped in the line: the escaped scanner gives up on both
            boolean givenUp = value.contains("\\u") || value.contains("\t") || value.contains("\r") || value.contains("\n");
            int expected = givenUp ? -1 : utf8(escaped).length;
            assertThat(skip(text, 0, text.length, true)).as(escaped).isEqualTo(expected);
        }
    }

    @Test void escapedQuotesAndBackslashRunsAreFoundAtEveryPlaceInAWord() {
        for (int offset = 0; offset < 17; offset++) {
            for (int run = 1; run <= 7; run++) {
                // run backslashes then a quote: an odd run escapes the quote (the string goes on), an even run ends
                // with a backslash and the quote closes the string
                String content = "x".repeat(offset) + "\\".repeat(run) + "\"" + "y".repeat(20 - offset);
                String text = "\"" + content + "\"";
                byte[] bytes = utf8(text + ",");
                int expected = run % 2 == 0 ? offset + run + 2 : text.length();
                int skipped = skip(bytes, 0, bytes.length, false);
                assertThat(skipped).as(text).isEqualTo(expected);
                assertThat(skipped).as(text).isEqualTo(jacksonEnd(text + ","));
            }
        }
    }

    @Test void escapedDocumentsWithBackslashRunsSkipAsTheirDecodedTextParses() {
        for (int offset = 0; offset < 17; offset++) {
            for (String inner : new String[] {"\\\\\\\"", "\\\\\\\\", "\\\\\\\\\\\\\\\"", "\\\\/", "\\/", "\\\\n"}) {
                // the document {"k":"xx<inner>yy"} as a JSON string holds it: quotes as \", an inner escape as \\X
                String escaped = "{\\\"k\\\":\\\"" + "x".repeat(offset) + inner + "y\\\"}";
                byte[] bytes = utf8(escaped + "\"");
                int skipped = skip(bytes, 0, bytes.length, true);
                String decoded = decodeLineString(escaped);
                assertThat(skipped).as(escaped).isEqualTo(decoded == null || jacksonEnd(decoded) != decoded.length() ? -1 : escaped.length());
            }
        }
    }

    @Test void nestingDeeperThanTheLimitGivesUp() {
        for (int depth : new int[] {1, 2, 50}) {
            int allowed = JsonValueSkipper.MAX_DEPTH - depth + 1;
            for (int n : new int[] {allowed - 1, allowed, allowed + 1, 1000}) {
                if (n < 1) continue;
                for (boolean escaped : new boolean[] {false, true}) {
                    String value = "[".repeat(n - 1) + "{\"a\":1}" + "]".repeat(n - 1);
                    byte[] text = utf8(escaped ? escape(value) : value);
                    int skipped = skip(text, 0, text.length, escaped, depth);
                    assertThat(skipped).as(depth + " " + n + " " + escaped).isEqualTo(n <= allowed ? text.length : -1);
                }
            }
        }
    }

    @Test void unicodeIsSkippedWhenWellFormedAndGivenUpOnWhenNot() {
        String[] good = {"é", "中", "😀", "\u07ff", "\uffff", "\ud7ff", "\ue000"};
        for (String s : good) {
            byte[] text = utf8("[\"" + s + "\",\"" + s.repeat(9) + "\"]");
            assertThat(skip(text, 0, text.length, false)).as(s).isEqualTo(text.length);
            byte[] esc = utf8(escape("[\"" + s + "\",\"" + s.repeat(9) + "\"]"));
            assertThat(skip(esc, 0, esc.length, true)).as(s).isEqualTo(esc.length);
        }
        byte[][] bad = {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xE4, (byte) 0xB8},
                {(byte) 0x80}, {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xF0, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF}};
        for (byte[] seq : bad) {
            for (int offset = 0; offset < 10; offset++) {
                byte[] text = concat(utf8("[\"" + "a".repeat(offset)), seq, utf8("\"]"));
                assertThat(skip(text, 0, text.length, false)).isEqualTo(-1);
                assertThat(skip(text, 0, text.length, true)).isEqualTo(-1);
            }
        }
    }

    @Test void neverAcceptsAMutatedValueThatJacksonRejects() {
        int accepted = 0;
        for (String value : VALUES) {
            for (boolean escaped : new boolean[] {false, true}) {
                byte[] original = utf8(escaped ? escape(value) : value);
                for (int at = 0; at <= original.length; at++) {
                    List<byte[]> variants = new ArrayList<>();
                    variants.add(java.util.Arrays.copyOf(original, at));   // truncated
                    if (at < original.length) variants.add(concat(java.util.Arrays.copyOf(original, at),
                            java.util.Arrays.copyOfRange(original, at + 1, original.length)));   // a byte deleted
                    for (byte m : MUTATIONS) {
                        byte[] inserted = concat(java.util.Arrays.copyOf(original, at), new byte[] {m},
                                java.util.Arrays.copyOfRange(original, at, original.length));
                        variants.add(inserted);
                        if (at < original.length) {
                            byte[] replaced = original.clone();
                            replaced[at] = m;
                            variants.add(replaced);
                        }
                    }
                    for (byte[] v : variants) {
                        byte[] text = concat(v, escaped ? utf8("\"}") : utf8("}"));
                        int skipped = skip(text, 0, v.length, escaped);
                        if (skipped < 0) continue;
                        accepted++;
                        String skippedText = new String(text, 0, skipped, StandardCharsets.UTF_8);
                        String json = escaped ? decodeLineString(skippedText) : skippedText;
                        assertThat(json).as("accepted " + skippedText).isNotNull();
                        assertThat(jacksonEnd(json)).as("accepted " + skippedText).isEqualTo(json.length());
                    }
                }
            }
        }
        assertThat(accepted).isGreaterThan(1000);   // the mutations that stay valid are accepted (no blanket give-up)
    }

    // ---- through the readers, in every mode ----

    @Test void readersGiveTheSameRowsBothWaysWhenAnUnreadValueIsMutatedAtEveryPosition() {
        Random random = new Random(5);
        String skipped = "{\"a\":[1,{\"b\":\"x\\\"y\"},[true,null]],\"c\":-2.5e3,\"d\":\"é\"}";
        List<String> records = new ArrayList<>();
        List<byte[]> fusedLines = new ArrayList<>();
        for (int at = 0; at <= skipped.length(); at++) {
            for (int k = 0; k < 3; k++) {
                String m = mutate(skipped, at, MUTATIONS[random.nextInt(MUTATIONS.length)], k);
                records.add("{\"n\":1,\"skip\":" + m + ",\"s\":\"v\"}");
                String doc = "{\"user\":{\"country\":\"DE\"},\"extra\":" + m + ",\"items\":[{\"qty\":1,\"price\":2.5}]}";
                fusedLines.add(utf8("{\"status\":200,\"response_body\":" + StrictJsonScannerTest.quote(doc) + "}"));
                String escapedMutation = mutate(escape(skipped), at, MUTATIONS[random.nextInt(MUTATIONS.length)], k);
                fusedLines.add(utf8("{\"status\":200,\"response_body\":\"{\\\"extra\\\":" + escapedMutation
                        + ",\\\"user\\\":{\\\"country\\\":\\\"FR\\\"}}\"}"));
            }
        }
        String[] lines = records.toArray(new String[0]);
        for (String mode : new String[] {"PERMISSIVE", "DROPMALFORMED", "FAILFAST"}) {
            for (String ddl : new String[] {"n INT, s STRING", "n INT, s STRING, _corrupt_record STRING"}) {
                assertThat(StrictJsonScannerTest.readAll(ddl, opts("mode", mode), lines, true)).as(ddl + " " + mode)
                        .isEqualTo(StrictJsonScannerTest.readAll(ddl, opts("mode", mode), lines, false));
            }
            String content = "struct<user: struct<country: string>, items: array<struct<qty: int, price: double>>>";
            for (String fromJsonMode : new String[] {"PERMISSIVE", "FAILFAST"}) {
                String ddl = "status INT, response_body STRING";
                assertThat(FusedFromJsonTest.readAll(ddl, opts("mode", mode), content, opts("mode", fromJsonMode), fusedLines, true))
                        .as(mode + " " + fromJsonMode)
                        .isEqualTo(FusedFromJsonTest.readAll(ddl, opts("mode", mode), content, opts("mode", fromJsonMode), fusedLines, false));
            }
        }
    }

    // ---- helpers ----

    /** pos after skipping the value at {@code b[from]} (nesting depth 1), or -1 when the loop gives up. */
    static int skip(byte[] b, int from, int end, boolean escaped) { return skip(b, from, end, escaped, 1); }

    static int skip(byte[] b, int from, int end, boolean escaped, int depth) {
        JsonValueSkipper skipper = new JsonValueSkipper() { };
        skipper.b = b;
        skipper.pos = from;
        skipper.end = end;
        try {
            skipper.skipValue(depth, escaped);
            return skipper.pos;
        } catch (JsonByteCursor.Bail | ArrayIndexOutOfBoundsException e) {
            return -1;
        }
    }

    /** The end of the first JSON value of {@code text} as Jackson reads it (chars), or -1 when Jackson rejects it. */
    static int jacksonEnd(String text) {
        try (JsonParser p = JACKSON.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) return -1;
            p.skipChildren();
            int end = (int) p.currentLocation().getCharOffset();
            // a scalar's end as Jackson reports it may include the delimiter it peeked at: recompute from the token
            if (t.isScalarValue()) end = scalarEnd(text, p);
            return end;
        } catch (IOException e) {
            return -1;
        }
    }

    private static int scalarEnd(String text, JsonParser p) throws IOException {
        int start = (int) p.currentTokenLocation().getCharOffset();
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            int i = start + 1;
            while (text.charAt(i) != '"') i += text.charAt(i) == '\\' ? 2 : 1;
            return i + 1;
        }
        int i = start;
        while (i < text.length() && "+-0123456789.eEtruefalsn".indexOf(text.charAt(i)) >= 0) i++;
        return i;
    }

    /** A JSON text as a JSON string holds it, without the string's quotes. */
    static String escape(String json) {
        String quoted = StrictJsonScannerTest.quote(json);
        return quoted.substring(1, quoted.length() - 1);
    }

    /** The text of the JSON string whose content (between the quotes) is {@code content}, or null when Jackson rejects it. */
    static String decodeLineString(String content) {
        try (JsonParser p = JACKSON.createParser(utf8("\"" + content + "\""))) {
            if (p.nextToken() != JsonToken.VALUE_STRING) return null;
            String s = p.getText();
            return p.nextToken() == null ? s : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String mutate(String s, int at, byte m, int kind) {
        String c = new String(new byte[] {m}, StandardCharsets.ISO_8859_1);
        if (kind == 0) return s.substring(0, Math.min(at, s.length()));
        if (kind == 1) return s.substring(0, at) + c + s.substring(at);
        return at < s.length() ? s.substring(0, at) + c + s.substring(at + 1) : s + c;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int w = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, w, p.length);
            w += p.length;
        }
        return out;
    }
}
