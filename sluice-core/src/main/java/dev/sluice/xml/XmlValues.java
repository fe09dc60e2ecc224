package dev.sluice.xml;

import dev.sluice.json.JsonDateTimes;
import dev.sluice.types.BinaryType;
import dev.sluice.types.BooleanType;
import dev.sluice.types.ByteType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DateType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.NullType;
import dev.sluice.types.ShortType;
import dev.sluice.types.StringType;
import dev.sluice.types.TimestampNTZType;
import dev.sluice.types.TimestampType;
import dev.sluice.vector.DateTimeText;
import dev.sluice.vector.Timestamps;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.regex.Pattern;

/**
 * Text of XML values to typed values and back, and the type a text suggests, with Spark 4.1's XML rules: values
 * are trimmed by default, the {@code nullValue} text is NULL, empty text is NULL except for strings, booleans
 * read true/false/1/0, and inference tries bigint, double, date ({@code yyyy-MM-dd} or {@code dateFormat}),
 * timestamp and boolean before string.
 */
public final class XmlValues {
    /** Returned by {@link #cast} for text that is not a value of the type. */
    public static final Object INVALID = new Object();

    private static final Pattern ISO_DATE = Pattern.compile("[+-]?\\d{4,}-\\d{2}-\\d{2}");

    private final XmlOptions options;
    private final JsonDateTimes dateTimes;
    private final boolean trim;
    private final String nullValue;
    private final JsonDateTimes wallClocks = JsonDateTimes.of(dev.sluice.json.JsonOptions.of(java.util.Map.of("timeZone", "UTC")));

    public XmlValues(XmlOptions options) {
        this.options = options;
        this.dateTimes = options.dateTimes();
        this.trim = options.ignoreSurroundingSpaces();
        this.nullValue = options.nullValue();
    }

    /** Whether values of {@code type} can be read from and written as XML text. */
    public static boolean isLeaf(DataType type) {
        return type instanceof StringType || type instanceof LongType || type instanceof IntegerType || type instanceof ShortType
                || type instanceof ByteType || type instanceof DoubleType || type instanceof FloatType || type instanceof BooleanType
                || type instanceof DecimalType || type instanceof DateType || type instanceof TimestampType
                || type instanceof TimestampNTZType || type instanceof BinaryType || type instanceof NullType;
    }

    /** The value of {@code text} as {@code type} (a leaf type): null, a value, or {@link #INVALID}. */
    public Object cast(String text, DataType type) {
        if (text == null) return null;
        String s = trim ? text.strip() : text;
        if (nullValue != null && s.equals(nullValue)) return null;
        if (type instanceof StringType) return s;
        if (s.isEmpty() || type instanceof NullType) return null;
        try {
            if (type instanceof LongType) return Long.parseLong(unsigned(s));
            if (type instanceof IntegerType) return Integer.parseInt(unsigned(s));
            if (type instanceof ShortType) return Short.parseShort(unsigned(s));
            if (type instanceof ByteType) return Byte.parseByte(unsigned(s));
            if (type instanceof DoubleType) return Double.parseDouble(s);
            if (type instanceof FloatType) return Float.parseFloat(s);
            if (type instanceof BooleanType) {
                if (s.equalsIgnoreCase("true") || s.equals("1")) return Boolean.TRUE;
                if (s.equalsIgnoreCase("false") || s.equals("0")) return Boolean.FALSE;
                return INVALID;
            }
            if (type instanceof DecimalType d) {
                BigDecimal v = new BigDecimal(s).setScale(d.scale(), RoundingMode.HALF_UP);
                return v.precision() > d.precision() ? INVALID : v;
            }
            if (type instanceof DateType) {
                long days = dateTimes.parseDate(s);
                return days == JsonDateTimes.INVALID ? INVALID : LocalDate.ofEpochDay(days);
            }
            if (type instanceof TimestampType) {
                long micros = dateTimes.parseTimestamp(s);
                return micros == JsonDateTimes.INVALID ? INVALID : Timestamps.toInstant(micros);
            }
            if (type instanceof TimestampNTZType) {
                if (hasZone(s)) return INVALID;
                long micros = wallClocks.parseTimestamp(s);
                return micros == JsonDateTimes.INVALID ? INVALID : Timestamps.toLocalDateTime(micros);
            }
            if (type instanceof BinaryType) return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (NumberFormatException | ArithmeticException e) {
            return INVALID;
        }
        return INVALID;
    }

    private static boolean hasZone(String s) {
        int t = Math.max(s.indexOf('T'), s.indexOf(' '));
        if (t < 0) return false;
        String time = s.substring(t + 1);
        return time.endsWith("Z") || time.contains("+") || time.contains("-") || time.chars().anyMatch(Character::isLetter);
    }

    private static String unsigned(String s) { return s.startsWith("+") ? s.substring(1) : s; }

    /** The type Spark infers for one value's text: NullType for empty or nullValue text (it carries no type). */
    public DataType infer(String text) {
        String s = text == null ? null : trim ? text.strip() : text;
        if (s == null || s.isEmpty() || s.equals(nullValue)) return DataTypes.NULL;
        if (!options.inferSchema()) return DataTypes.STRING;
        String unsigned = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        if (!unsigned.isEmpty() && Character.isDigit(unsigned.charAt(0))) {
            try {
                Long.parseLong(unsigned);
                return DataTypes.LONG;
            } catch (NumberFormatException e) {
                // not a bigint
            }
        }
        if (!unsigned.isEmpty() && (Character.isDigit(unsigned.charAt(0)) || unsigned.charAt(0) == '.')
                && "dDfF".indexOf(unsigned.charAt(unsigned.length() - 1)) < 0) {
            try {
                Double.parseDouble(unsigned);
                return DataTypes.DOUBLE;
            } catch (NumberFormatException e) {
                // not a double
            }
        }
        if (options.preferDate() && isDate(s)) return DataTypes.DATE;
        if (dateTimes.parseTimestamp(s) != JsonDateTimes.INVALID) return DataTypes.TIMESTAMP;
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) return DataTypes.BOOLEAN;
        return DataTypes.STRING;
    }

    /** Spark infers a date only from text its date parser reads whole: strict {@code yyyy-MM-dd} by default. */
    private boolean isDate(String s) {
        if (options.get("dateFormat", null) == null) {
            if (!ISO_DATE.matcher(s).matches()) return false;
            try {
                LocalDate.parse(s);
                return true;
            } catch (java.time.DateTimeException e) {
                return false;
            }
        }
        return dateTimes.parseDate(s) != JsonDateTimes.INVALID;
    }

    /** The XML text of a non-null leaf value, as Spark's XML writer renders it. */
    public String format(Object value, DataType type) {
        if (type instanceof DateType) return dateTimes.formatDate(Math.toIntExact(((LocalDate) value).toEpochDay()));
        if (type instanceof TimestampType) return dateTimes.formatTimestamp(Timestamps.toMicros((Instant) value));
        if (type instanceof TimestampNTZType) return DateTimeText.wallClockIso(Timestamps.toMicros((LocalDateTime) value));
        if (type instanceof DecimalType) return ((BigDecimal) value).toString();
        if (type instanceof BinaryType) {
            throw new IllegalArgumentException("binary values have no XML text form");
        }
        return String.valueOf(value);
    }

}
