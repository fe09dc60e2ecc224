package dev.sluice.vector;

import java.time.LocalDateTime;

/**
 * The text of dates and times as Spark prints them by default: 4-digit (at least) years, {@code +} before years
 * past 9999, zero-padded fields. Shared by casts to string, show() and the JSON writer.
 */
public final class DateTimeText {
    private DateTimeText() {}

    /** {@code yyyy-MM-dd} of a day count since 1970-01-01. */
    public static String date(int days) {
        java.time.LocalDate d = java.time.LocalDate.ofEpochDay(days);
        StringBuilder sb = new StringBuilder(10);
        appendDate(sb, d.getYear(), d.getMonthValue(), d.getDayOfMonth());
        return sb.toString();
    }

    /** {@code yyyy-MM-dd<separator>HH:mm:ss} of a local date-time. */
    public static void appendDateTime(StringBuilder sb, LocalDateTime t, char separator) {
        appendDate(sb, t.getYear(), t.getMonthValue(), t.getDayOfMonth());
        sb.append(separator);
        pad2(sb, t.getHour());
        sb.append(':');
        pad2(sb, t.getMinute());
        sb.append(':');
        pad2(sb, t.getSecond());
    }

    /** Spark's default timestampNTZFormat on write, {@code yyyy-MM-dd'T'HH:mm:ss.SSS} (micros truncated to millis). */
    public static String wallClockIso(long micros) {
        long seconds = Math.floorDiv(micros, 1_000_000L);
        int millis = (int) (Math.floorMod(micros, 1_000_000L) / 1000);
        StringBuilder sb = new StringBuilder(23);
        appendDateTime(sb, LocalDateTime.ofEpochSecond(seconds, 0, java.time.ZoneOffset.UTC), 'T');
        sb.append('.');
        if (millis < 100) sb.append('0');
        if (millis < 10) sb.append('0');
        return sb.append(millis).toString();
    }

    public static void appendDate(StringBuilder sb, int year, int month, int day) {
        if (year > 9999) sb.append('+');
        if (year < 0) sb.append('-');
        int y = Math.abs(year);
        if (y < 1000) sb.append('0');
        if (y < 100) sb.append('0');
        if (y < 10) sb.append('0');
        sb.append(y).append('-');
        pad2(sb, month);
        sb.append('-');
        pad2(sb, day);
    }

    private static void pad2(StringBuilder sb, int v) {
        if (v < 10) sb.append('0');
        sb.append(v);
    }
}
