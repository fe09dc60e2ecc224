package dev.sluice.glue.types;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Glue's schema merge (GLUE.md §1.3): null merged with T is T; structs union their fields (the first's order,
 * then fields only in the second; a missing field never makes a choice); arrays merge elements, maps merge
 * values; different type names make a choice (no numeric widening: int and long give choice(int,long));
 * choices merge alternative by alternative; the same name with different parameters keeps the first.
 */
public final class SchemaMerge {
    private SchemaMerge() {}

    public static GlueType merge(GlueType a, GlueType b) {
        if (a instanceof GlueNull) return b;
        if (b instanceof GlueNull) return a;
        if (a instanceof ChoiceType || b instanceof ChoiceType) return mergeChoices(alternatives(a), alternatives(b));
        if (!a.typeName().equals(b.typeName())) return mergeChoices(alternatives(a), alternatives(b));
        if (a instanceof GlueStruct sa && b instanceof GlueStruct sb) return mergeStructs(sa, sb);
        if (a instanceof GlueArray aa && b instanceof GlueArray ab) return new GlueArray(merge(aa.element(), ab.element()));
        if (a instanceof GlueMap ma && b instanceof GlueMap mb) return new GlueMap(merge(ma.value(), mb.value()));
        return a;   // same scalar name: the first one's parameters win
    }

    public static GlueStruct mergeStructs(GlueStruct a, GlueStruct b) {
        Map<String, GlueType> merged = new LinkedHashMap<>();
        for (GlueField f : a.fields()) merged.put(f.name(), f.type());
        for (GlueField f : b.fields()) merged.merge(f.name(), f.type(), SchemaMerge::merge);
        List<GlueField> fields = new ArrayList<>(merged.size());
        merged.forEach((name, type) -> fields.add(new GlueField(name, type)));
        return new GlueStruct(fields);
    }

    private static Map<String, GlueType> alternatives(GlueType t) {
        if (t instanceof ChoiceType c) return c.alternatives();
        return Map.of(t.typeName(), t);
    }

    private static GlueType mergeChoices(Map<String, GlueType> a, Map<String, GlueType> b) {
        Map<String, GlueType> merged = new TreeMap<>(a);
        b.forEach((name, type) -> merged.merge(name, type, SchemaMerge::merge));
        if (merged.size() == 1) return merged.values().iterator().next();
        return new ChoiceType(merged);
    }
}
