package dev.sluice.glue;

import dev.sluice.glue.types.ChoiceType;
import dev.sluice.glue.types.GlueArray;
import dev.sluice.glue.types.GlueField;
import dev.sluice.glue.types.GlueMap;
import dev.sluice.glue.types.GlueNull;
import dev.sluice.glue.types.GlueScalar;
import dev.sluice.glue.types.GlueStruct;
import dev.sluice.glue.types.GlueType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Between the plan's values (Row, List, Map; a choice as a struct of its alternatives) and a DynamicRecord's
 * values. Encoding places a choice's value in the alternative of its own type; a value that fits no place in
 * the schema is a {@link Mismatch} (the record becomes an error record, never silently changed).
 */
final class RecordCodec {
    private RecordCodec() {}

    /** Raised when a value does not fit the schema it must be carried in. */
    static final class Mismatch extends RuntimeException {
        Mismatch(String message) { super(message, null, false, false); }
    }

    static DynamicRecord decodeRecord(Row row, GlueStruct schema) {
        LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
        List<GlueField> fs = schema.fields();
        for (int i = 0; i < fs.size(); i++) {
            Object v = decode(row.get(i), fs.get(i).type());
            if (v != null) fields.put(fs.get(i).name(), v);
        }
        return DynamicRecord.of(fields);
    }

    static Object decode(Object v, GlueType type) {
        if (v == null) return null;
        if (type instanceof GlueStruct s) return decodeRecord((Row) v, s);
        if (type instanceof ChoiceType c) {
            Row alternatives = (Row) v;
            int i = 0;
            for (GlueType alt : c.alternatives().values()) {
                if (alternatives.get(i) != null) return decode(alternatives.get(i), alt);
                i++;
            }
            return null;
        }
        if (type instanceof GlueArray a) {
            List<?> l = (List<?>) v;
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) out.add(decode(o, a.element()));
            return out;
        }
        if (type instanceof GlueMap m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<?, ?>) v).forEach((k, val) -> out.put(String.valueOf(k), decode(val, m.value())));
            return out;
        }
        return v;
    }

    static Row encodeRecord(DynamicRecord r, GlueStruct schema) {
        StructType type = schema.dataType();
        Object[] values = new Object[schema.size()];
        for (int i = 0; i < values.length; i++) {
            GlueField f = schema.fields().get(i);
            values[i] = encode(r.get(f.name()), f.type(), f.name());
        }
        for (String name : r.names()) {
            if (schema.field(name).isEmpty()) throw new Mismatch("field " + name + " is not in the frame's schema");
        }
        return new Row(type, values);
    }

    static Object encode(Object v, GlueType type, String where) {
        if (v == null) return null;
        if (type instanceof GlueStruct s) {
            if (!(v instanceof DynamicRecord r)) throw mismatch(v, type, where);
            return encodeRecord(r, s);
        }
        if (type instanceof ChoiceType c) {
            String own = RecordValues.typeOf(v).typeName();
            Object[] values = new Object[c.alternatives().size()];
            int i = 0;
            boolean placed = false;
            for (Map.Entry<String, GlueType> alt : c.alternatives().entrySet()) {
                if (alt.getKey().equals(own)) {
                    values[i] = encode(v, alt.getValue(), where);
                    placed = true;
                }
                i++;
            }
            if (!placed) throw mismatch(v, type, where);
            return new Row(c.dataType(), values);
        }
        if (type instanceof GlueArray a) {
            if (!(v instanceof List<?> l)) throw mismatch(v, type, where);
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) out.add(encode(o, a.element(), where + "[]"));
            return out;
        }
        if (type instanceof GlueMap m) {
            if (!(v instanceof Map<?, ?> map)) throw mismatch(v, type, where);
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, val) -> out.put(k, encode(val, m.value(), where + "." + k)));
            return out;
        }
        if (type instanceof GlueNull) throw mismatch(v, type, where);
        return scalar(v, (GlueScalar) type, where);
    }

    private static Object scalar(Object v, GlueScalar t, String where) {
        switch (t.typeName()) {
            case "int":
                if (v instanceof Integer || v instanceof Short || v instanceof Byte) return ((Number) v).intValue();
                break;
            case "short":
                if (v instanceof Short || v instanceof Byte) return ((Number) v).shortValue();
                break;
            case "byte":
                if (v instanceof Byte) return v;
                break;
            case "long":
                if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
                break;
            case "double":
                if (v instanceof Double || v instanceof Float) return ((Number) v).doubleValue();
                break;
            case "float":
                if (v instanceof Float) return v;
                break;
            case "decimal":
                if (v instanceof BigDecimal d) {
                    DecimalType dt = (DecimalType) t.dataType();
                    BigDecimal scaled = d.setScale(dt.scale(), java.math.RoundingMode.HALF_UP);
                    if (scaled.precision() > dt.precision()) throw mismatch(v, t, where);
                    return scaled;
                }
                break;
            case "string": if (v instanceof String) return v; break;
            case "boolean": if (v instanceof Boolean) return v; break;
            case "date": if (v instanceof java.time.LocalDate) return v; break;
            case "timestamp": if (v instanceof java.time.Instant) return v; break;
            case "timestampntz": if (v instanceof java.time.LocalDateTime) return v; break;
            case "binary": if (v instanceof byte[]) return v; break;
            default: break;
        }
        throw mismatch(v, t, where);
    }

    private static Mismatch mismatch(Object v, GlueType type, String where) {
        return new Mismatch("the value " + abbreviate(v) + " (" + RecordValues.typeOf(v).typeName() + ") of field " + where
                + " does not fit its schema type " + type.typeName());
    }

    private static String abbreviate(Object v) {
        String s = String.valueOf(v);
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
