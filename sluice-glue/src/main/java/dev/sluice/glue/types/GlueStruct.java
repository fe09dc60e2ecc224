package dev.sluice.glue.types;

import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Glue's struct (and the schema of a whole DynamicFrame): fields in order. */
public record GlueStruct(List<GlueField> fields) implements GlueType {
    public static final GlueStruct EMPTY = new GlueStruct(List.of());

    public GlueStruct { fields = List.copyOf(fields); }

    public static GlueStruct of(GlueField... fields) { return new GlueStruct(List.of(fields)); }

    @Override public String typeName() { return "struct"; }

    @Override public StructType dataType() {
        List<StructField> out = new ArrayList<>(fields.size());
        for (GlueField f : fields) out.add(StructField.of(f.name(), f.type().dataType()));
        return new StructType(out);
    }

    public int size() { return fields.size(); }

    public List<String> names() {
        List<String> names = new ArrayList<>(fields.size());
        for (GlueField f : fields) names.add(f.name());
        return names;
    }

    public Optional<GlueField> field(String name) {
        for (GlueField f : fields) if (f.name().equals(name)) return Optional.of(f);
        return Optional.empty();
    }

    /** A field matched case-insensitively when {@code caseSensitive} is false. */
    public Optional<GlueField> field(String name, boolean caseSensitive) {
        if (caseSensitive) return field(name);
        for (GlueField f : fields) if (f.name().equalsIgnoreCase(name)) return Optional.of(f);
        return Optional.empty();
    }

    public GlueStruct with(GlueField field) {
        List<GlueField> out = new ArrayList<>(fields);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).name().equals(field.name())) {
                out.set(i, field);
                return new GlueStruct(out);
            }
        }
        out.add(field);
        return new GlueStruct(out);
    }

    public GlueStruct without(String name) {
        List<GlueField> out = new ArrayList<>();
        for (GlueField f : fields) if (!f.name().equals(name)) out.add(f);
        return new GlueStruct(out);
    }

    /** Glue's printSchema() text. */
    public String treeString() { return SchemaText.render(this); }
}
