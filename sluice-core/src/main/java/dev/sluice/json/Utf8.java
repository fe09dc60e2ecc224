package dev.sluice.json;

/** Writes chars and numbers as UTF-8 straight into a byte buffer (no String in between). */
final class Utf8 {
    private Utf8() {}

    /**
     * Encodes {@code chars[offset, offset+length)} into {@code out} from {@code pos}; {@code out} must have room
     * for {@code 3 * length} bytes. Returns the position after the last byte. Unpaired surrogates become '?',
     * as Java's encoder does.
     */
    static int encode(char[] chars, int offset, int length, byte[] out, int pos) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            char c = chars[i++];
            if (c < 0x80) {
                out[pos++] = (byte) c;
            } else if (c < 0x800) {
                out[pos++] = (byte) (0xC0 | (c >> 6));
                out[pos++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i < end && Character.isLowSurrogate(chars[i])) {
                int cp = Character.toCodePoint(c, chars[i++]);
                out[pos++] = (byte) (0xF0 | (cp >> 18));
                out[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                out[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                out[pos++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                out[pos++] = '?';
            } else {
                out[pos++] = (byte) (0xE0 | (c >> 12));
                out[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[pos++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return pos;
    }

    /** Writes {@code v} in decimal ASCII at {@code pos} (room for 20 bytes needed); returns the end position. */
    static int writeLong(long v, byte[] out, int pos) {
        if (v == Long.MIN_VALUE) {
            byte[] s = "-9223372036854775808".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            System.arraycopy(s, 0, out, pos, s.length);
            return pos + s.length;
        }
        if (v < 0) {
            out[pos++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long x = v; x >= 10; x /= 10) digits++;
        int end = pos + digits;
        for (int i = end - 1; i >= pos; i--) {
            out[i] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        return end;
    }
}
