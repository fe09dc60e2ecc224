package dev.sluice.expr;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * Spark's parsers for casting strings (UTF-8 bytes) to booleans, integers, floating point, decimals, dates and
 * timestamps. They accept exactly what Spark 4.1 accepts: surrounding whitespace and ASCII control characters
 * are ignored; integers take an optional sign and decimal digits only (legacy mode also accepts and truncates a
 * fraction); dates are {@code [+-]yyyy[-m[m][-d[d]]]} optionally followed by {@code ' '} or {@code 'T'} and
 * anything; timestamps add {@code [h]h:[m]m[:[s]s[.fraction]]} and a zone. Each returns a failure value
 * instead of throwing so the caller decides, by {@link EvalMode}, between an error and NULL.
 */
final class StringParsing {
    private StringParsing() {}

    /** Spark's UTF8String trimming set: ASCII whitespace and ISO control characters (bytes 0..32 and 127). */
    static boolean isSpaceOrControl(byte b) { return b >= 0 && (b <= 32 || b == 127); }

    /**
     * Parses an integer of at most {@code 64} bits into {@code out[0]}; false when malformed or out of range.
     * With {@code allowFraction} (legacy casts) a {@code .digits} tail is accepted and dropped.
     */
    static boolean parseLong(byte[] b, int off, int len, boolean allowFraction, long[] out) {
        int i = off, end = off + len - 1;
        while (i <= end && isSpaceOrControl(b[i])) i++;
        if (i > end) return false;
        while (end > i && isSpaceOrControl(b[end])) end--;
        boolean negative = b[i] == '-';
        if (negative || b[i] == '+') {
            if (i == end) return false;
            i++;
        }
        final long stop = Long.MIN_VALUE / 10;
        long result = 0;   // accumulated negatively so Long.MIN_VALUE fits
        while (i <= end) {
            byte c = b[i++];
            if (c == '.' && allowFraction) break;
            if (c < '0' || c > '9') return false;
            if (result < stop) return false;
            result = result * 10 - (c - '0');
            if (result > 0) return false;
        }
        while (i <= end) {   // the dropped fraction must still be digits
            byte c = b[i++];
            if (c < '0' || c > '9') return false;
        }
        if (!negative) {
            result = -result;
            if (result < 0) return false;
        }
        out[0] = result;
        return true;
    }

