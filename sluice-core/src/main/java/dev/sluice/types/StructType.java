package dev.sluice.types;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** An ordered list of named fields: the schema of a row, or a nested struct value. Immutable. */
public record StructType(List<StructField> fields) implements DataType {
    public static final StructType EMPTY = new StructType(List.of());

    public StructType {
        requireNonNull(fields, "fields");
        fields = List.copyOf(fields);
    }

    public static StructType of(StructField... fields) { return new StructType(List.of(fields)); }

    /** Parses a schema in either Spark DDL form: {@code struct<a:int,b:string>} or {@code a INT, b STRING}. */
    public static StructType fromDDL(String ddl) { return DdlParser.parseSchema(ddl); }

    /** Returns a copy with one more field (the builder style of Spark's {@code new StructType().add(...)}). */
    public StructType add(String name, DataType type) { return add(new StructField(name, type, true)); }

    public StructType add(String name, DataType type, boolean nullable) { return add(new StructField(name, type, nullable)); }

    public StructType add(StructField field) {
        List<StructField> copy = new ArrayList<>(fields);
        copy.add(field);
        return new StructType(copy);
    }

    public int size() { return fields.size(); }

    public StructField field(int index) { return fields.get(index); }

    public List<String> fieldNames() {
        List<String> names = new ArrayList<>(fields.size());
        for (StructField f : fields) names.add(f.name());
        return Collections.unmodifiableList(names);
    }

    /** Index of the field with exactly this name, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < fields.size(); i++) if (fields.get(i).name().equals(name)) return i;
        return -1;
    }

    /**
     * Indexes of the fields whose name matches ignoring case (Spark's default resolution), exact matches
     * first; more than one means the name is ambiguous.
     */
    public List<Integer> indexesOfIgnoreCase(String name) {
        List<Integer> exact = new ArrayList<>();
        List<Integer> loose = new ArrayList<>();
        String lower = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < fields.size(); i++) {
            String candidate = fields.get(i).name();
            if (candidate.equals(name)) exact.add(i);
            else if (candidate.toLowerCase(Locale.ROOT).equals(lower)) loose.add(i);
        }
        return exact.isEmpty() ? loose : exact;
    }

    public Optional<StructField> find(String name) {
        int i = indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(fields.get(i));
    }

    @Override public String simpleString() {
        StringBuilder sb = new StringBuilder("struct<");
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) sb.append(',');
            StructField f = fields.get(i);
            sb.append(f.name()).append(':').append(f.dataType().simpleString());
        }
        return sb.append('>').toString();
    }

    @Override public String typeName() { return "struct"; }

    @Override public String sql() {
        StringBuilder sb = new StringBuilder("STRUCT<");
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) sb.append(", ");
            StructField f = fields.get(i);
            sb.append(DdlParser.quoteIfNeeded(f.name())).append(": ").append(f.dataType().sql());
            if (!f.nullable()) sb.append(" NOT NULL");
        }
        return sb.append('>').toString();
    }

    /** The DDL column-list form: {@code a INT, b STRING}. */
    public String toDDL() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) sb.append(", ");
            StructField f = fields.get(i);
            sb.append(DdlParser.quoteIfNeeded(f.name())).append(' ').append(f.dataType().sql());
            if (!f.nullable()) sb.append(" NOT NULL");
        }
        return sb.toString();
    }

    /** Spark's printSchema tree, starting with {@code root}. */
    public String treeString() { return SchemaTree.render(this); }

    @Override public String toString() { return simpleString(); }

    // without recursion: schemas thousands of levels deep must not overflow the stack (TypeEquality)
    @Override public boolean equals(Object o) { return o instanceof StructType s && TypeEquality.equal(this, s); }

    @Override public int hashCode() { return TypeEquality.hash(this); }
}
