package dev.sluice.glue.types;

import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Glue's choice: a field whose records hold values of different types, one alternative per type name, kept in
 * ascending type-name order (as Glue prints them). In a plan a choice is carried as a struct with one field per
 * alternative, named after its type ({@code struct<long:bigint,string:string>}); a record's value sits in the
 * field of its own type, the others are null. That struct is also what {@code toDF()} shows.
 */
public record ChoiceType(Map<String, GlueType> alternatives) implements GlueType {
    public ChoiceType {
        if (alternatives.size() < 2) throw new IllegalArgumentException("a choice needs two alternatives: " + alternatives);
        for (GlueType t : alternatives.values()) {
            if (t instanceof ChoiceType || t instanceof GlueNull) throw new IllegalArgumentException("no nested choice or null alternative");
        }
        alternatives = Collections.unmodifiableMap(new TreeMap<>(alternatives));
    }

    public static ChoiceType of(GlueType... types) {
        Map<String, GlueType> m = new TreeMap<>();
        for (GlueType t : types) m.put(t.typeName(), t);
        return new ChoiceType(m);
    }

    @Override public String typeName() { return "choice"; }

    @Override public StructType dataType() {
        List<StructField> fields = new ArrayList<>();
        for (Map.Entry<String, GlueType> e : alternatives.entrySet()) fields.add(StructField.of(e.getKey(), e.getValue().dataType()));
        return new StructType(fields);
    }

    public Optional<GlueType> alternative(String typeName) { return Optional.ofNullable(alternatives.get(typeName)); }

    public List<String> typeNames() { return List.copyOf(alternatives.keySet()); }
}
