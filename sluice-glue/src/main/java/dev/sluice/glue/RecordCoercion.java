package dev.sluice.glue;

import dev.sluice.glue.types.ChoiceType;
import dev.sluice.glue.types.GlueArray;
import dev.sluice.glue.types.GlueField;
import dev.sluice.glue.types.GlueMap;
import dev.sluice.glue.types.GlueStruct;
import dev.sluice.glue.types.GlueType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings values read back from JSON text to a known schema's types (JSON has no int/long, date or timestamp
 * distinction): used where Sluice stages records as JSON Lines (relationalize).
 */
final class RecordCoercion {
    private RecordCoercion() {}

    static DynamicRecord toSchema(DynamicRecord r, GlueStruct schema) {
        DynamicRecord out = new DynamicRecord();
        for (GlueField f : schema.fields()) out.put(f.name(), coerce(r.get(f.name()), f.type()));
        return out;
    }

    static Object coerce(Object v, GlueType type) {
        if (v == null) return null;
        if (type instanceof GlueStruct s) return v instanceof DynamicRecord r ? toSchema(r, s) : null;
        if (type instanceof GlueArray a) {
            if (!(v instanceof List<?> l)) return null;
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) out.add(coerce(o, a.element()));
            return out;
        }
        if (type instanceof GlueMap m) {
            Map<String, Object> out = new LinkedHashMap<>();
            if (v instanceof DynamicRecord r) r.asMap().forEach((k, x) -> out.put(k, coerce(x, m.value())));
            else if (v instanceof Map<?, ?> map) map.forEach((k, x) -> out.put(String.valueOf(k), coerce(x, m.value())));
            return out;
        }
        if (type instanceof ChoiceType c) {
            String own = RecordValues.typeOf(v).typeName();
            if (c.alternatives().containsKey(own)) return coerce(v, c.alternatives().get(own));
            for (GlueType alt : c.alternatives().values()) {
                Object cast = coerce(v, alt);
                if (cast != null) return cast;
            }
            return null;
        }
        if (RecordValues.typeOf(v).typeName().equals(type.typeName())) return v;
        return CastValues.cast(v, type);
    }
}
