package dev.sluice.glue;

import dev.sluice.glue.types.ChoiceType;
import dev.sluice.glue.types.GlueArray;
import dev.sluice.glue.types.GlueField;
import dev.sluice.glue.types.GlueMap;
import dev.sluice.glue.types.GlueScalar;
import dev.sluice.glue.types.GlueStruct;
import dev.sluice.glue.types.GlueType;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.Timestamps;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads DynamicRecord values straight from a batch's column vectors: one reader per Glue type, chosen once per
 * schema, so record-at-a-time work costs no per-value type dispatch and no intermediate Row objects (the same
 * values {@link RecordCodec#decode} gives from a Row).
 */
final class ColumnReaders {
    private ColumnReaders() {}

    /** A value of one Glue type at a row of a vector; null for SQL NULL. */
    @FunctionalInterface
    interface ValueReader {
        Object read(ColumnVector v, int row);
    }

    /** Reads whole records from the top-level columns of a schema (one vector per field, in schema order). */
    static final class RecordReader {
        private final String[] names;
        private final ValueReader[] readers;

        RecordReader(GlueStruct schema) {
            List<GlueField> fields = schema.fields();
            names = new String[fields.size()];
            readers = new ValueReader[fields.size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = fields.get(i).name();
                readers[i] = of(fields.get(i).type());
            }
        }

        DynamicRecord read(ColumnVector[] columns, int row) {
            LinkedHashMap<String, Object> values = new LinkedHashMap<>(names.length * 2);
            for (int f = 0; f < names.length; f++) {
                Object v = readers[f].read(columns[f], row);
                if (v != null) values.put(names[f], v);
            }
            return DynamicRecord.wrap(values);
        }
    }

    static ValueReader of(GlueType type) {
        if (type instanceof GlueStruct s) return struct(s);
        if (type instanceof ChoiceType c) return choice(c);
        if (type instanceof GlueArray a) return array(of(a.element()));
        if (type instanceof GlueMap m) return map(of(m.value()));
        if (type instanceof GlueScalar s) return scalar(s.typeName());
        return (v, row) -> null;   // the null type: no value
    }

    private static ValueReader struct(GlueStruct s) {
        String[] names = s.names().toArray(new String[0]);
        ValueReader[] readers = new ValueReader[names.length];
        for (int i = 0; i < names.length; i++) readers[i] = of(s.fields().get(i).type());
        return (v, row) -> {
            if (v.isNull(row)) return null;
            LinkedHashMap<String, Object> values = new LinkedHashMap<>(names.length * 2);
            for (int f = 0; f < names.length; f++) {
                Object x = readers[f].read(v.child(f), row);
                if (x != null) values.put(names[f], x);
            }
            return DynamicRecord.wrap(values);
        };
    }

    /** A choice is a struct of its alternatives with at most one set: the value is that alternative's. */
    private static ValueReader choice(ChoiceType c) {
        ValueReader[] readers = c.alternatives().values().stream().map(ColumnReaders::of).toArray(ValueReader[]::new);
        return (v, row) -> {
            if (v.isNull(row)) return null;
            for (int i = 0; i < readers.length; i++) {
                ColumnVector alt = v.child(i);
                if (!alt.isNull(row)) return readers[i].read(alt, row);
            }
            return null;
        };
    }

    private static ValueReader array(ValueReader element) {
        return (v, row) -> {
            if (v.isNull(row)) return null;
            int offset = v.arrayOffset(row), length = v.arrayLength(row);
            ColumnVector elements = v.elements();
            List<Object> out = new ArrayList<>(length);
            for (int i = 0; i < length; i++) out.add(element.read(elements, offset + i));
            return out;
        };
    }

    private static ValueReader map(ValueReader value) {
        ValueReader key = scalar("string");
        return (v, row) -> {
            if (v.isNull(row)) return null;
            int offset = v.arrayOffset(row), length = v.arrayLength(row);
            ColumnVector keys = v.elements(), values = v.mapValues();
            Map<String, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < length; i++) out.put(String.valueOf(key.read(keys, offset + i)), value.read(values, offset + i));
            return out;
        };
    }

    private static ValueReader scalar(String typeName) {
        return switch (typeName) {
            case "int" -> (v, row) -> v.isNull(row) ? null : (Object) v.getInt(row);
            case "short" -> (v, row) -> v.isNull(row) ? null : (Object) (short) v.getInt(row);
            case "byte" -> (v, row) -> v.isNull(row) ? null : (Object) (byte) v.getInt(row);
            case "long" -> (v, row) -> v.isNull(row) ? null : (Object) v.getLong(row);
            case "double" -> (v, row) -> v.isNull(row) ? null : (Object) v.getDouble(row);
            case "float" -> (v, row) -> v.isNull(row) ? null : (Object) v.getFloat(row);
            case "boolean" -> (v, row) -> v.isNull(row) ? null : (Object) v.getBoolean(row);
            case "string" -> (v, row) -> v.isNull(row) ? null : v.getString(row);
            case "decimal" -> (v, row) -> v.isNull(row) ? null : v.getDecimal(row);
            case "date" -> (v, row) -> v.isNull(row) ? null : LocalDate.ofEpochDay(v.getInt(row));
            case "timestamp" -> (v, row) -> v.isNull(row) ? null : Timestamps.toInstant(v.getLong(row));
            case "timestampntz" -> (v, row) -> v.isNull(row) ? null : Timestamps.toLocalDateTime(v.getLong(row));
            case "binary" -> (v, row) -> v.isNull(row) ? null : v.getBytes(row);
            default -> (v, row) -> v.getObject(row);
        };
    }
}
