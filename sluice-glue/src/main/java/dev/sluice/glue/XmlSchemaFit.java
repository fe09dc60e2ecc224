package dev.sluice.glue;

import dev.sluice.glue.types.ChoiceType;
import dev.sluice.glue.types.GlueArray;
import dev.sluice.glue.types.GlueField;
import dev.sluice.glue.types.GlueMap;
import dev.sluice.glue.types.GlueNull;
import dev.sluice.glue.types.GlueStruct;
import dev.sluice.glue.types.GlueType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits an XML record read as text to the schema given with {@code withSchema}: a leaf's text is converted to the
 * field's type (a choice takes the alternative the text's own type names, else the first alternative the text
 * converts to), one child where the schema says array is a one-element array, a leaf where it says struct is a struct
 * holding the text as {@code valueTag}. Elements the schema does not name are not read (as Spark's XML reader
 * does with a schema). A text that fits no type of its field makes the record an error record, naming the field.
 */
final class XmlSchemaFit {
    private XmlSchemaFit() {}

    /** Thrown when a value does not fit its field's type. */
    static final class Misfit extends Exception {
        Misfit(String message) { super(message, null, false, false); }
    }

    static DynamicRecord fit(DynamicRecord raw, GlueStruct schema, String valueTag) throws Misfit {
        return struct(raw, schema, valueTag, "");
    }

    private static DynamicRecord struct(DynamicRecord raw, GlueStruct schema, String valueTag, String path) throws Misfit {
        DynamicRecord out = new DynamicRecord();
        for (GlueField f : schema.fields()) {
            Object v = value(raw.get(f.name()), f.type(), valueTag, path.isEmpty() ? f.name() : path + "." + f.name());
            if (v != null) out.put(f.name(), v);
        }
        return out;
    }

    private static Object value(Object v, GlueType type, String valueTag, String path) throws Misfit {
        if (v == null || type instanceof GlueNull) return null;
        if (type instanceof GlueArray a) {
            List<Object> out = new ArrayList<>();
            for (Object e : v instanceof List<?> l ? l : List.of(v)) out.add(value(e, a.element(), valueTag, path + "[]"));
            return out;
        }
        if (v instanceof List<?>) throw new Misfit("field " + path + " is repeated but its schema type is " + type.typeName());
        if (type instanceof GlueStruct s) {
            if (v instanceof DynamicRecord r) return struct(r, s, valueTag, path);
            return struct(new DynamicRecord().put(valueTag, v), s, valueTag, path);
        }
        if (type instanceof GlueMap m) {
            if (!(v instanceof DynamicRecord r)) throw new Misfit("field " + path + " holds text but its schema type is map");
            Map<String, Object> out = new LinkedHashMap<>();
            for (String k : r.names()) out.put(k, value(r.get(k), m.value(), valueTag, path + "." + k));
            return out;
        }
        if (v instanceof DynamicRecord) throw new Misfit("field " + path + " holds elements but its schema type is " + type.typeName());
        String text = (String) v;
        if (type instanceof ChoiceType c) {
            Object typed = XmlFormat.typed(text);
            GlueType own = c.alternatives().get(RecordValues.typeOf(typed).typeName());
            if (own != null) return CastValues.cast(typed, own);
            if (c.alternatives().containsKey("string")) return text;
            for (GlueType alt : c.alternatives().values()) {
                Object cast = CastValues.cast(text, alt);
                if (cast != null) return cast;
            }
            throw new Misfit("the text '" + abbreviate(text) + "' of field " + path + " fits none of its types " + c.typeNames());
        }
        if (type.typeName().equals("string")) return text;
        if (text.isEmpty()) return null;
        Object cast = CastValues.cast(text.trim(), type);
        if (cast == null) throw new Misfit("the text '" + abbreviate(text) + "' of field " + path + " is not a " + type.typeName());
        return cast;
    }

    private static String abbreviate(String s) { return s.length() > 60 ? s.substring(0, 57) + "..." : s; }
}
