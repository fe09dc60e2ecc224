package dev.sluice.vector;

/**
 * The text of a TIME value as Spark prints it (casts to string, show, literals): {@code HH:mm:ss}, then the
 * fraction of the second with its trailing zeros dropped ({@code 12:34:56.1}, {@code 00:00:00}).
 */
public final class TimeText {
    private TimeText() {}

    /** {@code HH:mm:ss[.fraction]} of nanoseconds since midnight. */
    public static String format(long nanosOfDay) {
        StringBuilder sb = new StringBuilder(18);
        append(sb, nanosOfDay);
        return sb.toString();
    }

    public static void append(StringBuilder sb, long nanosOfDay) {
        long seconds = nanosOfDay / 1_000_000_000L;
        int nanos = (int) (nanosOfDay % 1_000_000_000L);
        pad2(sb, (int) (seconds / 3600));
        sb.append(':');
        pad2(sb, (int) (seconds / 60 % 60));
        sb.append(':');
        pad2(sb, (int) (seconds % 60));
        if (nanos != 0) {
            String digits = Integer.toString(1_000_000_000 + nanos).substring(1);   // nine digits, zero-padded
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') end--;
            sb.append('.').append(digits, 0, end);
        }
    }

    private static void pad2(StringBuilder sb, int v) {
        if (v < 10) sb.append('0');
        sb.append(v);
    }
}
