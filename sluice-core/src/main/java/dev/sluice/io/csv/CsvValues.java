package dev.sluice.io.csv;

import dev.sluice.expr.Casts;
import dev.sluice.expr.EvalMode;
import dev.sluice.expr.ValueRenderer;
import dev.sluice.types.BinaryType;
import dev.sluice.types.BooleanType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DateType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.NullType;
import dev.sluice.types.StringType;
import dev.sluice.types.TimestampType;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.Timestamps;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * CSV field text ↔ values, as Spark's CSV reader (UnivocityParser) and writer (UnivocityGenerator) do it:
 * <ul>
 *   <li>int / bigint: Java's integer parsing, so no surrounding spaces ({@code " 2"} is malformed) and no fraction;</li>
 *   <li>float / double: {@code nanValue}, {@code positiveInf}, {@code negativeInf}, then Java's parsing (which trims);</li>
 *   <li>boolean: {@code true} / {@code false} in any case, nothing else;</li>
 *   <li>decimal: commas are dropped ({@code 1,000.5}), then rounded half-up to the type's scale; too many digits is malformed;</li>
 *   <li>date / timestamp: the {@code dateFormat} / {@code timestampFormat} pattern when given (strict, no fallback),
 *       otherwise Spark's cast from string ({@link Casts}), which accepts the ISO forms;</li>
 *   <li>written timestamps default to {@code yyyy-MM-dd'T'HH:mm:ss.SSSXXX}, dates to {@code yyyy-MM-dd}, other values to
 *       Spark's cast text ({@link ValueRenderer}), binary to its hex form as Spark's writer does.</li>
 * </ul>
 */
final class CsvValues {
    /** What {@link #parse} returns for text that is not a value of the type. */
    static final Object INVALID = new Object();

    private static final DateTimeFormatter DEFAULT_TIMESTAMP_OUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX", Locale.US);

    private final String nanValue;
    private final String positiveInf;
    private final String negativeInf;
    private final ZoneId zone;
    private final DateTimeFormatter dateFormat;        // null: Spark's default parsing / rendering
    private final DateTimeFormatter timestampFormat;

    CsvValues(CsvOptions options) {
        this.nanValue = options.nanValue();
        this.positiveInf = options.positiveInf();
        this.negativeInf = options.negativeInf();
        this.zone = options.zone();
        this.dateFormat = pattern("dateFormat", options.get("dateFormat", null));
        this.timestampFormat = pattern("timestampFormat", options.get("timestampFormat", null));
    }

    private DateTimeFormatter pattern(String option, String pattern) {
        if (pattern == null) return null;
        try {
            return DateTimeFormatter.ofPattern(pattern, Locale.US).withZone(zone);
        } catch (IllegalArgumentException e) {
            throw CsvOptions.invalid(option, pattern, e.getMessage());
        }
    }

    boolean hasDateFormat() { return dateFormat != null; }

    boolean hasTimestampFormat() { return timestampFormat != null; }

    /** The value of {@code text} (never null) as a Java value of {@code type} ({@link dev.sluice.types.Row}'s mapping), or {@link #INVALID}. */
    Object parse(String text, DataType type) {
        if (type instanceof StringType) return text;
        try {
            if (type instanceof IntegerType) return Integer.parseInt(text);
            if (type instanceof LongType) return Long.parseLong(text);
            if (type instanceof dev.sluice.types.ByteType) return Byte.parseByte(text);
            if (type instanceof dev.sluice.types.ShortType) return Short.parseShort(text);
            if (type instanceof DoubleType) {
                if (text.equals(nanValue)) return Double.NaN;
                if (text.equals(positiveInf)) return Double.POSITIVE_INFINITY;
                if (text.equals(negativeInf)) return Double.NEGATIVE_INFINITY;
                return Double.parseDouble(text);
            }
            if (type instanceof FloatType) {
                if (text.equals(nanValue)) return Float.NaN;
                if (text.equals(positiveInf)) return Float.POSITIVE_INFINITY;
                if (text.equals(negativeInf)) return Float.NEGATIVE_INFINITY;
                return Float.parseFloat(text);
            }
        } catch (NumberFormatException e) {
            return INVALID;
        }
        if (type instanceof BooleanType) {
            if (text.equalsIgnoreCase("true")) return Boolean.TRUE;
            if (text.equalsIgnoreCase("false")) return Boolean.FALSE;
            return INVALID;
        }
        if (type instanceof DecimalType d) {
            if (d.fitsInLong()) {   // plain text without a BigDecimal parse; anything else below
                long u = dev.sluice.vector.LongDecimals.parse(text.toCharArray(), 0, text.length(), d.scale(), d.precision());
                if (u != dev.sluice.vector.LongDecimals.NOT_PARSED) return BigDecimal.valueOf(u, d.scale());
            }
            BigDecimal v = parseDecimal(text);
            if (v == null) return INVALID;
            v = v.setScale(d.scale(), RoundingMode.HALF_UP);
            return v.precision() > d.precision() ? INVALID : v;
        }
        if (type instanceof DateType) {
            long days = parseDate(text);
            return days == Long.MIN_VALUE ? INVALID : LocalDate.ofEpochDay(days);
        }
        if (type instanceof TimestampType) {
            long micros = parseTimestamp(text);
            return micros == Long.MIN_VALUE ? INVALID : Timestamps.toInstant(micros);
        }
        if (type instanceof dev.sluice.types.TimestampNTZType) {
            Long micros = dev.sluice.expr.WallClocks.parse(text);
            return micros == null ? INVALID : Timestamps.toLocalDateTime(micros);
        }
        if (type instanceof dev.sluice.types.YearMonthIntervalType) {
            Long months = dev.sluice.vector.IntervalParsing.parseCastText(text, type);
            return months == null ? INVALID : dev.sluice.vector.Intervals.toPeriod(months.intValue());
        }
        if (type instanceof dev.sluice.types.DayTimeIntervalType) {
            Long micros = dev.sluice.vector.IntervalParsing.parseCastText(text, type);
            return micros == null ? INVALID : dev.sluice.vector.Intervals.toDuration(micros);
        }
        if (type instanceof BinaryType) return text.getBytes(StandardCharsets.UTF_8);
        if (type instanceof NullType) return null;
        return INVALID;
    }

