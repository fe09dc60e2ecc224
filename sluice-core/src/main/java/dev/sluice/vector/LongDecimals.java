package dev.sluice.vector;

/**
 * Arithmetic on decimals of at most 18 digits held as unscaled longs ({@code 12.34} at scale 2 is 1234): powers of
 * ten, precision checks, and rescaling with Spark's rounding (HALF_UP). Callers fall back to BigDecimal when a step
 * overflows a long ({@link ArithmeticException} from the exact operations); and the parsing of plain decimal
 * text straight into an unscaled long.
 */
public final class LongDecimals {
    private LongDecimals() {}

    /** {@code POWERS[i]} = 10^i for i in [0, 18]. */
    private static final long[] POWERS = new long[19];
    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) POWERS[i] = POWERS[i - 1] * 10;
    }

    /** 10^{@code exponent}, exponent in [0, 18]. */
    public static long pow10(int exponent) { return POWERS[exponent]; }

    /** True when the unscaled value has at most {@code precision} digits (precision in [1, 18]). */
    public static boolean fits(long unscaled, int precision) {
        long bound = POWERS[precision];
        return unscaled > -bound && unscaled < bound;
    }

    /**
     * {@code unscaled} at scale {@code from} moved to scale {@code to}: multiplied exactly (ArithmeticException
     * on overflow), or divided rounding HALF_UP (away from zero on a tie);
     * ArithmeticException too when the scales are more than 18 apart.
     */
    public static long rescale(long unscaled, int from, int to) {
        if (to == from) return unscaled;
        if (to > from) {
            int up = to - from;
            if (up > 18) throw new ArithmeticException("rescale overflow");
            return Math.multiplyExact(unscaled, POWERS[up]);
        }
        int down = from - to;
        if (down > 18) throw new ArithmeticException("rescale beyond a long's powers of ten");
        return divideHalfUp(unscaled, POWERS[down]);
    }

    /** {@code x / divisor} rounded HALF_UP, divisor positive. */
    public static long divideHalfUp(long x, long divisor) {
        long q = x / divisor, r = x % divisor;
        if (Math.abs(r) >= divisor - Math.abs(r)) q += x < 0 ? -1 : 1;   // |r| >= divisor / 2, without overflow
        return q;
    }

    /** What the parsers return for text they leave to BigDecimal (never a valid unscaled value of 18 digits). */
    public static final long NOT_PARSED = Long.MIN_VALUE;

    /**
     * The unscaled value at {@code scale} of plain decimal text {@code [+-]digits[.digits]} (at least one digit;
     * {@code .5} and {@code 5.} too) in {@code chars[start, start + length)}, rounded HALF_UP to the scale as
     * {@code new BigDecimal(text).setScale(scale, HALF_UP)}; {@link #NOT_PARSED} when the text has another form
     * (an exponent, spaces, anything else) or more than {@code precision} digits at the scale: the caller then
     * takes its BigDecimal path, which gives the value or the error.
     */
    public static long parse(char[] chars, int start, int length, int scale, int precision) {
        int i = start, end = start + length;
        boolean negative = false;
        if (i < end && (chars[i] == '-' || chars[i] == '+')) negative = chars[i++] == '-';
        long value = 0;
        int digits = 0, significant = 0, fraction = -1, roundDigit = 0;
        for (; i < end; i++) {
            char c = chars[i];
            if (c == '.' && fraction < 0) {
                fraction = 0;
                continue;
            }
            int d = c - '0';
            if (d < 0 || d > 9) return NOT_PARSED;
            digits++;
            if (fraction >= 0 && fraction++ >= scale) {   // beyond the scale: only the first one rounds
                if (fraction == scale + 1) roundDigit = d;
                continue;
            }
            if (value == 0 && d == 0) continue;
            if (++significant > MAX_DIGITS) return NOT_PARSED;
            value = value * 10 + d;
        }
        return finish(value, negative, digits, fraction, roundDigit, scale, precision);
    }

    /** {@link #parse(char[], int, int, int, int)} over the bytes of ASCII (or UTF-8) text. */
    public static long parse(byte[] bytes, int start, int length, int scale, int precision) {
        int i = start, end = start + length;
        boolean negative = false;
        if (i < end && (bytes[i] == '-' || bytes[i] == '+')) negative = bytes[i++] == '-';
        long value = 0;
        int digits = 0, significant = 0, fraction = -1, roundDigit = 0;
        for (; i < end; i++) {
            byte c = bytes[i];
            if (c == '.' && fraction < 0) {
                fraction = 0;
                continue;
            }
            int d = c - '0';
            if (d < 0 || d > 9) return NOT_PARSED;
            digits++;
            if (fraction >= 0 && fraction++ >= scale) {
                if (fraction == scale + 1) roundDigit = d;
                continue;
            }
            if (value == 0 && d == 0) continue;
            if (++significant > MAX_DIGITS) return NOT_PARSED;
            value = value * 10 + d;
        }
        return finish(value, negative, digits, fraction, roundDigit, scale, precision);
    }

    /** The most significant digits a parser accumulates: 18 digits and a rounding step stay inside a long. */
    private static final int MAX_DIGITS = 18;

    /** Pads the digits read to the scale, rounds HALF_UP on the first dropped digit, applies the sign, checks. */
    private static long finish(long value, boolean negative, int digits, int fraction, int roundDigit, int scale, int precision) {
        if (digits == 0) return NOT_PARSED;
        int read = Math.max(fraction, 0);   // fraction digits read into value (capped at the scale below)
        int pad = scale - Math.min(read, scale);
        if (value != 0) {
            if (pad > 18) return NOT_PARSED;
            long bound = POWERS[18];
            for (int k = 0; k < pad; k++) {
                if (value >= bound / 10) return NOT_PARSED;   // would pass 18 digits
                value *= 10;
            }
        }
        if (roundDigit >= 5) value++;   // HALF_UP: away from zero on the magnitude
        if (value >= POWERS[precision]) return NOT_PARSED;
        return negative ? -value : value;
    }
}
