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

    /**
     * {@code x / divisor} rounded by {@code mode} (HALF_UP, HALF_EVEN, FLOOR, CEILING, DOWN or UP), divisor
     * positive; what {@code BigDecimal.setScale} does to a value whose scale drops by the divisor's digits.
     */
    public static long divide(long x, long divisor, java.math.RoundingMode mode) {
        long q = x / divisor, r = x % divisor;
        if (r == 0) return q;
        long rest = divisor - Math.abs(r);   // |r| compared with divisor / 2 as |r| against rest, without overflow
        boolean away = switch (mode) {
            case HALF_UP -> Math.abs(r) >= rest;
            case HALF_EVEN -> Math.abs(r) > rest || (Math.abs(r) == rest && (q & 1) != 0);
            case HALF_DOWN -> Math.abs(r) > rest;
            case FLOOR -> x < 0;
            case CEILING -> x > 0;
            case UP -> true;
            case DOWN -> false;
            case UNNECESSARY -> throw new ArithmeticException("rounding necessary");
        };
        return away ? q + (x < 0 ? -1 : 1) : q;
    }

    /**
     * {@code x * 10^shift / y} rounded HALF_UP (away from zero on a tie), exactly: the quotient of unscaled
     * decimals {@code x} at scale s1 and {@code y} at scale s2 at result scale {@code s1 - s2 + shift}. Long
     * division a chunk of digits at a time, so no step leaves a long; ArithmeticException when the quotient does
     * not fit a long, when {@code y} is 0 or at least 10^17, or when {@code shift} is negative (callers then take
     * BigDecimal). {@code |x|} must be below 10^18.
     */
    public static long divideScaled(long x, long y, int shift) {
        if (y == 0 || shift < 0) throw new ArithmeticException("not a long quotient");
        long a = Math.abs(x), b = Math.abs(y);
        if (b >= POWERS[17]) throw new ArithmeticException("divisor too wide for a chunk");
        int chunk = 18 - digits(b);   // r < b < 10^digits: r * 10^chunk < 10^18
        long q = a / b, r = a % b;
        for (int left = shift; left > 0; ) {
            int c = Math.min(chunk, left);
            r *= POWERS[c];
            q = Math.addExact(Math.multiplyExact(q, POWERS[c]), r / b);
            r %= b;
            left -= c;
        }
        if (r >= b - r) q = Math.addExact(q, 1);
        return (x < 0) != (y < 0) ? -q : q;
    }

    /** The number of decimal digits of a positive long below 10^18. */
    static int digits(long positive) {
        int d = 1;
        while (d < 18 && positive >= POWERS[d]) d++;
        return d;
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
