package dev.sluice.glue;

import dev.sluice.glue.types.GlueStruct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A self-describing record (Glue's DynamicRecord): field names to values, in order. Values are Java objects:
 * Integer (int), Long (long), Short, Byte, Float, Double, BigDecimal (decimal), String, Boolean, LocalDate
 * (date), Instant (timestamp), LocalDateTime (timestampntz), byte[] (binary), DynamicRecord (struct), List (array), Map with String keys (map).
 * A missing field and a null field read the same; records coming out of a plan hold no null fields. Fields
 * are reached by path ({@code address.state}, {@code `a.b`}); {@link #schema()} types the record from its values.
 */
public final class DynamicRecord {
    private final LinkedHashMap<String, Object> fields;
    private String error;

    public DynamicRecord() { this.fields = new LinkedHashMap<>(); }

    public DynamicRecord(Map<String, ?> values) {
        this();
        values.forEach(this::put);
    }

    /** Sets a top-level field (null removes it). */
    public DynamicRecord put(String name, Object value) {
        if (value == null) fields.remove(name);
        else fields.put(name, RecordValues.normalize(value));
        return this;
    }

    /** A top-level field's value, or null. */
    public Object get(String name) { return fields.get(name); }

    public Set<String> names() { return fields.keySet(); }

    public Map<String, Object> asMap() { return java.util.Collections.unmodifiableMap(fields); }

    public int size() { return fields.size(); }

    /** The value at a path ({@code address.state}), or null when any step is missing. */
    public Object getField(String path) { return getField(FieldPath.parse(path)); }

    public Object getField(FieldPath path) {
        Object current = this;
        for (FieldPath.Step step : path.steps()) {
            if (!(current instanceof DynamicRecord r)) return null;
            current = r.fields.get(step.name());
        }
        return current;
    }

    /** Sets the value at a path, creating missing structs on the way (Glue's addField / setField). */
    public DynamicRecord setField(String path, Object value) { return setField(FieldPath.parse(path), value); }

    public DynamicRecord setField(FieldPath path, Object value) {
        DynamicRecord current = this;
        List<FieldPath.Step> steps = path.steps();
        for (int i = 0; i < steps.size() - 1; i++) {
            Object next = current.fields.get(steps.get(i).name());
            if (!(next instanceof DynamicRecord)) {
                next = new DynamicRecord();
                current.fields.put(steps.get(i).name(), next);
            }
            current = (DynamicRecord) next;
        }
        current.put(steps.get(steps.size() - 1).name(), value);
        return this;
    }

    public DynamicRecord addField(String path, Object value) { return setField(path, value); }

    /** Removes the value at a path and returns it (null when absent). */
    public Object dropField(String path) { return dropField(FieldPath.parse(path)); }

    public Object dropField(FieldPath path) {
        DynamicRecord current = this;
        List<FieldPath.Step> steps = path.steps();
        for (int i = 0; i < steps.size() - 1; i++) {
            if (!(current.fields.get(steps.get(i).name()) instanceof DynamicRecord r)) return null;
            current = r;
        }
        return current.fields.remove(steps.get(steps.size() - 1).name());
    }

    public boolean isError() { return error != null; }

    public String getError() { return error; }

    /** Marks the record as an error: a user's map may do this to send it to the error records. */
    public void setError(String message) { this.error = message; }

    public void clearError() { this.error = null; }

    /** The record's type from its values (Glue's on-the-fly schema of one record). */
    public GlueStruct schema() { return (GlueStruct) RecordValues.typeOf(this); }

    /** A deep copy: Glue's map hands each function a copy, so mutating it is safe. */
    public DynamicRecord copy() {
        DynamicRecord c = new DynamicRecord();
        fields.forEach((k, v) -> c.fields.put(k, RecordValues.deepCopy(v)));
        c.error = error;
        return c;
    }

    /** Glue's {@code clone()}: a deep copy, as {@link #copy()}. */
    @Override public DynamicRecord clone() { return copy(); }

    /** Compact JSON, as spigot writes it. */
    public String toJson() { return RecordJson.compact(this); }

    List<Object> valuesFor(List<String> names) {
        List<Object> out = new ArrayList<>(names.size());
        for (String n : names) out.add(fields.get(n));
        return out;
    }

    @Override public boolean equals(Object o) { return o instanceof DynamicRecord r && RecordValues.equal(this, r); }

    @Override public int hashCode() { return fields.keySet().hashCode(); }

    @Override public String toString() { return toJson(); }

    /** A record over {@code values} as they are (no copy, no normalization): for readers that build plain values. */
    static DynamicRecord wrap(LinkedHashMap<String, Object> values) { return new DynamicRecord(values, true); }

    private DynamicRecord(LinkedHashMap<String, Object> values, boolean owned) { this.fields = values; }

    static DynamicRecord of(LinkedHashMap<String, Object> raw) {
        DynamicRecord r = new DynamicRecord();
        r.fields.putAll(raw);
        return r;
    }
}
