package dev.sluice.vector;

import dev.sluice.types.DataType;
import dev.sluice.types.DayTimeIntervalType;
import dev.sluice.types.IntervalTypes;
import dev.sluice.types.YearMonthIntervalType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Interval text to months or microseconds, as Spark's IntervalUtils reads it: the ANSI form
 * {@code INTERVAL '1-2' YEAR TO MONTH} and the bare body ({@code 1-2}, {@code -1 10:00:00.5}, {@code 05:30}) of
 * the target type's fields. Out-of-range fields (hour 24, minute 60) and overflow are malformed.
 */
public final class IntervalParsing {
    private static final Pattern ANSI = Pattern.compile(
            "(?i)^INTERVAL\\s*([+-])?\\s*'([^']*)'\\s*([a-z]+)(?:\\s+TO\\s+([a-z]+))?$");
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long[] MICROS = {86_400_000_000L, 3_600_000_000L, 60_000_000L, MICROS_PER_SECOND};

    private IntervalParsing() {}

    /** A cast's text: the ANSI form (whose fields must be {@code to}'s) or the bare body; null when malformed. */
    public static Long parseCastText(String text, DataType to) {
        String t = text.trim();
        Matcher m = ANSI.matcher(t);
        if (m.matches()) {
            DataType named = IntervalTypes.of(m.group(3), m.group(4) == null ? m.group(3) : m.group(4));
            if (!to.equals(named)) return null;
            Long v = parseBody(m.group(2), to);
            if (v == null) return null;
            return "-".equals(m.group(1)) ? negate(v, to) : v;
        }
        return parseBody(t, to);
    }

    /** The body of a typed interval: months (year-month) or microseconds (day-time); null when malformed. */
    public static Long parseBody(String body, DataType type) {
        String b = body.trim();
        boolean negative = false;
        if (!b.isEmpty() && (b.charAt(0) == '-' || b.charAt(0) == '+')) {
            negative = b.charAt(0) == '-';
            b = b.substring(1);
        }
        try {
            Long v = type instanceof YearMonthIntervalType ym ? yearMonth(b, ym) : type instanceof DayTimeIntervalType dt ? dayTime(b, dt) : null;
            if (v == null) return null;
            return negative ? negate(v, type) : v;
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    private static Long negate(long v, DataType type) {
        long n = Math.negateExact(v);
        return type instanceof YearMonthIntervalType && n != (int) n ? null : n;
    }

    private static Long yearMonth(String b, YearMonthIntervalType type) {
        long months;
        if (type.startField() != type.endField()) {
            Matcher m = Pattern.compile("^(\\d+)-(\\d+)$").matcher(b);
            if (!m.matches()) return null;
            long years = Long.parseLong(m.group(1));
            long month = Long.parseLong(m.group(2));
            if (month > 11) return null;
            months = Math.addExact(Math.multiplyExact(years, 12L), month);
        } else {
            if (!b.matches("^\\d+$")) return null;
            long n = Long.parseLong(b);
            months = type.startField() == YearMonthIntervalType.YEAR ? Math.multiplyExact(n, 12L) : n;
        }
        return months == (int) months ? months : null;
    }

    private static Long dayTime(String b, DayTimeIntervalType type) {
        int start = type.startField(), end = type.endField();
        // fields in order, separated by ' ' (after day) and ':' (between time fields); seconds may have a fraction
        String[] parts = new String[end - start + 1];
        int pos = 0;
        for (int f = start; f <= end; f++) {
            int k = f - start;
            if (f == end) {
                parts[k] = b.substring(pos);
            } else {
                char sep = f == DayTimeIntervalType.DAY ? ' ' : ':';
                int at = b.indexOf(sep, pos);
                if (at < 0) return null;
                parts[k] = b.substring(pos, at);
                pos = at + 1;
            }
        }
        long total = 0;
        for (int f = start; f <= end; f++) {
            String p = parts[f - start];
            if (f == DayTimeIntervalType.SECOND) {
                if (!p.matches("^\\d+(\\.\\d{0,9})?$")) return null;
                BigDecimal seconds = new BigDecimal(p);
                if (f != start && seconds.compareTo(BigDecimal.valueOf(60)) >= 0) return null;
                BigInteger micros = seconds.movePointRight(6).toBigInteger();   // nanoseconds past micros are dropped
                total = Math.addExact(total, micros.longValueExact());
            } else {
                if (!p.matches("^\\d+$") || (f != start && p.length() > 2)) return null;
                long n = Long.parseLong(p);
                if (f != start && ((f == DayTimeIntervalType.HOUR && n > 23) || (f == DayTimeIntervalType.MINUTE && n > 59))) return null;
                total = Math.addExact(total, Math.multiplyExact(n, MICROS[f]));
            }
        }
        return total;
    }

    /** Microseconds in one day-time unit ({@code day}, {@code hour}, {@code minute}, {@code second}). */
    public static long microsPer(int dayTimeField) { return MICROS[dayTimeField]; }

    /** The unit name as the multi-unit literal writes it, singular and lower case ({@code DAYS} → {@code day}). */
    public static String unit(String word) {
        String u = word.toLowerCase(Locale.ROOT);
        return u.endsWith("s") ? u.substring(0, u.length() - 1) : u;
    }
}
