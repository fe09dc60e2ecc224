package dev.sluice.glue.types;

import java.util.Map;

/**
 * Glue's printSchema() text (GLUE.md §1.4): {@code root}, then {@code |-- name: type} lines from column 0, each
 * nesting level adding {@code |    }; arrays print an {@code element} child, maps {@code key}/{@code value}
 * children, choices their alternatives as bare type names in ascending order. Names print raw.
 */
final class SchemaText {
    private SchemaText() {}

    static String render(GlueStruct schema) {
        StringBuilder sb = new StringBuilder("root\n");
        for (GlueField f : schema.fields()) field(sb, "", f.name(), f.type());
        return sb.toString();
    }

    private static void field(StringBuilder sb, String indent, String name, GlueType type) {
        sb.append(indent).append("|-- ").append(name).append(": ").append(type.typeName()).append('\n');
        children(sb, indent + "|    ", type);
    }

    private static void children(StringBuilder sb, String indent, GlueType type) {
        if (type instanceof GlueStruct s) {
            for (GlueField f : s.fields()) field(sb, indent, f.name(), f.type());
        } else if (type instanceof GlueArray a) {
            field(sb, indent, "element", a.element());
        } else if (type instanceof GlueMap m) {
            sb.append(indent).append("|-- key: string\n");
            field(sb, indent, "value", m.value());
        } else if (type instanceof ChoiceType c) {
            for (Map.Entry<String, GlueType> e : c.alternatives().entrySet()) {
                sb.append(indent).append("|-- ").append(e.getKey()).append('\n');
                children(sb, indent + "|    ", e.getValue());
            }
        }
    }
}
