package dev.sluice.json;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static dev.sluice.json.JsonTestSupport.utf8;
import static dev.sluice.json.JsonValueSkipperTest.decodeLineString;
import static dev.sluice.json.JsonValueSkipperTest.escape;
import static dev.sluice.json.JsonValueSkipperTest.jacksonEnd;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compact-document skip of unread containers in a document held in a JSON string
 * ({@link JsonValueSkipper#skipCompactEscaped}, taken by {@code skipEscapedField}): it must end exactly where the full
 * skip loop ({@code skipValue}) ends, and give up wherever that gives up, so that a malformed document is still seen
 * as before. The reference is the full loop on the same bytes, and Jackson on the decoded text for what is accepted.
 */
class CompactEscapedSkipTest {
    /** Unread parts of the workload's documents and their near relatives, as a JSON string holds them. */
    private static final String[] DOCUMENTS = {
        "{\"id\":2239556822,\"country\":\"ES\",\"plan\":\"free\"}",
        "[{\"sku\":\"SKU-91535\",\"qty\":2,\"price\":407.54},{\"sku\":\"SKU-82480\",\"qty\":1,\"price\":199.78}]",
        "[]", "{}", "[[],{},[{}],{\"a\":[]}]", "{\"a\":null,\"b\":true,\"c\":false,\"d\":-0.5e-3,\"e\":\"\"}",
        "[1,-2,3.25,4E+2,\"x\",null,[true,[false]]]", "{\"code\":\"E404\",\"message\":\"not found: /api/v1/x\"}",
        "{\"k\":{\"k\":{\"k\":{\"k\":[0]}}}}",
    };
    /** Bytes a mutation puts into a document: structure, quotes, escapes, digits, letters, whitespace, bad UTF-8. */
    private static final byte[] MUTATIONS = {
        '{', '}', '[', ']', ',', ':', '"', '\\', '/', '0', '1', '-', '.', 'e', '+', 'n', 'u', 'x', ' ', '\t', 0x01, 0x1F,
        (byte) 0x80, (byte) 0xC3,
    };
    /** What follows the unread value in a line: the rest of the document and the line's closing quote. */
    private static final String AFTER = ",\\\"error\\\":null}\"}";

    @Test void theWorkloadsUnreadPartsTakeTheCompactSkip() {
        for (String doc : DOCUMENTS) {
            byte[] text = utf8(escape(doc) + AFTER);
            assertThat(compact(text, 0)).as(doc).isEqualTo(escape(doc).length());
        }
    }

    @Test void rejectsWhatTheFullSkipRejects() {
        String[] bad = {
            "{\"sku\":\"SKU-1",                       // a string cut by the end of the line's string
            "{\"sku\":\"SK\\qU\"}", "{\"sku\":\"SK\\u00\"}",   // bad escapes in the document
            "{\"a\":[1}", "[{\"a\":1]", "[1,2", "{\"a\":{\"b\":1]]", "[[[]]",   // unbalanced brackets
            "{\"a\":\"x\u0001y\"}", "[\"\u001f\"]",            // control characters in a string
            "{\"a\"1}", "{\"a\":1,}", "[1,]", "{,}", "[,1]", "{a:1}", "{\"a\":}", "{\"a\"::1}",
            "[01]", "[1.]", "[-]", "[1e]", "[.5]", "[nul]", "[truex]", "[fals]", "[1 2]", "[1,,2]",
        };
        for (String doc : bad) {
            byte[] text = utf8(escape(doc) + AFTER);
            assertThat(full(text, 0)).as("full skip of " + doc).isEqualTo(-1);
            assertThat(field(text, 0)).as(doc).isEqualTo(-1);
            assertThat(compact(text, 0)).as(doc).isEqualTo(-1);
        }
        // the line's own escaping broken: a raw quote ends the line's string inside the document, a lone backslash
        for (String escaped : new String[] {"{\\\"a\\\":\\\"x\"y\\\"}", "{\\\"a\\\":\\\"x\\y\\\"}", "[\\\"x\\\\\\\"]", "{\\\"a\\\"}"}) {
            byte[] text = utf8(escaped + AFTER);
            assertThat(full(text, 0)).as("full skip of " + escaped).isEqualTo(-1);
            assertThat(field(text, 0)).as(escaped).isEqualTo(-1);
        }
    }

    @Test void endsWhereTheFullSkipEndsOnEveryMutation() {
        int accepted = 0;
        int compactTaken = 0;
        for (String doc : DOCUMENTS) {
            byte[] original = utf8(escape(doc));
            for (int at = 0; at <= original.length; at++) {
                List<byte[]> variants = new ArrayList<>();
                variants.add(Arrays.copyOf(original, at));
                if (at < original.length) {
                    variants.add(concat(Arrays.copyOf(original, at), Arrays.copyOfRange(original, at + 1, original.length)));
                }
                for (byte m : MUTATIONS) {
                    variants.add(concat(Arrays.copyOf(original, at), new byte[] {m}, Arrays.copyOfRange(original, at, original.length)));
                    if (at < original.length) {
                        byte[] replaced = original.clone();
                        replaced[at] = m;
                        variants.add(replaced);
                    }
                }
                for (byte[] v : variants) {
                    byte[] text = concat(v, utf8(AFTER));
                    int expected = full(text, 0);
                    String shown = new String(v, StandardCharsets.ISO_8859_1);
                    assertThat(field(text, 0)).as(shown).isEqualTo(expected);
                    int fast = compact(text, 0);
                    if (fast >= 0) {
                        compactTaken++;
                        assertThat(fast).as("compact skip of " + shown).isEqualTo(expected);
                    }
                    if (expected >= 0) {
                        accepted++;
                        String json = decodeLineString(new String(text, 0, expected, StandardCharsets.UTF_8));
                        assertThat(json).as("accepted " + shown).isNotNull();
                        assertThat(jacksonEnd(json)).as("accepted " + shown).isEqualTo(json.length());
                    }
                }
            }
        }
        assertThat(accepted).isGreaterThan(500);
        assertThat(compactTaken).isGreaterThan(300);   // the mutations that stay compact and valid take the compact skip
    }

    /**
     * Random compact documents and scalars (valid and broken numbers, literal prefixes, strings with every escape form,
     * brackets in and out of balance, control and non-ASCII bytes), each cut at every position by {@code end} while the
     * buffer goes on past it (a JSON Lines buffer whose record stops there, with more bytes behind): the field skip and
     * the compact skip end where the full skip ends or give up where it gives up, never read a verdict from the bytes
     * past {@code end}, and what is accepted is a value Jackson accepts.
     */
    @Test void randomDocumentsCutAnywhereWithBytesPastTheEnd() {
        Random random = new Random(13);
        int accepted = 0;
        int compactTaken = 0;
        for (int n = 0; n < 3000; n++) {
            StringBuilder doc = new StringBuilder();
            randomValue(random, doc, 0, random.nextInt(4) != 0);   // a scalar now and then: the field skip's own paths
            byte[] value = utf8(escape(doc.toString()));
            byte[] tail = random.nextBoolean() ? utf8(AFTER) : randomTail(random);
            byte[] text = concat(value, tail);
            for (int cut = 0; cut <= text.length; cut++) {
                int expected = asTheCallerSees(full(text, 0, cut), cut);
                String shown = new String(text, 0, cut, StandardCharsets.ISO_8859_1) + " | end " + cut;
                assertThat(asTheCallerSees(field(text, 0, cut), cut)).as(shown).isEqualTo(expected);
                int fast = asTheCallerSees(compact(text, 0, cut), cut);
                if (fast >= 0) {
                    compactTaken++;
                    assertThat(fast).as("compact skip of " + shown).isEqualTo(expected);
                }
                if (expected >= 0) {
                    accepted++;
                    String json = decodeLineString(new String(text, 0, expected, StandardCharsets.UTF_8));
                    if (json != null) assertThat(jacksonEnd(json)).as("accepted " + shown).isEqualTo(json.length());
                }
            }
        }
        assertThat(accepted).isGreaterThan(300);
        assertThat(compactTaken).isGreaterThan(3000);
    }

    /**
     * A skip's result as the scanner sees it: the document goes on after a field (a comma or a brace), so a field that
     * reaches {@code end} is given up on there (the scanner's next read), wherever the skip put it.
     */
    private static int asTheCallerSees(int after, int end) { return after >= end ? -1 : after; }

    /** What may follow a cut in a buffer: digits, plain bytes, the rest of a line. */
    private static byte[] randomTail(Random random) {
        String[] tails = {"0123456789", "e+5}", ".25]", "abcdef\\\"}", "\\\":1}", "ull]", "]]]]}}}}", "\"}\n{\"a\":1}"};
        return utf8(tails[random.nextInt(tails.length)]);
    }

    /** A random JSON value (as text, escaped later), mostly valid, sometimes broken in one of the ways a skip must see. */
    private static void randomValue(Random random, StringBuilder out, int depth, boolean container) {
        int kind = container ? random.nextInt(2) : random.nextInt(depth > 4 ? 5 : 7);
        switch (kind) {
            case 0, 5 -> {
                out.append('{');
                int fields = random.nextInt(4);
                for (int f = 0; f < fields; f++) {
                    if (f > 0) out.append(',');
                    randomString(random, out);
                    out.append(':');
                    randomValue(random, out, depth + 1, false);
                }
                if (random.nextInt(40) == 0) out.append(',');
                if (random.nextInt(40) != 0) out.append(random.nextInt(30) == 0 ? ']' : '}');
            }
            case 1, 6 -> {
                out.append('[');
                int items = random.nextInt(4);
                for (int k = 0; k < items; k++) {
                    if (k > 0) out.append(',');
                    randomValue(random, out, depth + 1, false);
                }
                if (random.nextInt(40) != 0) out.append(random.nextInt(30) == 0 ? '}' : ']');
            }
            case 2 -> randomString(random, out);
            case 3 -> out.append(NUMBERS[random.nextInt(NUMBERS.length)]);
            default -> out.append(LITERALS[random.nextInt(LITERALS.length)]);
        }
    }

    private static final String[] NUMBERS = {
        "0", "7", "-3", "2239556822", "407.54", "1.5e10", "2E-3", "-0.0e+1", "12345678901234567890", "0.5",
        "01", "-", "1.", "1e", "1e+", "-e1", ".5", "00", "1.e3", "--1", "1ee2", "+1", "1.2.3",
    };
    private static final String[] LITERALS = {"null", "true", "false", "nul", "tru", "fals", "nulll", "truex", "nUll"};
    /** Pieces of an inner string's JSON text: plain, escapes of every form (JSON escapes in the document), raw bytes. */
    private static final String[] STRING_PARTS = {
        "a", "SKU-91535", "ES", "free", " ", "/", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\b", "\\f", "\\r", "\\u00e9",
        "\\u0041", "\\u20ac", "\\ud83d\\ude00", "\\q", "\u00e9", "\u20ac", "\t", "\u007f", "",
    };

    private static void randomString(Random random, StringBuilder out) {
        out.append('"');
        int parts = random.nextInt(4);
        for (int k = 0; k < parts; k++) {
            String part = STRING_PARTS[random.nextInt(STRING_PARTS.length)];
            out.append(part.startsWith("\\u") && random.nextInt(4) == 0 ? part.substring(0, 4) : part);   // a cut backslash-u escape
        }
        if (random.nextInt(40) == 0) out.append((char) 1);   // a raw control character
        if (random.nextInt(40) != 0) out.append('"');
    }

    /** pos after the unread field's value at {@code b[from]} as the escaped scanner skips it, or -1 (given up). */
    private static int field(byte[] b, int from) { return field(b, from, b.length); }

    private static int field(byte[] b, int from, int end) {
        JsonValueSkipper skipper = skipper(b, from, end);
        try {
            skipper.skipEscapedField(1);
            return skipper.pos;
        } catch (JsonByteCursor.Bail | ArrayIndexOutOfBoundsException e) {
            return -1;
        }
    }

    /** The full skip loop on its own (the reference). */
    private static int full(byte[] b, int from) { return full(b, from, b.length); }

    private static int full(byte[] b, int from, int end) {
        JsonValueSkipper skipper = skipper(b, from, end);
        try {
            skipper.skipValue(1, true);
            return skipper.pos;
        } catch (JsonByteCursor.Bail | ArrayIndexOutOfBoundsException e) {
            return -1;
        }
    }

    /** The compact skip on its own: the index after the value, or -1 (not compact, or given up). */
    private static int compact(byte[] b, int from) { return compact(b, from, b.length); }

    private static int compact(byte[] b, int from, int end) {
        JsonValueSkipper skipper = skipper(b, from, end);
        try {
            return from < end && (b[from] == '{' || b[from] == '[') ? skipper.skipCompactEscaped(from, 1) : -1;
        } catch (JsonByteCursor.Bail | ArrayIndexOutOfBoundsException e) {
            return -1;
        }
    }

    private static JsonValueSkipper skipper(byte[] b, int from, int end) {
        JsonValueSkipper skipper = new JsonValueSkipper() { };
        skipper.b = b;
        skipper.pos = from;
        skipper.end = end;
        return skipper;
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
