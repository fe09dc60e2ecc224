package dev.sluice.json;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JsonValueSkipper#skipString}, which takes whole 8-byte words of plain bytes and {@code \"} escapes in one step,
 * against a reference that reads one byte at a time (the loop it replaced): on random strings dense with escapes of
 * every kind, backslash runs, raw control characters, valid and malformed UTF-8 and backslash-u forms, at every
 * alignment and with the input cut anywhere, both must end at the same index or both give up.
 */
class StringSkipWordsTest {
    private static final byte[] ESCAPE_LETTERS = {'"', '\\', '/', 'b', 'f', 'n', 'r', 't', 'u', 'x', 'U', '0', ']', '#', '\'', 'a'};
    private static final byte[][] UTF8 = {
        bytes(0xC3, 0xA9), bytes(0xE4, 0xB8, 0xAD), bytes(0xF0, 0x9F, 0x98, 0x80), bytes(0xDF, 0xBF), bytes(0xEF, 0xBF, 0xBF),
        bytes(0xF4, 0x8F, 0xBF, 0xBF), bytes(0xE0, 0xA0, 0x80), bytes(0xED, 0x9F, 0xBF), bytes(0xF0, 0x90, 0x80, 0x80),
        // malformed: stray continuation, overlong, surrogate, past U+10FFFF, truncated, bad continuation, invalid leads
        bytes(0x80), bytes(0xBF), bytes(0xC0, 0xAF), bytes(0xC1, 0xBF), bytes(0xE0, 0x80, 0x80), bytes(0xED, 0xA0, 0x80),
        bytes(0xF0, 0x80, 0x80, 0x80), bytes(0xF4, 0x90, 0x80, 0x80), bytes(0xF5, 0x80, 0x80, 0x80), bytes(0xFF),
        bytes(0xC3), bytes(0xE4, 0xB8), bytes(0xC3, 0x41), bytes(0xE4, 0x22, 0xAD), bytes(0xC3, 0x5C),
    };

    @Test void endsWhereTheByteLoopEndsOnRandomStrings() {
        Random random = new Random(20261203);
        for (int n = 0; n < 200_000; n++) {
            byte[] text = randomString(random, n % 3 == 0);
            int from = random.nextInt(Math.min(text.length, 8) + 1);
            int end = random.nextInt(4) == 0 ? from + random.nextInt(text.length - from + 1) : text.length;
            assertThat(words(text, from, end)).as(() -> describe(text, from, end)).isEqualTo(reference(text, from, end));
        }
    }

    @Test void endsWhereTheByteLoopEndsAtEveryAlignmentAndCut() {
        String[] contents = {
            "{\\\"user\\\":{\\\"id\\\":2239556822,\\\"country\\\":\\\"ES\\\"},\\\"items\\\":[],\\\"error\\\":null}",
            "ab\\\\\\\"cd\\\\\\\\\"", "\\\\\"", "\\\"#\\\"#\\\"#\"", "x\\]\\\"\"", "\\u00e9\\u12G4\\n\\t\\/\"", "é中😀\\\"\"",
            "\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\"", "1234567\\\"1234567\\\\\"", "\u0001\"", "abc\u007f\u001f\"",
        };
        for (String content : contents) {
            for (int pad = 0; pad < 9; pad++) {
                byte[] text = ("\"".repeat(pad) + "\"" + content + "tail\"").getBytes(StandardCharsets.UTF_8);
                int from = pad + 1;
                for (int cut = from; cut <= text.length; cut++) {
                    int end = cut;
                    assertThat(words(text, from, end)).as(() -> describe(text, from, end)).isEqualTo(reference(text, from, end));
                }
            }
        }
    }

    @Test void aWorkloadBodyIsSkippedWholeAndAControlByteAnywhereInItGivesUp() {
        String body = "\"{\\\"user\\\":{\\\"id\\\":2239556822,\\\"country\\\":\\\"ES\\\",\\\"plan\\\":\\\"free\\\"},"
                + "\\\"items\\\":[{\\\"sku\\\":\\\"SKU-91535\\\",\\\"qty\\\":2,\\\"price\\\":407.54}],\\\"error\\\":null}\"}";
        byte[] text = body.getBytes(StandardCharsets.UTF_8);
        assertThat(words(text, 1, text.length)).isEqualTo(text.length - 1);
        for (int k = 1; k < text.length - 2; k++) {
            for (byte bad : new byte[] {0x01, 0x1F, (byte) 0x80, '"', '\\'}) {
                byte[] mutated = text.clone();
                mutated[k] = bad;
                assertThat(words(mutated, 1, mutated.length)).as(() -> describe(mutated, 1, mutated.length))
                        .isEqualTo(reference(mutated, 1, mutated.length));
            }
        }
    }

