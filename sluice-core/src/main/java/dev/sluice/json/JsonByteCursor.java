package dev.sluice.json;

import dev.sluice.vector.ByteWords;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What the JSON fast paths share: a position in a byte range, and the scalar readers (numbers, literals, UTF-8
 * checks) that convert exactly as the Jackson path does or give up by throwing {@link #BAIL}. Final methods, so
 * that even profiled C1 code calls them without a virtual dispatch.
 */
abstract class JsonByteCursor {
    /** Why a fast path gave up on a record; one shared instance, no stack trace (control flow). */
    static final class Bail extends RuntimeException {
        private Bail() { super(null, null, false, false); }
    }

    static final Bail BAIL = new Bail();
    private static final double[] POWERS_OF_TEN = new double[23];
    /** The bytes a string holds as they are: ASCII other than the quote, the backslash and control characters. */
    static final boolean[] PLAIN = new boolean[256];
    /** The bytes that may follow a number: a delimiter or whitespace (not '.', 'e' or 'E'). */
    private static final boolean[] NUMBER_END = new boolean[256];

    static {
        double p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++, p *= 10) POWERS_OF_TEN[i] = p;
        for (int c = 0x20; c < 0x80; c++) PLAIN[c] = c != '"' && c != '\\';
        for (char c : new char[] {',', '}', ']', ' ', '\n', '\r', '\t'}) NUMBER_END[c] = true;
    }

    byte[] b;
    int pos;
    int end;

    static int hex(byte c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        throw BAIL;
    }

    /**
     * An integral number within the long range (no fraction or exponent). The digits are read with a local index and
     * the position written once: C1 code (where a scan spends its first part) keeps no field in a register.
     */
    final long readIntegral() {
        byte[] b = this.b;
        int end = this.end;
        int i = pos;
        if (i >= end) throw BAIL;
        boolean negative = b[i] == '-';
        if (negative) i++;
        int start = i;
        long v = 0;
        int d;
        while (i < end && (d = b[i] - '0') >= 0 && d <= 9) {
            v = v * 10 + d;
            i++;
        }
        int count = i - start;
        if (count == 0 || (count > 1 && b[start] == '0')) throw BAIL;   // no digit, or a leading zero
        if (count >= 19) {   // the long range ends inside the 19-digit numbers
            if (count > 19) throw BAIL;
            long prefix = 0;
            for (int k = start; k < start + 18; k++) prefix = prefix * 10 + (b[k] - '0');
            int last = b[start + 18] - '0';
            if (prefix > 922337203685477580L || (prefix == 922337203685477580L && last > (negative ? 8 : 7))) throw BAIL;
            v = negative ? -(prefix * 10) - last : prefix * 10 + last;
            negative = false;
        }
        if (i < end && !integralEnd(b[i])) throw BAIL;   // "12x", or a fraction or exponent
        pos = i;
        return negative ? -v : v;
    }

    /**
     * The bytes that may follow an integral value (a delimiter or whitespace; not '.', 'e' or 'E'). A table: the seven
     * tests were 48 bytes of bytecode, a call in C1 code (over its 35-byte inlining limit) after every number.
     */
    private static boolean integralEnd(byte c) { return NUMBER_END[c & 0xFF]; }

    /** Digits at pos (at least one; no leading zero), as a long (exact for up to 18 digits). */
    final long digits() {
        int start = pos;
        if (pos >= end) throw BAIL;
        byte c = b[pos];
        if (c < '0' || c > '9') throw BAIL;
        if (c == '0' && pos + 1 < end && b[pos + 1] >= '0' && b[pos + 1] <= '9') throw BAIL;   // leading zero
        long v = 0;
        while (pos < end && (c = b[pos]) >= '0' && c <= '9') {
            v = v * 10 + (c - '0');
            pos++;
        }
        if (pos - start > 18) v = -1;   // too long to be exact; callers check the count
        return v;
    }

    /**
     * A number as a double, rounded as Java's parser (and Jackson's) round it: exactly when the significand
     * and the power of ten are both exact doubles (Clinger's fast path), else through Double.parseDouble.
     * <p>A short decimal ({@code 407.54}: 1-6 digits in all around one point, no exponent, a delimiter within 8
     * bytes of the first digit, the logs' prices and latencies) is read from one 8-byte word: its digits found by a
     * mask and converted together, then divided by the power of ten as Clinger's path does (at most 6 digits, at most
     * 10^5: both exact). Anything else takes the general read below, which gives the same value for these. Local
     * index, position written once (as {@link #readIntegral}).
     */
    final double readDouble() {
        byte[] b = this.b;
        int end = this.end;
        int start = pos;
        if (start >= end) throw BAIL;
        boolean negative = b[start] == '-';
        int i = negative ? start + 1 : start;
        if (end - i >= 8) {
            long x = ByteWords.longAt(b, i) ^ 0x3030303030303030L;   // digit bytes become 0..9
            long nonDigits = (((x & 0x7F7F7F7F7F7F7F7FL) + 0x7676767676767676L) | x) & 0x8080808080808080L;
            int point = ByteWords.firstMarkedByte(nonDigits);   // the integer part's length (0 for a word of digits)
            if (point >= 1 && point <= 6 && ((x >>> (8 * point)) & 0xFF) == ('.' ^ '0') && (point == 1 || (x & 0xFF) != 0)) {
                // the fraction's end (0: none): the next mark after the point's, the lowest one, found without waiting for
                // point (the position is on the walk's dependency chain)
                int after = ByteWords.firstMarkedByte(nonDigits & (nonDigits - 1));
                int fraction = after - point - 1;
                if (fraction >= 1 && after < 8 && integralEnd(b[i + after])) {
                    long integer = (1L << (8 * point)) - 1;
                    long digits = (x & integer) | ((x >>> 8) & ~integer & ((1L << (8 * after - 8)) - 1));   // without the point
                    double v = eightDigits(digits << (72 - 8 * after)) / POWERS_OF_TEN[fraction];
                    pos = i + after;
                    return negative ? -v : v;
                }
            }
        }
        // the general read (the same value for the short decimals above); in this method, not a call, so that the
        // method stays one unit too large to inline, compiled once for the scanners that call it
        int intStart = i;
        long mantissa = 0;
        int d;
        while (i < end && (d = b[i] - '0') >= 0 && d <= 9) {
            mantissa = mantissa * 10 + d;   // wraps past 18 digits, when significant rules it out below
            i++;
        }
        int significant = i - intStart;
        if (significant == 0 || (significant > 1 && b[intStart] == '0')) throw BAIL;   // no digit, or a leading zero
        int exponent = 0;
        boolean integral = true;
        if (i < end && b[i] == '.') {
            integral = false;
            int fracStart = ++i;
            int room = 18 - significant;   // fraction digits the 18-digit mantissa still takes
            while (i < end && (d = b[i] - '0') >= 0 && d <= 9) {
                if (i - fracStart < room) mantissa = mantissa * 10 + d;
                i++;
            }
            int fraction = i - fracStart;
            if (fraction == 0) throw BAIL;
            significant += fraction;
            exponent = -fraction;
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            integral = false;
            i++;
            boolean negativeExponent = false;
            if (i < end && (b[i] == '+' || b[i] == '-')) negativeExponent = b[i++] == '-';
            int expStart = i;
            int e = 0;
            while (i < end && (d = b[i] - '0') >= 0 && d <= 9) {
                if (i - expStart < 6) e = e * 10 + d;
                i++;
            }
            if (i == expStart) throw BAIL;
            if (i - expStart >= 6) significant = Integer.MAX_VALUE;   // huge exponent: the slow parse
            exponent += negativeExponent ? -e : e;
        }
        int length = i - start;
        if (length > 100) throw BAIL;   // Jackson's number-length limit is the Jackson path's business
        if (i < end && !integralEnd(b[i])) throw BAIL;   // "12x" ('.' and 'e' were taken above)
        pos = i;
        if (integral && significant <= 18) {
            return negative ? (double) -mantissa : (double) mantissa;   // as Jackson: (double) of the long ("-0" is 0.0)
        }
        if (significant <= 18 && mantissa < (1L << 53) && exponent >= -22 && exponent <= 22) {
            double m = mantissa;
            double v = exponent >= 0 ? m * POWERS_OF_TEN[exponent] : m / POWERS_OF_TEN[-exponent];
            return negative ? -v : v;
        }
        return Double.parseDouble(new String(b, start, length, StandardCharsets.ISO_8859_1));
    }

    /**
     * The value of 8 digits (0..9 a byte, the first in the lowest byte) as a long: pairs, then fours, then the eight,
     * each step one multiplication that adds 10^k times a lane to its neighbour (Lemire's SWAR conversion). 31 bytes
     * of bytecode, so that C1 inlines it (simdjson's form, two multiplications in the last step, was 37).
     */
    static long eightDigits(long x) {
        // pairs (byte 2k: 10 * digit 2k + digit 2k+1), then fours (16-bit lane 2k), then the eight; one expression, as
        // locals would cost C1's limit 6 bytes
        return ((((((x * (1 + (10 << 8))) >>> 8) & 0x00FF00FF00FF00FFL) * (1 + (100 << 16))) >>> 16 & 0x0000FFFF0000FFFFL)
                * (1 + (10000L << 32))) >>> 32;
    }

    /** A scalar must be followed by a delimiter (Jackson rejects "12x", "nullx"). */
    final void endOfNumber() {
        if (pos >= end) return;
        byte c = b[pos];
        if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t'
                || c == '.' || c == 'e' || c == 'E') return;
        throw BAIL;
    }

    static final byte[] NULL = {'n', 'u', 'l', 'l'};
    static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

    final void literal(byte[] word) {
        int n = word.length;
        if (pos + n > end || !Arrays.equals(word, 0, n, b, pos, pos + n)) throw BAIL;
        pos += n;
        if (pos < end) {
            byte c = b[pos];
            if (!(c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t')) throw BAIL;
        }
    }

    final void skipNumber() {
        int start = pos;
        if (peek() == '-') pos++;
        digits();
        if (pos < end && b[pos] == '.') {
            pos++;
            int fracStart = pos;
            while (pos < end && b[pos] >= '0' && b[pos] <= '9') pos++;
            if (pos == fracStart) throw BAIL;
        }
        if (pos < end && (b[pos] == 'e' || b[pos] == 'E')) {
            pos++;
            if (pos < end && (b[pos] == '+' || b[pos] == '-')) pos++;
            int expStart = pos;
            while (pos < end && b[pos] >= '0' && b[pos] <= '9') pos++;
            if (pos == expStart) throw BAIL;
        }
        if (pos - start > 100) throw BAIL;
        endOfNumber();
    }

    /** Checks the UTF-8 sequence at {@code b[i]} (a byte >= 0x80): well-formed, shortest form, no surrogates. */
    final int checkUtf8(int i) {
        if (i + 1 >= end) throw BAIL;
        int c = b[i] & 0xFF;
        if (c >= 0xC2 && c <= 0xDF) {
            continuation(i + 1);
            return i + 2;
        }
        if (c >= 0xE0 && c <= 0xEF) {
            int c1 = b[i + 1] & 0xFF;
            if (c == 0xE0 && c1 < 0xA0) throw BAIL;   // overlong
            if (c == 0xED && c1 >= 0xA0) throw BAIL;  // surrogate
            continuation(i + 1);
            continuation(i + 2);
            return i + 3;
        }
        if (c >= 0xF0 && c <= 0xF4) {
            int c1 = b[i + 1] & 0xFF;
            if (c == 0xF0 && c1 < 0x90) throw BAIL;
            if (c == 0xF4 && c1 >= 0x90) throw BAIL;
            continuation(i + 1);
            continuation(i + 2);
            continuation(i + 3);
            return i + 4;
        }
        throw BAIL;
    }

    final void continuation(int i) {
        if (i >= end || (b[i] & 0xC0) != 0x80) throw BAIL;
    }

    final byte peek() {
        if (pos >= end) throw BAIL;
        return b[pos];
    }

    final byte next() {
        if (pos >= end) throw BAIL;
        return b[pos++];
    }
}
