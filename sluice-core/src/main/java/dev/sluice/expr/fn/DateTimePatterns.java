package dev.sluice.expr.fn;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;

/**
 * Spark's datetime patterns (DateTimeFormatterHelper) on java.time, Locale.US:
 * <ul>
 * <li>week-based letters (Y w W u e c) and A n N p are refused, as are 5-letter text forms (MMMMM, EEEEE, ...)
 *     and 7+ y's; for parsing also E F q Q. A refused or malformed pattern is INVALID_ARGUMENT.</li>
 * <li>y is read as u (proleptic year: negative years work) unless the pattern has an era G.</li>
 * <li>Parsing is case-insensitive and STRICT over the whole text; a run of n S's reads 1 to n fraction digits;
 *     missing fields default to 1970-01-01 00:00:00; a parsed zone or offset wins over the session zone.
 *     Text that does not parse is CANNOT_PARSE_DATETIME.</li>
 * </ul>
 * Functions work in the session time zone ({@link #sessionZone()}), the zone casts use too.
 */
final class DateTimePatterns {
    private DateTimePatterns() {}

    /** The running query's session time zone ({@code spark.sql.session.timeZone}). */
    static ZoneId sessionZone() { return dev.sluice.types.SessionZone.current(); }

    static final String DEFAULT_TIMESTAMP = "yyyy-MM-dd HH:mm:ss";

    private static final String WEEK_BASED = "YWwuec";
    private static final String UNSUPPORTED = "AnNp";
    private static final String UNSUPPORTED_FOR_PARSING = "EFqQ";
    private static final String[] TOO_LONG = {"GGGGG", "MMMMM", "LLLLL", "EEEEE", "QQQQQ", "qqqqq", "yyyyyyy"};

    /** A compiled pattern: one formatter for printing, one for parsing (built on first use). */
    static final class Pattern {
        final String text;
        private DateTimeFormatter printer;
        private DateTimeFormatter parser;

        private Pattern(String text) { this.text = text; }

        DateTimeFormatter printer(String fn) {
            if (printer == null) printer = build(fn, text, false);
            return printer;
        }

        DateTimeFormatter parser(String fn) {
            if (parser == null) parser = build(fn, text, true);
            return parser;
        }
    }

    static Pattern of(String text) { return new Pattern(text); }

    /** Remembers the last pattern so a constant pattern is compiled once per batch (or once per binding). */
    static final class Cache {
        private Pattern last;

        Pattern get(String text) {
            if (last == null || !last.text.equals(text)) last = new Pattern(text);
            return last;
        }
    }

