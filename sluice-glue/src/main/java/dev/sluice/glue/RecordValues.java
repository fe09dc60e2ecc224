package dev.sluice.glue;

import dev.sluice.glue.types.GlueArray;
import dev.sluice.glue.types.GlueField;
import dev.sluice.glue.types.GlueMap;
import dev.sluice.glue.types.GlueNull;
import dev.sluice.glue.types.GlueScalar;
import dev.sluice.glue.types.GlueStruct;
import dev.sluice.glue.types.GlueType;
import dev.sluice.glue.types.SchemaMerge;
import dev.sluice.types.Row;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The Java values a DynamicRecord holds: their Glue types, copies and equality. */
final class RecordValues {
    private RecordValues() {}

    /** Accepts the Java forms users write: Row becomes a record, arrays and collections become lists. */
    static Object normalize(Object v) {
        if (v instanceof Row row) {
            DynamicRecord r = new DynamicRecord();
            for (int i = 0; i < row.size(); i++) r.put(row.schema().field(i).name(), row.get(i));
            return r;
        }
        if (v instanceof Object[] a) return normalizeList(Arrays.asList(a));
        if (v instanceof List<?> l) return normalizeList(l);
        if (v instanceof java.util.Collection<?> c) return normalizeList(new ArrayList<>(c));
        if (v instanceof java.sql.Date d) return d.toLocalDate();
        if (v instanceof java.sql.Timestamp t) return t.toInstant();
        if (v instanceof Map<?, ?> m && !(v instanceof LinkedHashMap<?, ?> && allNormalized(m))) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, val) -> out.put(String.valueOf(k), val == null ? null : normalize(val)));
            return out;
        }
        return v;
    }

    private static boolean allNormalized(Map<?, ?> m) {
        for (Object k : m.keySet()) if (!(k instanceof String)) return false;
        return true;
    }

    private static List<Object> normalizeList(List<?> l) {
        List<Object> out = new ArrayList<>(l.size());
        for (Object o : l) out.add(o == null ? null : normalize(o));
        return out;
    }

    /** Glue's type of a value; null is {@code null}. */
    static GlueType typeOf(Object v) {
        if (v == null) return GlueNull.INSTANCE;
        if (v instanceof String) return GlueScalar.STRING;
        if (v instanceof Integer) return GlueScalar.INT;
        if (v instanceof Long) return GlueScalar.LONG;
        if (v instanceof Double) return GlueScalar.DOUBLE;
        if (v instanceof Boolean) return GlueScalar.BOOLEAN;
        if (v instanceof Float) return GlueScalar.FLOAT;
        if (v instanceof Short) return GlueScalar.SHORT;
        if (v instanceof Byte) return GlueScalar.BYTE;
        if (v instanceof BigDecimal d) {
            int scale = Math.max(0, d.scale());
            return GlueScalar.decimal(Math.min(38, Math.max(d.precision(), scale) + 0), scale);
        }
        if (v instanceof LocalDate) return GlueScalar.DATE;
        if (v instanceof Instant) return GlueScalar.TIMESTAMP;
        if (v instanceof java.time.LocalDateTime) return GlueScalar.TIMESTAMP_NTZ;
        if (v instanceof byte[]) return GlueScalar.BINARY;
        if (v instanceof DynamicRecord r) {
            List<GlueField> fields = new ArrayList<>();
            r.asMap().forEach((k, val) -> fields.add(new GlueField(k, typeOf(val))));
            return new GlueStruct(fields);
        }
        if (v instanceof List<?> l) {
            GlueType element = GlueNull.INSTANCE;
            for (Object o : l) element = SchemaMerge.merge(element, typeOf(o));
            return new GlueArray(element);
        }
        if (v instanceof Map<?, ?> m) {
            GlueType value = GlueNull.INSTANCE;
            for (Object o : m.values()) value = SchemaMerge.merge(value, typeOf(o));
            return new GlueMap(value);
        }
        throw new IllegalArgumentException("a DynamicRecord cannot hold a " + v.getClass().getName() + " (" + v + ")");
    }

    static Object deepCopy(Object v) {
        if (v instanceof DynamicRecord r) return r.copy();
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) out.add(deepCopy(o));
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, val) -> out.put((String) k, deepCopy(val)));
            return out;
        }
        if (v instanceof byte[] b) return b.clone();
        return v;
    }

    static boolean equal(Object a, Object b) {
        if (a instanceof DynamicRecord ra && b instanceof DynamicRecord rb) {
            if (!ra.names().equals(rb.names())) return false;
            for (String n : ra.names()) if (!equal(ra.get(n), rb.get(n))) return false;
            return true;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) return false;
            for (int i = 0; i < la.size(); i++) if (!equal(la.get(i), lb.get(i))) return false;
            return true;
        }
        if (a instanceof byte[] ba && b instanceof byte[] bb) return Arrays.equals(ba, bb);
        return Objects.equals(a, b);
    }
}
