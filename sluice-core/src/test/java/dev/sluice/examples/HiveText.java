package dev.sluice.examples;

import dev.sluice.expr.ValueRenderer;
import dev.sluice.types.ArrayType;
import dev.sluice.types.BinaryType;
import dev.sluice.types.DataType;
import dev.sluice.types.DateType;
import dev.sluice.types.MapType;
import dev.sluice.types.Row;
import dev.sluice.types.StringType;
import dev.sluice.types.StructType;
import dev.sluice.types.TimestampType;
import dev.sluice.vector.Timestamps;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A value as Spark's {@code HiveResult.toHiveString} writes it, the text of Spark's documented examples: top-level
 * NULL as {@code NULL} and strings bare; inside arrays, maps and structs strings quoted, NULL as {@code null},
 * no spaces ({@code [1,2]}, {@code {"a":1}}, map entries sorted by their text); decimals plain; binary as UTF-8.
 */
final class HiveText {
    private HiveText() {}

    static String row(Row row, StructType schema) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) cells.add(value(row.get(i), schema.field(i).dataType(), false));
        return String.join("\t", cells);
    }

    static String value(Object v, DataType t, boolean nested) {
        if (v == null) return nested ? "null" : "NULL";
        if (t instanceof StringType) return nested ? "\"" + v + "\"" : (String) v;
        if (t instanceof BinaryType) return new String((byte[]) v, StandardCharsets.UTF_8);
        if (t instanceof DateType) return ValueRenderer.formatDate(Math.toIntExact(((LocalDate) v).toEpochDay()));
        if (t instanceof TimestampType) return ValueRenderer.formatTimestamp(Timestamps.toMicros((Instant) v), ZoneOffset.UTC);
        if (t instanceof dev.sluice.types.TimestampNTZType) {
            return ValueRenderer.formatTimestamp(Timestamps.toMicros((java.time.LocalDateTime) v), ZoneOffset.UTC);
        }
        if (t instanceof dev.sluice.types.YearMonthIntervalType) {
            return dev.sluice.vector.IntervalText.yearMonthHive(dev.sluice.vector.Intervals.toMonths((java.time.Period) v));
        }
        if (t instanceof dev.sluice.types.DayTimeIntervalType) {
            return dev.sluice.vector.IntervalText.dayTimeHive(dev.sluice.vector.Intervals.toMicros((java.time.Duration) v));
        }
        if (v instanceof BigDecimal d) return d.toPlainString();
        if (t instanceof ArrayType a) {
            List<String> items = new ArrayList<>();
            for (Object e : (List<?>) v) items.add(value(e, a.elementType(), true));
            return "[" + String.join(",", items) + "]";
        }
        if (t instanceof MapType m) {
            List<String> entries = new ArrayList<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                entries.add(value(e.getKey(), m.keyType(), true) + ":" + value(e.getValue(), m.valueType(), true));
            }
            Collections.sort(entries);
            return "{" + String.join(",", entries) + "}";
        }
        if (t instanceof StructType s) {
            Row r = (Row) v;
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < s.size(); i++) fields.add("\"" + s.field(i).name() + "\":" + value(r.get(i), s.field(i).dataType(), true));
            return "{" + String.join(",", fields) + "}";
        }
        return v.toString();
    }
}
