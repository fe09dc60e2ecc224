package dev.sluice.types;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One row of a result, or one struct value: values in schema order. Java values by type: Boolean, Integer,
 * Long, Float, Double, BigDecimal, String, byte[], LocalDate (date), Instant (timestamp), Byte (tinyint), Short
 * (smallint), LocalDateTime (timestamp_ntz), LocalTime (time), Period (year-month interval), Duration (day-time interval), CalendarInterval
 * (interval), Row (struct),
 * List (array), Map (map, insertion-ordered). Null is SQL NULL.
 */
public final class Row {
    private final StructType schema;
    private final Object[] values;

    public Row(StructType schema, Object[] values) {
        requireNonNull(schema, "schema");
        requireNonNull(values, "values");
        if (schema.size() != values.length) {
            throw new IllegalArgumentException("row has " + values.length + " values for " + schema.size() + " fields");
        }
        this.schema = schema;
        this.values = values;
    }

    public static Row of(StructType schema, Object... values) { return new Row(schema, values.clone()); }

    public StructType schema() { return schema; }

    public int size() { return values.length; }

    public Object get(int i) { return values[i]; }

    public Object get(String field) {
        int i = schema.indexOf(field);
        if (i < 0) throw new IllegalArgumentException("no field " + field + " in " + schema.simpleString());
        return values[i];
    }

    public boolean isNullAt(int i) { return values[i] == null; }

    public String getString(int i) { return (String) values[i]; }

    public int getInt(int i) { return (Integer) values[i]; }

    public long getLong(int i) { return (Long) values[i]; }

    public double getDouble(int i) { return (Double) values[i]; }

    public boolean getBoolean(int i) { return (Boolean) values[i]; }

    public Row getStruct(int i) { return (Row) values[i]; }

    @SuppressWarnings("unchecked")
    public <T> List<T> getList(int i) { return (List<T>) values[i]; }

    @SuppressWarnings("unchecked")
    public <K, V> Map<K, V> getMap(int i) { return (Map<K, V>) values[i]; }

    public List<Object> values() { return new ArrayList<>(Arrays.asList(values)); }

    @Override public boolean equals(Object o) {
        return o instanceof Row other && Arrays.deepEquals(values, other.values);
    }

    @Override public int hashCode() { return Arrays.deepHashCode(values); }

    /** Spark's Row toString: {@code [1,US,null]}. */
    @Override public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) sb.append(',');
            Object v = values[i];
            sb.append(v instanceof byte[] b ? Arrays.toString(b) : String.valueOf(v));
        }
        return sb.append(']').toString();
    }
}