    // ---- generation ----

    private static byte[] randomString(Random random, boolean documentLike) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int prefix = random.nextInt(9);
        for (int k = 0; k < prefix; k++) out.write(random.nextInt(256));
        int tokens = random.nextInt(60);
        for (int k = 0; k < tokens; k++) {
            int pick = random.nextInt(100);
            if (documentLike ? pick < 45 : pick < 30) {
                int run = 1 + random.nextInt(documentLike ? 8 : 4);
                for (int r = 0; r < run; r++) out.write(plain(random));
            } else if (documentLike ? pick < 85 : pick < 45) {
                out.write('\\');
                out.write('"');
            } else if (pick < 60) {
                byte letter = ESCAPE_LETTERS[random.nextInt(ESCAPE_LETTERS.length)];
                out.write('\\');
                out.write(letter);
                if (random.nextBoolean()) out.write(letter == 'u' ? hexish(random) : plain(random));
            } else if (pick < 66) {
                out.write('\\');
                out.write('u');
                for (int h = 0; h < 4; h++) out.write(hexish(random));
            } else if (pick < 72) {
                int run = 1 + random.nextInt(6);
                for (int r = 0; r < run; r++) out.write('\\');
            } else if (pick < 80) {
                byte[] seq = UTF8[random.nextInt(UTF8.length)];
                out.write(seq, 0, seq.length);
            } else if (pick < 85) {
                out.write(random.nextInt(4) == 0 ? 0x7F : random.nextInt(0x20));
            } else if (pick < 88) {
                out.write('"');
            } else {
                out.write("#]]\"".charAt(random.nextInt(4)));
            }
        }
        if (random.nextInt(4) != 0) out.write('"');
        int suffix = random.nextInt(12);
        for (int k = 0; k < suffix; k++) out.write(random.nextInt(256));
        return out.toByteArray();
    }

    private static int plain(Random random) { return "abcXYZ019:,{}[]-_ #]".charAt(random.nextInt(20)); }

    private static int hexish(Random random) { return "0123456789abcdefABCDEFgG\"\\".charAt(random.nextInt(26)); }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) b[i] = (byte) values[i];
        return b;
    }

    private static String describe(byte[] text, int from, int end) {
        StringBuilder s = new StringBuilder("from " + from + " end " + end + ":");
        for (byte c : text) s.append(String.format(" %02x", c & 0xFF));
        return s.toString();
    }

    // ---- the two skips ----

    private static int words(byte[] text, int from, int end) {
        JsonValueSkipper skipper = new JsonValueSkipper() { };
        skipper.b = text;
        skipper.end = end;
        try {
            return skipper.skipString(from);
        } catch (JsonByteCursor.Bail e) {
            return -1;
        }
    }

    /** The string's end a byte at a time: the first unescaped quote; escapes, UTF-8 and control characters checked. */
    private static int reference(byte[] b, int from, int end) {
        JsonValueSkipper cursor = new JsonValueSkipper() { };
        cursor.b = b;
        cursor.end = end;
        try {
            int i = from;
            while (true) {
                if (i >= end) return -1;
                int c = b[i];
                if (c == '"') return i + 1;
                if (c == '\\') {
                    if (i + 1 >= end) return -1;
                    byte e = b[i + 1];
                    if (e == 'u') {
                        if (i + 5 >= end) return -1;
                        for (int h = 2; h < 6; h++) JsonByteCursor.hex(b[i + h]);
                        i += 6;
                    } else if ("\"\\/bfnrt".indexOf(e) >= 0) {
                        i += 2;
                    } else {
                        return -1;
                    }
                } else if (c < 0) {
                    i = cursor.checkUtf8(i);
                } else if (c < 0x20) {
                    return -1;
                } else {
                    i++;
                }
            }
        } catch (JsonByteCursor.Bail e) {
            return -1;
        }
    }
}
