package dev.sluice.optimizer;

import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which parts of a value a query uses: all of it, or (for a struct) some fields, each with its own need.
 * Mutable while a rule collects needs; {@link #narrow} applies it to a type.
 */
final class Need {
    private boolean all;
    private final Map<String, Need> fields = new LinkedHashMap<>();

    static Need all() {
        Need n = new Need();
        n.all = true;
        return n;
    }

    static Need fields() { return new Need(); }

    /** A need for only {@code field} of a struct, with {@code inner} inside it. */
    static Need field(String field, Need inner) {
        Need n = new Need();
        n.fields.put(field, inner);
        return n;
    }

    boolean isAll() { return all; }

    boolean isEmpty() { return !all && fields.isEmpty(); }

    Need child(String field) { return fields.get(field); }

    void merge(Need other) {
        if (all) return;
        if (other.all) {
            all = true;
            fields.clear();
            return;
        }
        for (Map.Entry<String, Need> e : other.fields.entrySet()) {
            fields.computeIfAbsent(e.getKey(), k -> new Need()).merge(e.getValue());
        }
    }

    /** {@code type} keeping only what is needed (struct fields in their original order). */
    DataType narrow(DataType type) {
        // a need on an array is a need on its elements (what explode hands on)
        if (!all && type instanceof ArrayType array) return new ArrayType(narrow(array.elementType()), array.containsNull());
        if (all || !(type instanceof StructType struct)) return type;
        List<StructField> kept = new ArrayList<>();
        for (StructField f : struct.fields()) {
            Need inner = fields.get(f.name());
            if (inner != null) kept.add(f.withType(inner.isEmpty() ? f.dataType() : inner.narrow(f.dataType())));
        }
        if (kept.isEmpty() && !struct.fields().isEmpty()) {
            // Keep one field: a struct must still say whether it is null; the first is Spark's choice too.
            kept.add(struct.field(0));
        }
        return new StructType(kept);
    }

}
