package dev.sluice.json;

import dev.sluice.vector.DateTimeText;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.vector.Timestamps;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Dates and timestamps in JSON text, as Spark 4.1 reads and writes them. Without {@code dateFormat} /
 * {@code timestampFormat} options, reading accepts Spark's cast forms ({@code 2026-10-01},
 * {@code 2026-10-01 00:00:00}, {@code 2026-10-01T00:00:00.123Z}, {@code ...+02:00}, zone ids; a date also
 * accepts a timestamp string and keeps its date) and writing uses {@code yyyy-MM-dd} and
 * {@code yyyy-MM-dd'T'HH:mm:ss.SSSXXX}, in the {@code timeZone} option's zone (default the session zone).
 * Known gap: Spark's time-only timestamp strings ({@code T10:00:00}, taking today's date) are rejected.
 */
public final class JsonDateTimes {
    /** Returned by the parse methods for text that is not a valid date or timestamp. */
    public static final long INVALID = Long.MIN_VALUE;

    private static final long MICROS_PER_SECOND = 1_000_000L;

    private final DateTimeFormatter dateFormat;
    private final DateTimeFormatter timestampFormat;
    private final ZoneId zone;

    private JsonDateTimes(DateTimeFormatter dateFormat, DateTimeFormatter timestampFormat, ZoneId zone) {
        this.dateFormat = dateFormat;
        this.timestampFormat = timestampFormat;
        this.zone = zone;
    }

    public static JsonDateTimes of(JsonOptions options) {
        String date = options.get("dateFormat", null);
        String ts = options.get("timestampFormat", null);
        String tz = options.get("timeZone", null);
        ZoneId zone = dev.sluice.types.SessionZone.current();
        if (date == null && ts == null && tz == null) return new JsonDateTimes(null, null, zone);
        if (tz != null) {
            try {
                zone = ZoneId.of(tz);
            } catch (DateTimeException e) {
                throw invalidOption("timeZone", tz, "not a time zone id");
            }
        }
        return new JsonDateTimes(pattern("dateFormat", date, zone), pattern("timestampFormat", ts, zone), zone);
    }

    private static DateTimeFormatter pattern(String option, String pattern, ZoneId zone) {
        if (pattern == null) return null;
        try {
            return DateTimeFormatter.ofPattern(pattern, Locale.US).withZone(zone);
        } catch (IllegalArgumentException e) {
            throw invalidOption(option, pattern, e.getMessage());
        }
    }

    private static SluiceException invalidOption(String option, String value, String reason) {
        return SluiceException.of(ErrorCode.INVALID_OPTION).with("option", option).with("value", "'" + value + "'")
                .with("reason", reason).build();
    }

    // ---------------------------------------------------------------- reading

    /** Days since the epoch, or {@link #INVALID}. */
    public long parseDate(String text) {
        if (dateFormat != null) {
            try {
                return LocalDate.from(dateFormat.parse(text.trim())).toEpochDay();
            } catch (DateTimeException e) {
                return INVALID;
            }
        }
        long days = sparkStringToDate(text);
        if (days != INVALID) return days;
        try {   // Spark 1.5 wrote dates as a day count in a string; Spark still reads that form
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return INVALID;
        }
    }

    /** Microseconds since the epoch, or {@link #INVALID}. */
    public long parseTimestamp(String text) {
        if (timestampFormat != null) {
            try {
                TemporalAccessor parsed = timestampFormat.parseBest(text.trim(), ZonedDateTime::from, LocalDateTime::from,
                        LocalDate::from);
                Instant instant;
                if (parsed instanceof ZonedDateTime z) instant = z.toInstant();
                else if (parsed instanceof LocalDateTime l) instant = l.atZone(zone).toInstant();
                else instant = ((LocalDate) parsed).atStartOfDay(zone).toInstant();
                return Timestamps.toMicros(instant);
            } catch (DateTimeException | ArithmeticException e) {
                return INVALID;
            }
        }
        return sparkStringToTimestamp(text, zone);
    }

