package dev.sluice.json;

/** Decoding the escapes of a JSON string's text that the fast path has already checked (see {@link JsonStringVector}). */
final class JsonEscapes {
    private JsonEscapes() {}

    /**
     * Decodes {@code src[start, start+length)}, the text between a string's quotes with valid escapes ({@code \"},
     * {@code \\}, {@code \/}, {@code \b}, {@code \f}, {@code \n}, {@code \r}, {@code \t}, {@code \}{@code uXXXX}
     * outside the surrogates), as UTF-8 into {@code dst} from {@code w}; returns the number of bytes written
     * (never more than {@code length}).
     */
    static int decode(byte[] src, int start, int length, byte[] dst, int w) {
        int from = w;
        int end = start + length;
        int i = start;
        while (i < end) {
            byte c = src[i];
            if (c != '\\') {
                dst[w++] = c;
                i++;
                continue;
            }
            byte e = src[i + 1];
            switch (e) {
                case 'b': dst[w++] = '\b'; break;
                case 'f': dst[w++] = '\f'; break;
                case 'n': dst[w++] = '\n'; break;
                case 'r': dst[w++] = '\r'; break;
                case 't': dst[w++] = '\t'; break;
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
                    continue;
                }
                default: dst[w++] = e;   // '"', '\\', '/'
            }
            i += 2;
        }
        return w - from;
    }

    private static int hex(byte c) {
        if (c <= '9') return c - '0';
        return (c | 0x20) - 'a' + 10;
    }
}
