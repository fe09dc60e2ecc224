package dev.sluice.glue;

import dev.sluice.DataFrame;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.MapType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import static java.util.Objects.requireNonNull;

/**
 * AWS Glue's DynamicFrame over a Sluice plan: as lazy as the DataFrame it wraps (building one reads
 * nothing). This is the minimal layer (fromDF, toDF, count, show, schema, printSchema); choice types, error
 * records and Glue transforms come with the Glue issue.
 */
public final class DynamicFrame {
    private final DataFrame frame;
    private final String name;

    private DynamicFrame(DataFrame frame, String name) {
        this.frame = requireNonNull(frame, "frame");
        this.name = requireNonNull(name, "name");
    }

    /** Glue's {@code DynamicFrame.fromDF(df, glueContext, name)}: wraps the plan, reads nothing. */
    public static DynamicFrame fromDF(DataFrame frame, String name) { return new DynamicFrame(frame, name); }

    public DataFrame toDF() { return frame; }

    public String name() { return name; }

    public long count() { return frame.count(); }

    public StructType schema() { return frame.schema(); }

    /** Glue's schema tree: {@code root}, then {@code |-- name: type} lines. */
    public String schemaString() {
        StringBuilder sb = new StringBuilder("root\n");
        for (StructField f : schema().fields()) appendField(sb, "|", f.name(), f.dataType());
        return sb.toString();
    }

    public void printSchema() { System.out.print(schemaString()); }

    /** Glue's show: the first {@code n} records as JSON objects, one per line. */
    public String showString(int n) {
        StringBuilder sb = new StringBuilder();
        for (String line : GlueJson.records(frame, n)) sb.append(line).append('\n');
        return sb.toString();
    }

    public void show(int n) { System.out.print(showString(n)); }

    public void show() { show(20); }

    private static void appendField(StringBuilder sb, String prefix, String name, DataType type) {
        sb.append(prefix).append("-- ").append(name).append(": ").append(glueTypeName(type)).append('\n');
        if (type instanceof StructType s) {
            for (StructField f : s.fields()) appendField(sb, prefix + "    |", f.name(), f.dataType());
        } else if (type instanceof ArrayType a && a.elementType().isNested()) {
            appendField(sb, prefix + "    |", "element", a.elementType());
        } else if (type instanceof MapType m && m.valueType().isNested()) {
            appendField(sb, prefix + "    |", "value", m.valueType());
        }
    }

    private static String glueTypeName(DataType type) {
        if (type instanceof ArrayType a) return a.elementType().isNested() ? "array" : "array<" + a.elementType().typeName() + ">";
        if (type instanceof MapType m) return m.valueType().isNested() ? "map" : "map<" + m.valueType().typeName() + ">";
        return type.typeName();
    }
}
