package dev.sluice.optimizer;

import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.StringType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which parts of a value a query uses: all of it, or (for a struct) some fields, each with its own need, or only
 * its shape (the length of an array, for {@code size}). Mutable while a rule collects needs;
 * {@link #narrow(DataType, boolean)} applies it to a type.
 */
final class Need {
    private boolean all;
    /**
     * Only the shape is used (an array's length for {@code size}, whether a value is null for {@code IS [NOT] NULL}): a
     * struct, and an array's struct elements, keep one field (a parser still counts the elements and tells a null
     * struct from an object), or none when that field is a string ({@link #countsOnly}).
     */
    private boolean shape;
    private final Map<String, Need> fields = new LinkedHashMap<>();

    static Need all() {
        Need n = new Need();
        n.all = true;
        return n;
    }

    static Need fields() { return new Need(); }

    /**
     * A need for the shape of a value alone: {@code size(array)} uses no field of the elements, {@code IS NULL} no
     * field of a struct.
     */
    static Need shape() {
        Need n = new Need();
        n.shape = true;
        return n;
    }

    /** A need for only {@code field} of a struct, with {@code inner} inside it. */
    static Need field(String field, Need inner) {
        Need n = new Need();
        n.fields.put(field, inner);
        return n;
    }

    boolean isAll() { return all; }

    boolean isEmpty() { return !all && !shape && fields.isEmpty(); }

    Need child(String field) { return fields.get(field); }

    void merge(Need other) {
        if (all) return;
        if (other.all) {
            all = true;
            fields.clear();
            return;
        }
        shape |= other.shape;   // harmless next to fields: any kept field keeps the shape too
        for (Map.Entry<String, Need> e : other.fields.entrySet()) {
            fields.computeIfAbsent(e.getKey(), k -> new Need()).merge(e.getValue());
        }
    }

    /**
     * {@code type} keeping only what is needed (struct fields in their original order). {@code countElements} false
     * keeps a field of elements needed only for their count even when it is a string ({@link #countsOnly}): for a parse
     * whose options limit a string's length, which only a string read is checked against.
     */
    DataType narrow(DataType type, boolean countElements) { return narrow(type, true, countElements); }

    /**
     * As {@link #narrow(DataType, boolean)}, but a shape need keeps the whole value: for sources, whose nested
     * projection is kept to the fields a query names.
     */
    DataType narrowKeepingShapes(DataType type) { return narrow(type, false, false); }

    /**
     * True when this need is the shape alone of a {@code struct} (or of elements of that type) whose first field is a
     * string: then it keeps no field. A string converts from any JSON value, so that field could not fail the struct
     * (nor an array of them) where an object with no fields read would not, and the parsers count the elements, or
     * tell an object from a null, reading none of their keys, instead of building a value each
     * ({@code size(content.items)} of the benchmark's Q1, {@code content.error IS NOT NULL} of its Q3).
     */
    private boolean countsOnly(StructType struct) {
        return shape && !all && fields.isEmpty() && struct.field(0).dataType() instanceof StringType;
    }

    private DataType narrow(DataType type, boolean shapes, boolean countElements) {
        if (!shapes && shape && fields.isEmpty()) return type;
        // a need on an array is a need on its elements (what explode hands on)
        if (!all && type instanceof ArrayType array) return new ArrayType(narrow(array.elementType(), shapes, countElements), array.containsNull());
        if (all || !(type instanceof StructType struct)) return type;
        List<StructField> kept = new ArrayList<>();
        for (StructField f : struct.fields()) {
            Need inner = fields.get(f.name());
            if (inner != null) kept.add(f.withType(inner.isEmpty() ? f.dataType() : inner.narrow(f.dataType(), shapes, countElements)));
        }
        if (kept.isEmpty() && !struct.fields().isEmpty() && !(countElements && countsOnly(struct))) {
            // Keep one field: a struct must still say whether it is null; the first is Spark's choice too.
            kept.add(struct.field(0));
        }
        return new StructType(kept);
    }

}