    /** Spark's {@code stringToDate}: {@code [+-]yyyy[-[m]m[-[d]d]]}, then optionally ' ' or 'T' and anything. */
    static long sparkStringToDate(String raw) {
        String s = trimAll(raw);
        int n = s.length();
        int pos = 0;
        int sign = 1;
        if (pos < n && (s.charAt(pos) == '-' || s.charAt(pos) == '+')) {
            sign = s.charAt(pos) == '-' ? -1 : 1;
            pos++;
        }
        int[] seg = {0, 1, 1};
        int i = 0;
        int digits = 0;
        int value = 0;
        while (pos < n) {
            char c = s.charAt(pos);
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                if (++digits > 7) return INVALID;
                pos++;
            } else if (c == '-' && i < 2) {
                if (!validDigits(i, digits)) return INVALID;
                seg[i++] = value;
                value = 0;
                digits = 0;
                pos++;
            } else if (c == ' ' || c == 'T') {
                break;
            } else {
                return INVALID;
            }
        }
        if (!validDigits(i, digits)) return INVALID;
        seg[i] = value;
        try {
            return LocalDate.of(sign * seg[0], seg[1], seg[2]).toEpochDay();
        } catch (DateTimeException e) {
            return INVALID;
        }
    }

    /**
     * Spark's {@code stringToTimestamp}: a date as above, then ' ' or 'T' and {@code [h]h[:[m]m[:[s]s[.fraction]]]},
     * then an optional zone ({@code Z}, {@code +hh:mm}, {@code +hhmm}, {@code +h}, or a zone id such as {@code UTC}
     * or {@code Europe/Paris}, optionally after one space). Fraction digits beyond microseconds are truncated.
     */
    static long sparkStringToTimestamp(String raw, ZoneId defaultZone) {
        String s = trimAll(raw);
        int n = s.length();
        int pos = 0;
        int sign = 1;
        if (pos < n && (s.charAt(pos) == '-' || s.charAt(pos) == '+')) {
            sign = s.charAt(pos) == '-' ? -1 : 1;
            pos++;
        }
        // date: year, month, day
        int[] date = {0, 1, 1};
        int i = 0;
        int digits = 0;
        int value = 0;
        boolean timeFollows = false;
        while (pos < n) {
            char c = s.charAt(pos);
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                if (++digits > 7) return INVALID;
                pos++;
            } else if (c == '-' && i < 2) {
                if (!validDigits(i, digits)) return INVALID;
                date[i++] = value;
                value = 0;
                digits = 0;
                pos++;
            } else if ((c == ' ' || c == 'T') && i == 2) {
                timeFollows = true;
                pos++;
                break;
            } else {
                return INVALID;
            }
        }
        if (!validDigits(i, digits)) return INVALID;
        date[i] = value;
        // time: hour, minute, second, then fraction
        int[] time = {0, 0, 0};
        int micros = 0;
        ZoneId zone = defaultZone;
        if (timeFollows && pos < n) {
            int t = 0;
            digits = 0;
            value = 0;
            while (pos < n) {
                char c = s.charAt(pos);
                if (c >= '0' && c <= '9') {
                    value = value * 10 + (c - '0');
                    if (++digits > 2) return INVALID;
                    pos++;
                } else if (c == ':' && t < 2 && digits > 0) {
                    time[t++] = value;
                    value = 0;
                    digits = 0;
                    pos++;
                } else {
                    break;
                }
            }
            if (digits == 0) return INVALID;
            time[t] = value;
            if (pos < n && s.charAt(pos) == '.' && t == 2) {
                pos++;
                int fractionDigits = 0;
                while (pos < n && Character.isDigit(s.charAt(pos))) {
                    if (fractionDigits < 6) micros = micros * 10 + (s.charAt(pos) - '0');
                    fractionDigits++;
                    pos++;
                }
                for (int k = fractionDigits; k < 6; k++) micros *= 10;
            }
            if (pos < n) {
                if (s.charAt(pos) == ' ') pos++;
                zone = parseZone(s.substring(pos));
                if (zone == null) return INVALID;
            }
        }
        if (time[0] > 23 || time[1] > 59 || time[2] > 59) return INVALID;
        try {
            LocalDate day = LocalDate.of(sign * date[0], date[1], date[2]);
            long seconds;
            if (zone instanceof ZoneOffset offset) {
                seconds = day.toEpochDay() * 86_400L + time[0] * 3600L + time[1] * 60L + time[2] - offset.getTotalSeconds();
            } else {
                seconds = LocalDateTime.of(day, LocalTime.of(time[0], time[1], time[2])).atZone(zone).toEpochSecond();
            }
            return Math.addExact(Math.multiplyExact(seconds, MICROS_PER_SECOND), micros);
        } catch (DateTimeException | ArithmeticException e) {
            return INVALID;
        }
    }

    private static ZoneId parseZone(String z) {
        if (z.isEmpty()) return null;
        if (z.equals("Z")) return ZoneOffset.UTC;
        char c = z.charAt(0);
        if (c == '+' || c == '-') {
            String body = z.substring(1);
            int hours;
            int minutes = 0;
            try {
                if (body.contains(":")) {
                    String[] parts = body.split(":", -1);
                    if (parts.length != 2 || parts[0].isEmpty() || parts[0].length() > 2 || parts[1].length() != 2) return null;
                    hours = Integer.parseInt(parts[0]);
                    minutes = Integer.parseInt(parts[1]);
                } else if (body.length() <= 2 && !body.isEmpty()) {
                    hours = Integer.parseInt(body);
                } else if (body.length() == 4) {
                    hours = Integer.parseInt(body.substring(0, 2));
                    minutes = Integer.parseInt(body.substring(2));
                } else {
                    return null;
                }
                int s = c == '-' ? -1 : 1;
                return ZoneOffset.ofHoursMinutes(s * hours, s * minutes);
            } catch (NumberFormatException | DateTimeException e) {
                return null;
            }
        }
        try {
            return ZoneId.of(z, ZoneId.SHORT_IDS);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Spark's digit-count rules per segment: year 4..7 digits, the others 1..2. */
    private static boolean validDigits(int segment, int digits) {
        return segment == 0 ? digits >= 4 && digits <= 7 : digits >= 1 && digits <= 2;
    }

    /** UTF8String.trimAll: strips whitespace and ISO control characters at both ends. */
    private static String trimAll(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (Character.isWhitespace(s.charAt(start)) || Character.isISOControl(s.charAt(start)))) start++;
        while (end > start && (Character.isWhitespace(s.charAt(end - 1)) || Character.isISOControl(s.charAt(end - 1)))) end--;
        return s.substring(start, end);
    }

    // ---------------------------------------------------------------- writing

    public String formatDate(int days) {
        if (dateFormat != null) return dateFormat.format(LocalDate.ofEpochDay(days));
        return DateTimeText.date(days);
    }

    /** Spark's default {@code yyyy-MM-dd'T'HH:mm:ss.SSSXXX}: milliseconds always, micros truncated. */
    public String formatTimestamp(long micros) {
        Instant instant = Timestamps.toInstant(micros);
        if (timestampFormat != null) return timestampFormat.format(instant);
        if (!(zone instanceof ZoneOffset) || !zone.equals(ZoneOffset.UTC)) {
            return DEFAULT_TIMESTAMP.withZone(zone).format(instant);
        }
        long seconds = Math.floorDiv(micros, MICROS_PER_SECOND);
        int millis = (int) (Math.floorMod(micros, MICROS_PER_SECOND) / 1000);
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(24);
        DateTimeText.appendDateTime(sb, t, 'T');
        sb.append('.');
        if (millis < 100) sb.append('0');
        if (millis < 10) sb.append('0');
        sb.append(millis).append('Z');
        return sb.toString();
    }

    private static final DateTimeFormatter DEFAULT_TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX", Locale.US);


}
