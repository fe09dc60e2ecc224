package dev.sluice.types;

import java.math.BigDecimal;
import java.nio.ByteBuffer;

/**
 * A value of {@link CalendarIntervalType}: months, days and microseconds, each with its own sign (a month is not a
 * fixed number of days, nor a day a fixed number of microseconds across a daylight-saving change). {@link #toString()}
 * is Spark's text ({@code 1 years 2 months 3 days 4 hours 5.5 seconds}, {@code 0 seconds}).
 */
public record CalendarInterval(int months, int days, long microseconds) {
    /** The width of {@link #toBytes()}. */
    public static final int BYTES = 16;
    private static final long MICROS_PER_HOUR = 3_600_000_000L, MICROS_PER_MINUTE = 60_000_000L;

    /** Sixteen bytes: months, days, microseconds, big-endian (how vectors hold the value). */
    public byte[] toBytes() {
        return ByteBuffer.allocate(BYTES).putInt(months).putInt(days).putLong(microseconds).array();
    }

    public static CalendarInterval fromBytes(byte[] bytes, int offset) {
        ByteBuffer b = ByteBuffer.wrap(bytes, offset, BYTES);
        return new CalendarInterval(b.getInt(), b.getInt(), b.getLong());
    }

    @Override public String toString() {
        if (months == 0 && days == 0 && microseconds == 0) return "0 seconds";
        StringBuilder sb = new StringBuilder();
        if (months != 0) {
            unit(sb, months / 12, "years");
            unit(sb, months % 12, "months");
        }
        unit(sb, days, "days");
        if (microseconds != 0) {
            long rest = microseconds;
            unit(sb, rest / MICROS_PER_HOUR, "hours");
            rest %= MICROS_PER_HOUR;
            unit(sb, rest / MICROS_PER_MINUTE, "minutes");
            rest %= MICROS_PER_MINUTE;
            if (rest != 0) sb.append(BigDecimal.valueOf(rest, 6).stripTrailingZeros().toPlainString()).append(" seconds ");
        }
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }

    private static void unit(StringBuilder sb, long value, String name) {
        if (value != 0) sb.append(value).append(' ').append(name).append(' ');
    }
}