    /** 1 for true, 0 for false, -1 when malformed: {@code t true y yes 1} / {@code f false n no 0}, any case. */
    static int parseBoolean(byte[] b, int off, int len) {
        int i = off, end = off + len;
        while (i < end && Character.isWhitespace(b[i])) i++;
        while (end > i && Character.isWhitespace(b[end - 1])) end--;
        String s = new String(b, i, end - i, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        switch (s) {
            case "t": case "true": case "y": case "yes": case "1": return 1;
            case "f": case "false": case "n": case "no": case "0": return 0;
            default: return -1;
        }
    }

    /**
     * A double as Spark parses it: Java's grammar (which trims, and takes a trailing {@code d}/{@code f}), then
     * the case-insensitive specials {@code inf +inf infinity +infinity -inf -infinity nan}. Null when malformed.
     */
    static Double parseDouble(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "inf": case "+inf": case "infinity": case "+infinity": return Double.POSITIVE_INFINITY;
                case "-inf": case "-infinity": return Double.NEGATIVE_INFINITY;
                case "nan": return Double.NaN;
                default: return null;
            }
        }
    }

    /** As {@link #parseDouble} for floats (parsed directly as float, as Spark does). */
    static Float parseFloat(String s) {
        try {
            return Float.parseFloat(s);
        } catch (NumberFormatException e) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "inf": case "+inf": case "infinity": case "+infinity": return Float.POSITIVE_INFINITY;
                case "-inf": case "-infinity": return Float.NEGATIVE_INFINITY;
                case "nan": return Float.NaN;
                default: return null;
            }
        }
    }

    /** A decimal: Java's BigDecimal grammar after trimming ({@code 1e2}, {@code .5}, {@code +1.5}); null when malformed. */
    static BigDecimal parseDecimal(String s) {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Days since the epoch, or {@link Long#MIN_VALUE} when the string is not one of Spark's date forms. */
    static long parseDate(byte[] b, int off, int len) {
        int j = off, end = off + len;
        while (j < end && isSpaceOrControl(b[j])) j++;
        while (end > j && isSpaceOrControl(b[end - 1])) end--;
        if (j == end) return Long.MIN_VALUE;
        int[] segments = {1, 1, 1};
        int sign = 1;
        if (b[j] == '-' || b[j] == '+') {
            sign = b[j] == '-' ? -1 : 1;
            j++;
        }
        int i = 0, value = 0, digits = 0;
        while (j < end && i < 3 && !(b[j] == ' ' || b[j] == 'T')) {
            byte c = b[j];
            if (i < 2 && c == '-') {
                if (!validDateDigits(i, digits)) return Long.MIN_VALUE;
                segments[i++] = value;
                value = 0;
                digits = 0;
            } else {
                int d = c - '0';
                if (d < 0 || d > 9) return Long.MIN_VALUE;
                value = value * 10 + d;
                digits++;
            }
            j++;
        }
        if (!validDateDigits(i, digits)) return Long.MIN_VALUE;
        if (i < 2 && j < end) return Long.MIN_VALUE;   // yyyy and yyyy-mm must be the whole input
        segments[i] = value;
        try {
            return LocalDate.of(sign * segments[0], segments[1], segments[2]).toEpochDay();
        } catch (DateTimeException e) {
            return Long.MIN_VALUE;
        }
    }

    private static boolean validDateDigits(int segment, int digits) {
        return segment == 0 ? digits >= 4 && digits <= 7 : digits > 0 && digits <= 2;
    }

    /**
     * Microseconds since the epoch into {@code out[0]}; false when the string is not one of Spark's timestamp
     * forms. A time without a date takes today's date in the zone; a missing zone means {@code sessionZone}.
     */
    static boolean parseTimestamp(byte[] b, int off, int len, ZoneId sessionZone, long[] out) {
        return parseTimestamp(b, off, len, sessionZone, out, false);
    }

    /**
     * Spark's parseTimestampString: the segments (year, month, day, hour, minute, second, microseconds), the sign
     * of the year, whether the text is a time alone ({@code T12:00}, {@code 12:00}) and the zone text after it;
     * null when the text is not one of the forms.
     */
    static Segments segments(byte[] b, int off, int len) {
        int j = off, end = off + len;
        while (j < end && isSpaceOrControl(b[j])) j++;
        while (end > j && isSpaceOrControl(b[end - 1])) end--;
        if (j == end) return null;
        int[] seg = {1, 1, 1, 0, 0, 0, 0, 0, 0};
        int i = 0, value = 0, digits = 0, fractionDigits = 0;
        boolean justTime = false;
        int yearSign = 0;
        String zone = null;
        if (b[j] == '-' || b[j] == '+') {
            yearSign = b[j] == '-' ? -1 : 1;
            j++;
        }
        while (j < end) {
            byte c = b[j];
            int d = c - '0';
            if (d < 0 || d > 9) {
                if (j == off && c == 'T') {   // Spark checks the untrimmed first byte
                    justTime = true;
                    i += 3;
                } else if (i < 2) {
                    if (c == '-') {
                        if (!validTimestampDigits(i, digits)) return null;
                        seg[i++] = value;
                        value = 0;
                        digits = 0;
                    } else if (i == 0 && c == ':' && yearSign == 0) {
                        justTime = true;
                        if (!validTimestampDigits(3, digits)) return null;
                        seg[3] = value;
                        value = 0;
                        digits = 0;
                        i = 4;
                    } else {
                        return null;
                    }
                } else if (i == 2) {
                    if (c != ' ' && c != 'T') return null;
                    if (!validTimestampDigits(i, digits)) return null;
                    seg[i++] = value;
                    value = 0;
                    digits = 0;
                } else if (i == 3 || i == 4) {
                    if (c != ':') return null;
                    if (!validTimestampDigits(i, digits)) return null;
                    seg[i++] = value;
                    value = 0;
                    digits = 0;
                } else if (i == 5 || i == 6) {
                    if (!validTimestampDigits(i, digits)) return null;
                    seg[i++] = value;
                    value = 0;
                    digits = 0;
                    if (!(c == '.' && i == 6)) {
                        zone = new String(b, j, end - j, StandardCharsets.UTF_8);   // the rest is the zone
                        j = end - 1;
                        if (i == 6) i++;
                    }
                } else {
                    if (i < seg.length && (c == ':' || c == ' ')) {
                        if (!validTimestampDigits(i, digits)) return null;
                        seg[i++] = value;
                        value = 0;
                        digits = 0;
                    } else {
                        return null;
                    }
                }
            } else {
                if (i == 6) fractionDigits++;
                if (i != 6 || digits < 6) value = value * 10 + d;   // digits past microseconds are dropped
                digits++;
            }
            j++;
        }
        if (!validTimestampDigits(i, digits)) return null;
        seg[i] = value;
        for (int k = fractionDigits; k < 6; k++) seg[6] *= 10;
        return new Segments(seg, yearSign, justTime, zone);
    }

    record Segments(int[] seg, int yearSign, boolean justTime, String zone) {}

    /**
     * As {@link #parseTimestamp(byte[], int, int, ZoneId, long[])}; with {@code wallClock} the result is the
     * timestamp_ntz of the text's date and time (a zone in the text is ignored, a time without a date is refused),
     * as Spark's stringToTimestampWithoutTimeZone.
     */
    static boolean parseTimestamp(byte[] b, int off, int len, ZoneId sessionZone, long[] out, boolean wallClock) {
        Segments parsed = segments(b, off, len);
        if (parsed == null) return false;
        int[] seg = parsed.seg();
        int yearSign = parsed.yearSign();
        boolean justTime = parsed.justTime();
        String zone = parsed.zone();
        if (wallClock && justTime) return false;
        try {
            ZoneId zoneId = zone == null || wallClock ? sessionZone : zoneOf(zone.trim());
            if (wallClock && zone != null) zoneOf(zone.trim());   // still a valid zone, or the text is malformed
            LocalTime time = LocalTime.of(seg[3], seg[4], seg[5], seg[6] * 1000);
            LocalDate date = justTime ? LocalDate.now(zoneId)
                    : LocalDate.of(seg[0] * (yearSign == 0 ? 1 : yearSign), seg[1], seg[2]);
            if (wallClock) {
                out[0] = Math.addExact(Math.multiplyExact(LocalDateTime.of(date, time).toEpochSecond(java.time.ZoneOffset.UTC), 1_000_000L), seg[6]);
                return true;
            }
            ZonedDateTime z = ZonedDateTime.of(LocalDateTime.of(date, time), zoneId);
            out[0] = Math.addExact(Math.multiplyExact(z.toEpochSecond(), 1_000_000L), seg[6]);
            return true;
        } catch (DateTimeException | ArithmeticException e) {
            return false;
        }
    }

    /**
     * Spark 4.1's stringToTime: nanoseconds of the day, or -1 when the text is no time. A time alone in one of the
     * timestamp forms ({@code 12:34}, {@code 1:2:3}, {@code T12:34:56.123456}; digits past microseconds dropped; no
     * date, no zone), or a 12-hour time ending in {@code AM}/{@code PM} (any case, a space before it or not).
     */
    static long parseTime(byte[] b, int off, int len) {
        int end = off + len;
        while (end > off && isSpaceOrControl(b[end - 1])) end--;
        boolean am = false, pm = false;
        if (end - off > 2 && (b[end - 1] == 'M' || b[end - 1] == 'm')) {
            am = b[end - 2] == 'A' || b[end - 2] == 'a';
            pm = b[end - 2] == 'P' || b[end - 2] == 'p';
            if (am || pm) end -= 2;
        }
        Segments parsed = segments(b, off, end - off);
        if (parsed == null || !parsed.justTime() || parsed.zone() != null) return -1;
        int[] seg = parsed.seg();
        int hour = seg[3];
        if (am || pm) {
            if (hour < 1 || hour > 12) return -1;
            if (am && hour == 12) hour = 0;
            else if (pm && hour != 12) hour += 12;
        } else if (hour > 23) {
            return -1;
        }
        try {
            return LocalTime.of(hour, seg[4], seg[5], seg[6] * 1000).toNanoOfDay();
        } catch (DateTimeException e) {
            return -1;
        }
    }

    private static boolean validTimestampDigits(int segment, int digits) {
        return segment == 6 || (segment == 0 && digits >= 4 && digits <= 6) || (segment == 7 && digits <= 2)
                || (segment != 0 && segment != 6 && segment != 7 && digits > 0 && digits <= 2);
    }

    /** Spark's zone id parsing: {@code Z}, offsets (also the pre-3.0 {@code +h:mm}), short ids, regions. */
    static ZoneId zoneOf(String id) {
        if (id.equals("Z")) return java.time.ZoneOffset.UTC;   // the common case, without the two regular expressions
        String formatted = ONE_DIGIT_HOUR.matcher(id).replaceFirst("$10$2:");
        formatted = ONE_DIGIT_MINUTE.matcher(formatted).replaceFirst("$1$2:0$3");
        return ZoneId.of(formatted, ZoneId.SHORT_IDS);
    }

    // compiled once: String.replaceFirst compiled both for every zoned value parsed (CSV timestamps: a fifth of the
    // reader's time, CsvReadBenchmark)
    private static final java.util.regex.Pattern ONE_DIGIT_HOUR = java.util.regex.Pattern.compile("(\\+|\\-)(\\d):");
    private static final java.util.regex.Pattern ONE_DIGIT_MINUTE = java.util.regex.Pattern.compile("(\\+|\\-)(\\d\\d):(\\d)$");
}
