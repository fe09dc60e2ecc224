package dev.sluice.io.csv;

import dev.sluice.vector.ByteWords;

/**
 * Whether bytes are well-formed UTF-8 as Java's decoder judges it (no overlong forms, no surrogates, nothing past
 * U+10FFFF): only then do the bytes of a field equal the UTF-8 encoding of the String the decoder would give, which
 * is what lets the byte reader copy fields instead of decoding them. Lines that fail go through the String path.
 */
final class Utf8Check {
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8Check() {}

    static boolean valid(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            while (i + 8 <= to && (ByteWords.longAt(b, i) & HIGH_BITS) == 0) i += 8;   // ASCII, a word at a time
            if (i == to) break;
            int c = b[i];
            if (c >= 0) {
                i++;
                continue;
            }
            c &= 0xff;
            if (c < 0xC2) return false;                 // a continuation byte, or an overlong two-byte lead
            if (c < 0xE0) {
                if (i + 1 >= to || !continuation(b[i + 1])) return false;
                i += 2;
            } else if (c < 0xF0) {
                if (i + 2 >= to || !continuation(b[i + 1]) || !continuation(b[i + 2])) return false;
                int c1 = b[i + 1] & 0xff;
                if (c == 0xE0 && c1 < 0xA0) return false;   // overlong
                if (c == 0xED && c1 >= 0xA0) return false;  // a surrogate
                i += 3;
            } else if (c < 0xF5) {
                if (i + 3 >= to || !continuation(b[i + 1]) || !continuation(b[i + 2]) || !continuation(b[i + 3])) return false;
                int c1 = b[i + 1] & 0xff;
                if (c == 0xF0 && c1 < 0x90) return false;   // overlong
                if (c == 0xF4 && c1 >= 0x90) return false;  // past U+10FFFF
                i += 4;
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean continuation(byte x) { return (x & 0xC0) == 0x80; }
}