    static DateTimeFormatter build(String fn, String pattern, boolean parsing) {
        boolean era = false;
        StringBuilder converted = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') quoted = !quoted;
            if (!quoted && c == 'G') era = true;
        }
        quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted) {
                if (WEEK_BASED.indexOf(c) >= 0) throw badPattern(fn, pattern, "week-based pattern letter " + c + " is not supported, use extract");
                if (UNSUPPORTED.indexOf(c) >= 0 || (parsing && UNSUPPORTED_FOR_PARSING.indexOf(c) >= 0)) {
                    throw badPattern(fn, pattern, "illegal pattern character " + c);
                }
                for (String s : TOO_LONG) if (pattern.startsWith(s, i)) throw badPattern(fn, pattern, "too many pattern letters: " + c);
                if (c == 'y' && !era) c = 'u';
            }
            converted.append(c);
        }
        try {
            DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseInsensitive();
            if (parsing) appendWithVariableFractions(b, converted.toString());
            else b.appendPattern(converted.toString());
            return b.toFormatter(Locale.US).withChronology(IsoChronology.INSTANCE).withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw badPattern(fn, pattern, e.getMessage());
        }
    }

    /** Appends the pattern with each unquoted run of n S's reading 1..n fraction digits, as Spark parses. */
    private static void appendWithVariableFractions(DateTimeFormatterBuilder b, String pattern) {
        StringBuilder pending = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); ) {
            char c = pattern.charAt(i);
            if (c == '\'') quoted = !quoted;
            if (!quoted && c == 'S') {
                int j = i;
                while (j < pattern.length() && pattern.charAt(j) == 'S') j++;
                if (pending.length() > 0) b.appendPattern(pending.toString());
                pending.setLength(0);
                if (j - i > 9) throw new IllegalArgumentException("Too many pattern letters: S");
                b.appendFraction(ChronoField.NANO_OF_SECOND, 1, j - i, false);
                i = j;
                continue;
            }
            pending.append(c);
            i++;
        }
        if (pending.length() > 0) b.appendPattern(pending.toString());
    }

    static SluiceException badPattern(String fn, String pattern, String reason) {
        return FnArgs.invalid(fn, "the datetime pattern '" + pattern + "' is not supported: " + reason);
    }

    /** Formats the instant {@code micros} in {@code zone}. */
    static String format(String fn, Pattern p, long micros, ZoneId zone) {
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
        try {
            return p.printer(fn).format(ZonedDateTime.ofInstant(instant, zone));
        } catch (DateTimeException e) {
            throw FnArgs.invalid(fn, "cannot format with '" + p.text + "': " + e.getMessage());
        }
    }

    /** Parses {@code text} to microseconds since the epoch (Spark's toZonedDateTime rules). */
    static long parseMicros(String fn, Pattern p, String text, ZoneId zone) {
        TemporalAccessor t = parse(fn, p, text, "timestamp");
        ZoneId parsedZone = t.query(TemporalQueries.zone());
        try {
            ZonedDateTime z = ZonedDateTime.of(localDate(t), localTime(t), parsedZone != null ? parsedZone : zone);
            return Math.addExact(Math.multiplyExact(z.toEpochSecond(), 1_000_000L), z.getNano() / 1000);
        } catch (DateTimeException | ArithmeticException e) {
            throw cannotParse(text, p.text, "timestamp");
        }
    }

    /** Parses {@code text} to days since the epoch (time fields, if any, must parse but are ignored). */
    static int parseDays(String fn, Pattern p, String text) {
        TemporalAccessor t = parse(fn, p, text, "date");
        try {
            return Math.toIntExact(localDate(t).toEpochDay());
        } catch (DateTimeException | ArithmeticException e) {
            throw cannotParse(text, p.text, "date");
        }
    }

    /**
     * Parses {@code text} to nanoseconds of the day (fraction digits past microseconds dropped, as Spark's
     * TIME(6)); -1 when it does not match the pattern. Date fields, if any, must parse but are ignored.
     */
    static long parseTimeOfDay(String fn, Pattern p, String text) {
        try {
            long nanos = localTime(p.parser(fn).parse(text)).toNanoOfDay();
            return nanos - nanos % 1000;
        } catch (DateTimeException e) {
            return -1;
        }
    }

    private static TemporalAccessor parse(String fn, Pattern p, String text, String type) {
        try {
            return p.parser(fn).parse(text);
        } catch (DateTimeException e) {
            throw cannotParse(text, p.text, type);
        }
    }

    private static LocalDate localDate(TemporalAccessor t) {
        int year = t.isSupported(ChronoField.YEAR) ? t.get(ChronoField.YEAR) : 1970;
        if (t.isSupported(ChronoField.DAY_OF_YEAR) && !t.isSupported(ChronoField.MONTH_OF_YEAR)) {
            return LocalDate.ofYearDay(year, t.get(ChronoField.DAY_OF_YEAR));
        }
        int month = t.isSupported(ChronoField.MONTH_OF_YEAR) ? t.get(ChronoField.MONTH_OF_YEAR) : 1;
        int day = t.isSupported(ChronoField.DAY_OF_MONTH) ? t.get(ChronoField.DAY_OF_MONTH) : 1;
        return LocalDate.of(year, month, day);
    }

    private static LocalTime localTime(TemporalAccessor t) {
        int hour = t.isSupported(ChronoField.HOUR_OF_DAY) ? t.get(ChronoField.HOUR_OF_DAY)
                : t.isSupported(ChronoField.HOUR_OF_AMPM) ? t.get(ChronoField.HOUR_OF_AMPM) : 0;   // no am/pm: am, as Spark
        int minute = t.isSupported(ChronoField.MINUTE_OF_HOUR) ? t.get(ChronoField.MINUTE_OF_HOUR) : 0;
        int second = t.isSupported(ChronoField.SECOND_OF_MINUTE) ? t.get(ChronoField.SECOND_OF_MINUTE) : 0;
        int nano = t.isSupported(ChronoField.NANO_OF_SECOND) ? t.get(ChronoField.NANO_OF_SECOND) : 0;
        return LocalTime.of(hour, minute, second, nano);
    }

    static SluiceException cannotParse(String text, String pattern, String type) {
        return SluiceException.of(ErrorCode.CANNOT_PARSE_DATETIME).with("value", "'" + text + "'")
                .with("type", type).with("pattern", "'" + pattern + "'").build();
    }
}
