package dev.sluice.io.csv;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Parsers of CSV field bytes for the common forms only, without a String or a boxed value: each returns false for
 * any text it does not take, and the caller then converts that field through {@link CsvValues} as before, so a
 * value parsed here is always the value the String path gives (CsvByteValuesTest compares both on generated text).
 * The result is in {@link #longValue} or {@link #doubleValue}. Not thread-safe: one per reader.
 */
final class CsvByteValues {
    long longValue;
    double doubleValue;

    /** 10^i for i in [0, 22]: exact doubles. */
    private static final double[] POWERS = new double[23];
    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) POWERS[i] = POWERS[i - 1] * 10;
    }

    /** The fixed offset of timestamps without a zone, in seconds, or {@link Integer#MIN_VALUE} when the zone has rules. */
    private final int fixedOffsetSeconds;

    CsvByteValues(ZoneId zone) {
        ZoneOffset fixed = zone.getRules().isFixedOffset() ? zone.getRules().getOffset(java.time.Instant.EPOCH) : null;
        this.fixedOffsetSeconds = fixed == null ? Integer.MIN_VALUE : fixed.getTotalSeconds();
    }

    /** {@code [+-]digits} (ASCII, at most 18) within [min, max], as Integer/Long.parseLong read them. */
    boolean parseLong(byte[] b, int s, int e, long min, long max) {
        int i = s;
        boolean negative = false;
        if (i < e && (b[i] == '-' || b[i] == '+')) negative = b[i++] == '-';
        int n = e - i;
        if (n <= 0 || n > 18) return false;
        long v = 0;
        for (; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) return false;
            v = v * 10 + d;
        }
        if (negative) v = -v;
        if (v < min || v > max) return false;
        longValue = v;
        return true;
    }

    /**
     * {@code [+-]digits[.digits][(e|E)[+-]digits]} with at most 15 significant digits and a power of ten within
     * ±22: both the digits and the power are exact doubles, so one multiplication or division rounds correctly
     * (Clinger's fast path), as Double.parseDouble does.
     */
    boolean parseDouble(byte[] b, int s, int e) {
        int i = s;
        boolean negative = false;
        if (i < e && (b[i] == '-' || b[i] == '+')) negative = b[i++] == '-';
        long m = 0;
        int digits = 0, significant = 0, fraction = 0;
        boolean dot = false;
        for (; i < e; i++) {
            byte c = b[i];
            if (c == '.' && !dot) {
                dot = true;
                continue;
            }
            int d = c - '0';
            if (d < 0 || d > 9) break;
            digits++;
            if (dot) fraction++;
            if (m == 0 && d == 0) continue;
            if (++significant > 15) return false;
            m = m * 10 + d;
        }
        if (digits == 0) return false;
        int exponent = 0;
        if (i < e) {
            if (b[i] != 'e' && b[i] != 'E') return false;
            i++;
            boolean negativeExponent = false;
            if (i < e && (b[i] == '-' || b[i] == '+')) negativeExponent = b[i++] == '-';
            if (i == e || e - i > 4) return false;
            for (; i < e; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) return false;
                exponent = exponent * 10 + d;
            }
            if (negativeExponent) exponent = -exponent;
        }
        double v;
        if (m == 0) {
            v = 0;
        } else {
            int power = exponent - fraction;
            if (power < -22 || power > 22) return false;
            v = power >= 0 ? m * POWERS[power] : m / POWERS[-power];
        }
        doubleValue = negative ? -v : v;
        return true;
    }

    /** 1 for {@code true}, 0 for {@code false} (ASCII, any case), -1 for anything else. */
    static int parseBoolean(byte[] b, int s, int e) {
        if (e - s == 4 && lower(b[s]) == 't' && lower(b[s + 1]) == 'r' && lower(b[s + 2]) == 'u' && lower(b[s + 3]) == 'e') return 1;
        if (e - s == 5 && lower(b[s]) == 'f' && lower(b[s + 1]) == 'a' && lower(b[s + 2]) == 'l' && lower(b[s + 3]) == 's'
                && lower(b[s + 4]) == 'e') return 0;
        return -1;
    }

    private static int lower(byte c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

    /** {@code yyyy-MM-dd}, a real day: the days since the epoch. */
    boolean parseDate(byte[] b, int s, int e) {
        if (e - s != 10) return false;
        long days = days(b, s);
        if (days == Long.MIN_VALUE) return false;
        longValue = days;
        return true;
    }

    /**
     * {@code yyyy-MM-dd(T| )HH:mm:ss[.f{1,6}]} followed by {@code Z}, or by nothing when the reader's zone is a fixed
     * offset: the microseconds since the epoch.
     */
    boolean parseTimestamp(byte[] b, int s, int e) {
        if (e - s < 19 || (b[s + 10] != 'T' && b[s + 10] != ' ')) return false;
        long days = days(b, s);
        if (days == Long.MIN_VALUE || b[s + 13] != ':' || b[s + 16] != ':') return false;
        int hour = twoDigits(b, s + 11), minute = twoDigits(b, s + 14), second = twoDigits(b, s + 17);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return false;
        int i = s + 19;
        long micros = 0;
        if (i < e && b[i] == '.') {
            i++;
            int n = 0;
            for (; i < e && n < 7; i++, n++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) break;
                micros = micros * 10 + d;
            }
            if (n == 0 || n > 6) return false;
            for (; n < 6; n++) micros *= 10;
        }
        int offset;
        if (i == e) {
            if (fixedOffsetSeconds == Integer.MIN_VALUE) return false;
            offset = fixedOffsetSeconds;
        } else if (i == e - 1 && b[i] == 'Z') {
            offset = 0;
        } else {
            return false;
        }
        long seconds = days * 86_400L + hour * 3600L + minute * 60L + second - offset;
        longValue = seconds * 1_000_000L + micros;
        return true;
    }

    /** The days since the epoch of {@code yyyy-MM-dd} at {@code b[s]}, or Long.MIN_VALUE when it is not a real day. */
    private static long days(byte[] b, int s) {
        if (b[s + 4] != '-' || b[s + 7] != '-') return Long.MIN_VALUE;
        int hi = twoDigits(b, s), lo = twoDigits(b, s + 2), month = twoDigits(b, s + 5), day = twoDigits(b, s + 8);
        if (hi < 0 || lo < 0 || month < 1 || month > 12 || day < 1) return Long.MIN_VALUE;
        int year = hi * 100 + lo;
        if (day > lengthOfMonth(year, month)) return Long.MIN_VALUE;
        // days from the civil date (proleptic Gregorian), as LocalDate.toEpochDay
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yoe = y - era * 400;
        int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097L + doe - 719_468L;
    }

    private static int lengthOfMonth(int year, int month) {
        if (month == 2) return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** Two ASCII digits at {@code b[i]} as a number, or -1. */
    private static int twoDigits(byte[] b, int i) {
        int d1 = b[i] - '0', d2 = b[i + 1] - '0';
        if (d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return -1;
        return d1 * 10 + d2;
    }
}
