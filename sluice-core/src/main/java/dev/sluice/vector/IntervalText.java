package dev.sluice.vector;

import dev.sluice.types.DayTimeIntervalType;
import dev.sluice.types.YearMonthIntervalType;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The text of ANSI intervals as Spark writes them: the ANSI style ({@code INTERVAL '1-2' YEAR TO MONTH}) for casts
 * to string, show() and the JSON/CSV writers, and the Hive style ({@code 1-2}, {@code 1 10:00:00.000000000}) for
 * Spark's Hive text results.
 */
public final class IntervalText {
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
    private static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
    private static final long MICROS_PER_DAY = 24 * MICROS_PER_HOUR;

    private IntervalText() {}

    /** {@code INTERVAL '1-2' YEAR TO MONTH}, {@code INTERVAL '14' MONTH}, {@code INTERVAL '-1' YEAR}. */
    public static String yearMonth(int months, YearMonthIntervalType type) {
        String sign = months < 0 ? "-" : "";
        long abs = Math.abs((long) months);
        String year = sign + (abs / 12);
        StringBuilder sb = new StringBuilder("INTERVAL '");
        if (type.startField() == type.endField()) {
            sb.append(type.startField() == YearMonthIntervalType.YEAR ? year : Integer.toString(months)).append("' ");
            sb.append(upper(YearMonthIntervalType.fieldName(type.startField())));
        } else {
            sb.append(year).append('-').append(abs % 12).append("' ")
                    .append(upper(YearMonthIntervalType.fieldName(type.startField()))).append(" TO ")
                    .append(upper(YearMonthIntervalType.fieldName(type.endField())));
        }
        return sb.toString();
    }

    /** Hive's {@code -1-2}. */
    public static String yearMonthHive(int months) {
        String sign = months < 0 ? "-" : "";
        long abs = Math.abs((long) months);
        return sign + (abs / 12) + "-" + (abs % 12);
    }

    /** {@code INTERVAL '1 10:00:00' DAY TO SECOND}, {@code INTERVAL '05:30' HOUR TO MINUTE}, {@code INTERVAL '10' SECOND}. */
    public static String dayTime(long micros, DayTimeIntervalType type) {
        int start = type.startField(), end = type.endField();
        String from = upper(DayTimeIntervalType.fieldName(start)), to = upper(DayTimeIntervalType.fieldName(end));
        String postfix = "' " + (start == end ? from : from + " TO " + to);
        // BigInteger-free negation: Long.MIN_VALUE's magnitude is handled by working on the unsigned remainder
        String sign = micros < 0 ? "-" : "";
        java.math.BigInteger restBig = java.math.BigInteger.valueOf(micros).abs();
        StringBuilder sb = new StringBuilder("INTERVAL '").append(sign);
        java.math.BigInteger[] qr;
        switch (start) {
            case DayTimeIntervalType.DAY -> {
                qr = restBig.divideAndRemainder(java.math.BigInteger.valueOf(MICROS_PER_DAY));
                sb.append(qr[0]);
            }
            case DayTimeIntervalType.HOUR -> {
                qr = restBig.divideAndRemainder(java.math.BigInteger.valueOf(MICROS_PER_HOUR));
                pad2(sb, qr[0].longValueExact());
            }
            case DayTimeIntervalType.MINUTE -> {
                qr = restBig.divideAndRemainder(java.math.BigInteger.valueOf(MICROS_PER_MINUTE));
                pad2(sb, qr[0].longValueExact());
            }
            default -> {
                appendSeconds(sb, restBig);
                return sb.append(postfix).toString();
            }
        }
        long rest = qr[1].longValueExact();
        if (start < DayTimeIntervalType.HOUR && DayTimeIntervalType.HOUR <= end) {
            sb.append(' ');
            pad2(sb, rest / MICROS_PER_HOUR);
            rest %= MICROS_PER_HOUR;
        }
        if (start < DayTimeIntervalType.MINUTE && DayTimeIntervalType.MINUTE <= end) {
            sb.append(':');
            pad2(sb, rest / MICROS_PER_MINUTE);
            rest %= MICROS_PER_MINUTE;
        }
        if (start < DayTimeIntervalType.SECOND && DayTimeIntervalType.SECOND <= end) {
            sb.append(':');
            appendSeconds(sb, java.math.BigInteger.valueOf(rest));
        }
        return sb.append(postfix).toString();
    }

    /** Hive's {@code -1 02:03:04.000005000}. */
    public static String dayTimeHive(long micros) {
        String sign = micros < 0 ? "-" : "";
        java.math.BigInteger abs = java.math.BigInteger.valueOf(micros).abs();
        java.math.BigInteger[] dr = abs.divideAndRemainder(java.math.BigInteger.valueOf(MICROS_PER_DAY));
        long rest = dr[1].longValueExact();
        long hours = rest / MICROS_PER_HOUR;
        long minutes = rest % MICROS_PER_HOUR / MICROS_PER_MINUTE;
        long seconds = rest % MICROS_PER_MINUTE / MICROS_PER_SECOND;
        long nanos = rest % MICROS_PER_SECOND * 1000;
        return String.format(Locale.ROOT, "%s%s %02d:%02d:%02d.%09d", sign, dr[0], hours, minutes, seconds, nanos);
    }

    private static void appendSeconds(StringBuilder sb, java.math.BigInteger micros) {
        if (micros.compareTo(java.math.BigInteger.valueOf(10 * MICROS_PER_SECOND)) < 0) sb.append('0');
        sb.append(new BigDecimal(micros, 6).stripTrailingZeros().toPlainString());
    }

    private static void pad2(StringBuilder sb, long v) {
        if (v < 10) sb.append('0');
        sb.append(v);
    }

    private static String upper(String s) { return s.toUpperCase(Locale.ROOT); }
}