    /** A decimal as Spark's US-locale parser reads it: grouping commas dropped. Null when malformed. */
    static BigDecimal parseDecimal(String text) {
        try {
            return new BigDecimal(text.indexOf(',') >= 0 ? text.replace(",", "") : text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Days since the epoch, or {@link Long#MIN_VALUE}. */
    long parseDate(String text) {
        if (dateFormat != null) {
            try {
                return LocalDate.from(dateFormat.parse(text)).toEpochDay();
            } catch (DateTimeException e) {
                return Long.MIN_VALUE;
            }
        }
        ColumnVector out = castFromString(text, DataTypes.DATE);
        return out.isNull(0) ? Long.MIN_VALUE : out.getInt(0);
    }

    /** Microseconds since the epoch, or {@link Long#MIN_VALUE}. */
    long parseTimestamp(String text) {
        if (timestampFormat != null) {
            try {
                TemporalAccessor parsed = timestampFormat.parseBest(text, ZonedDateTime::from, LocalDateTime::from, LocalDate::from);
                Instant instant;
                if (parsed instanceof ZonedDateTime z) instant = z.toInstant();
                else if (parsed instanceof LocalDateTime l) instant = l.atZone(zone).toInstant();
                else instant = ((LocalDate) parsed).atStartOfDay(zone).toInstant();
                return Timestamps.toMicros(instant);
            } catch (DateTimeException | ArithmeticException e) {
                return Long.MIN_VALUE;
            }
        }
        // Spark's fallback first drops a "GMT" (cleanLegacyTimestampStr), then casts
        ColumnVector out = castFromString(text.contains("GMT") ? text.replace("GMT", "") : text, DataTypes.TIMESTAMP);
        return out.isNull(0) ? Long.MIN_VALUE : out.getLong(0);
    }

    private ColumnVector castFromString(String text, DataType to) {
        BytesVector in = new BytesVector(DataTypes.STRING, 1);
        in.append(text);
        return Casts.cast(in, to, EvalMode.TRY, zone);
    }

    /** The text Spark's CSV writer gives a non-null value of {@code type}. */
    String render(Object value, DataType type) {
        if (type instanceof StringType) return (String) value;
        if (type instanceof DateType) {
            LocalDate date = (LocalDate) value;
            return dateFormat != null ? dateFormat.format(date) : ValueRenderer.formatDate(Math.toIntExact(date.toEpochDay()));
        }
        if (type instanceof TimestampType) {
            ZonedDateTime t = ((Instant) value).atZone(zone);
            return (timestampFormat != null ? timestampFormat : DEFAULT_TIMESTAMP_OUT).format(t);
        }
        if (type instanceof BinaryType) return ValueRenderer.hex((byte[]) value);
        if (type instanceof dev.sluice.types.TimestampNTZType) {
            return dev.sluice.expr.WallClocks.formatIso(Timestamps.toMicros((LocalDateTime) value));
        }
        return ValueRenderer.render(value, type, ValueRenderer.Style.cast(EvalMode.ANSI, zone));
    }

    /** Whether the CSV format can hold values of {@code type} (no arrays, maps or structs, as in Spark). */
    static boolean supports(DataType type) {
        return type instanceof StringType || type instanceof IntegerType || type instanceof LongType
                || type instanceof DoubleType || type instanceof FloatType || type instanceof BooleanType
                || type instanceof DecimalType || type instanceof DateType || type instanceof TimestampType
                || type instanceof BinaryType || type instanceof NullType || type instanceof dev.sluice.types.ByteType
                || type instanceof dev.sluice.types.ShortType || type instanceof dev.sluice.types.TimestampNTZType || type.isInterval();
    }
}
