package dev.sluice.json;

/** Decoding the text of a JSON string that the readers' fast paths have already checked. */
final class JsonText {
    private JsonText() {}

    /**
     * Decodes {@code src[from, from + length)}, the inside of a JSON string checked as {@link StrictJsonScanner}
     * checks it (valid escapes, no surrogate backslash-u escapes, well-formed UTF-8), into {@code dst} from
     * {@code w} (room for {@code length} bytes); returns the index after the last byte written.
     */
    static int unescape(byte[] src, int from, int length, byte[] dst, int w) {
        int i = from, to = from + length;
        while (i < to) {
            byte c = src[i];
            if (c != '\\') {
                dst[w++] = c;
                i++;
                continue;
            }
            byte e = src[i + 1];
            switch (e) {
                case 'b': dst[w++] = '\b'; i += 2; break;
                case 'f': dst[w++] = '\f'; i += 2; break;
                case 'n': dst[w++] = '\n'; i += 2; break;
                case 'r': dst[w++] = '\r'; i += 2; break;
                case 't': dst[w++] = '\t'; i += 2; break;
                case 'u': {
                    int ch = (hex(src[i + 2]) << 12) | (hex(src[i + 3]) << 8) | (hex(src[i + 4]) << 4) | hex(src[i + 5]);
                    if (ch < 0x80) {
                        dst[w++] = (byte) ch;
                    } else if (ch < 0x800) {
                        dst[w++] = (byte) (0xC0 | (ch >> 6));
                        dst[w++] = (byte) (0x80 | (ch & 0x3F));
                    } else {
                        dst[w++] = (byte) (0xE0 | (ch >> 12));
                        dst[w++] = (byte) (0x80 | ((ch >> 6) & 0x3F));
                        dst[w++] = (byte) (0x80 | (ch & 0x3F));
                    }
                    i += 6;
                    break;
                }
                default: dst[w++] = e; i += 2; break;   // \" \\ \/
            }
        }
        return w;
    }

    private static int hex(byte c) {
        if (c <= '9') return c - '0';
        return (c | 0x20) - 'a' + 10;
    }
}
