package dev.sluice.expr;

import dev.sluice.vector.DateTimeText;
import dev.sluice.types.ArrayType;
import dev.sluice.types.BinaryType;
import dev.sluice.types.DataType;
import dev.sluice.types.DateType;
import dev.sluice.types.MapType;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import dev.sluice.types.TimestampType;
import dev.sluice.vector.Timestamps;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Spark's text form of a value: what {@code CAST(x AS STRING)} produces and what {@code Dataset.show} prints
 * (Spark's ToStringBase / ToPrettyString). Both callers share this one renderer; they differ only in the
 * {@link Style}: cast writes {@code null} inside nested values and binary as its raw bytes, show writes
 * {@code NULL} and binary as hex bytes {@code [41 FF]}.
 * <p>
 * Forms: doubles and floats as Java's {@code toString} ({@code 1.0E10}, {@code 1.0E-5}, {@code NaN});
 * decimals plain at their scale ({@code 1.50}); dates {@code 2026-10-01}; timestamps
 * {@code 2026-10-01 00:00:00.123} in the session zone with the fraction's trailing zeros dropped; structs
 * {@code {1, x}}; arrays {@code [1, 2]}; maps {@code {a -> 1}}.
 */
public final class ValueRenderer {
    private ValueRenderer() {}

    /**
     * How values are written.
     *
     * @param nullText      text of a NULL (inside nested values; show also uses it for a NULL cell)
     * @param binaryAsHex   binary as {@code [41 FF]} (show) rather than its bytes read as UTF-8 (cast)
     * @param plainDecimals decimals without exponent (ANSI casts and show); legacy casts use
     *                      {@link BigDecimal#toString()}, which may write {@code 1E-8}
     * @param zone          the session time zone timestamps are shown in
     */
    public record Style(String nullText, boolean binaryAsHex, boolean plainDecimals, ZoneId zone) {
        public Style {
            requireNonNull(nullText, "nullText");
            requireNonNull(zone, "zone");
        }

        /** {@code CAST(x AS STRING)} under {@code mode}, timestamps in {@code zone}. */
        public static Style cast(EvalMode mode, ZoneId zone) {
            return new Style("null", false, mode != EvalMode.LEGACY, zone);
        }

        /** {@code Dataset.show}, timestamps in {@code zone}. */
        public static Style show(ZoneId zone) { return new Style("NULL", true, true, zone); }
    }

    /** The text of a Java value of {@code type} (see {@link Row} for the mapping); null gives the style's null text. */
    public static String render(Object value, DataType type, Style style) {
        StringBuilder sb = new StringBuilder();
        append(sb, value, type, style);
        return sb.toString();
    }

    /** Appends the text of {@code value} (a Java value of {@code type}) to {@code sb}. */
    public static void append(StringBuilder sb, Object value, DataType type, Style style) {
        if (value == null) {
            sb.append(style.nullText());
        } else if (type instanceof StructType struct) {
            Row row = (Row) value;
            sb.append('{');
            for (int i = 0; i < struct.size(); i++) {
                if (i > 0) sb.append(", ");
                append(sb, row.get(i), struct.field(i).dataType(), style);
            }
            sb.append('}');
        } else if (type instanceof ArrayType array) {
            sb.append('[');
            boolean first = true;
            for (Object element : (List<?>) value) {
                if (!first) sb.append(", ");
                first = false;
                append(sb, element, array.elementType(), style);
            }
            sb.append(']');
        } else if (type instanceof MapType map) {
            sb.append('{');
            Iterator<? extends Map.Entry<?, ?>> it = ((Map<?, ?>) value).entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                append(sb, e.getKey(), map.keyType(), style);
                sb.append(" -> ");
                append(sb, e.getValue(), map.valueType(), style);
                if (it.hasNext()) sb.append(", ");
            }
            sb.append('}');
        } else if (type instanceof dev.sluice.types.VariantType) {
            sb.append(value);   // its canonical JSON text
        } else if (type instanceof BinaryType) {
            byte[] bytes = (byte[]) value;
            if (style.binaryAsHex()) sb.append(hex(bytes));
            else sb.append(new String(bytes, StandardCharsets.UTF_8));
        } else if (type instanceof DateType) {
            LocalDate date = (LocalDate) value;
            sb.append(formatDate(Math.toIntExact(date.toEpochDay())));
        } else if (type instanceof TimestampType) {
            sb.append(formatTimestamp(Timestamps.toMicros((Instant) value), style.zone()));
        } else if (type instanceof dev.sluice.types.TimestampNTZType) {
            sb.append(formatTimestamp(Timestamps.toMicros((LocalDateTime) value), ZoneOffset.UTC));
        } else if (type instanceof dev.sluice.types.TimeType) {
            dev.sluice.vector.TimeText.append(sb, ((java.time.LocalTime) value).toNanoOfDay());
        } else if (type instanceof dev.sluice.types.YearMonthIntervalType ym) {
            sb.append(dev.sluice.vector.IntervalText.yearMonth(dev.sluice.vector.Intervals.toMonths((java.time.Period) value), ym));
        } else if (type instanceof dev.sluice.types.DayTimeIntervalType dt) {
            sb.append(dev.sluice.vector.IntervalText.dayTime(dev.sluice.vector.Intervals.toMicros((java.time.Duration) value), dt));
        } else if (value instanceof BigDecimal d) {
            sb.append(formatDecimal(d, style.plainDecimals()));
        } else {
            // booleans, integers and strings print as themselves; Float and Double toString are Spark's forms
            sb.append(value);
        }
    }

    /** A decimal at its scale: plain ({@code 0.00000001}) or Java's toString ({@code 1E-8}). */
    public static String formatDecimal(BigDecimal d, boolean plain) {
        return plain ? d.toPlainString() : d.toString();
    }

    /** Binary as Spark's show prints it: upper-case hex bytes, space-separated, in brackets. */
    public static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 3 + 2).append('[');
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) sb.append(' ');
            sb.append(HEX[(bytes[i] >> 4) & 0xF]).append(HEX[bytes[i] & 0xF]);
        }
        return sb.append(']').toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** A date (days since 1970-01-01) as {@code yyyy-MM-dd}. */
    public static String formatDate(int days) {
        return DateTimeText.date(days);
    }

    /**
     * A timestamp (microseconds since the epoch) as {@code yyyy-MM-dd HH:mm:ss[.ffffff]} in {@code zone}, with
     * the fraction's trailing zeros dropped ({@code .120} → {@code .12}) and no zone suffix.
     */
    public static String formatTimestamp(long micros, ZoneId zone) {
        long seconds = Math.floorDiv(micros, 1_000_000L);
        int micro = (int) Math.floorMod(micros, 1_000_000L);
        LocalDateTime t = zone.equals(ZoneOffset.UTC)
                ? LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC)
                : LocalDateTime.ofInstant(Instant.ofEpochSecond(seconds), zone);
        StringBuilder sb = new StringBuilder(26);
        DateTimeText.appendDateTime(sb, t, ' ');
        if (micro != 0) {
            String digits = Integer.toString(1_000_000 + micro).substring(1);   // six digits, zero-padded
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') end--;
            sb.append('.').append(digits, 0, end);
        }
        return sb.toString();
    }

    // Spark's formatters print years past 9999 with a '+' and years before 1 with a '-' (ISO proleptic years)

}
