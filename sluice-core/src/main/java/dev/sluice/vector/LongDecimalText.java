package dev.sluice.vector;

/**
 * The text of a decimal of at most 18 digits held as its unscaled long, written as ASCII bytes without a
 * BigDecimal: {@code toPlainString} ({@code 0.00000001}), or {@code toString} where that is plain too (scale 0,
 * or an adjusted exponent of at least -6). Java's {@code toString} writes the rest in scientific notation
 * ({@code 1E-8}, {@code 0E-10}): for those {@link #write} returns -1 and the caller renders the BigDecimal.
 */
public final class LongDecimalText {
    private LongDecimalText() {}

    /** Enough bytes for any value: a sign, 18 digits, a point and the zeros of {@code 0.} before them. */
    public static final int MAX_LENGTH = 21;

    /**
     * Writes {@code unscaled / 10^scale} (|unscaled| below 10^18, scale in [0, 18]) into {@code out} from 0;
     * returns the length, or -1 when {@code plain} is false and {@code BigDecimal.toString} would be scientific.
     */
    public static int write(long unscaled, int scale, boolean plain, byte[] out) {
        long magnitude = Math.abs(unscaled);
        int digits = LongDecimals.digits(Math.max(magnitude, 1));
        if (!plain && scale > 0 && digits - 1 - scale < -6) return -1;   // toString's adjusted exponent
        int integral = Math.max(digits - scale, 1);   // digits before the point, "0" when none
        int length = (unscaled < 0 ? 1 : 0) + integral + (scale > 0 ? 1 + scale : 0);
        int at = length;
        for (int k = 0; k < scale; k++) {
            out[--at] = (byte) ('0' + magnitude % 10);
            magnitude /= 10;
        }
        if (scale > 0) out[--at] = '.';
        for (int k = 0; k < integral; k++) {
            out[--at] = (byte) ('0' + magnitude % 10);
            magnitude /= 10;
        }
        if (unscaled < 0) out[--at] = '-';
        return length;
    }

    /** {@link #write} as a String, or null where that returns -1. */
    public static String text(long unscaled, int scale, boolean plain) {
        byte[] out = new byte[MAX_LENGTH];
        int n = write(unscaled, scale, plain, out);
        return n < 0 ? null : new String(out, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
