package dev.sluice.types;

/** Renders a schema the way Spark's {@code printSchema()} does. */
final class SchemaTree {
    private SchemaTree() {}

    static String render(StructType schema) {
        StringBuilder sb = new StringBuilder("root\n");
        for (StructField field : schema.fields()) appendField(sb, " |", field);
        return sb.toString();
    }

    private static void appendField(StringBuilder sb, String prefix, StructField field) {
        sb.append(prefix).append("-- ").append(field.name()).append(": ").append(field.dataType().typeName())
          .append(" (nullable = ").append(field.nullable()).append(")\n");
        appendChildren(sb, prefix + "    |", field.dataType());
    }

    private static void appendChildren(StringBuilder sb, String prefix, DataType type) {
        if (type instanceof StructType struct) {
            for (StructField child : struct.fields()) appendField(sb, prefix, child);
        } else if (type instanceof ArrayType array) {
            sb.append(prefix).append("-- element: ").append(array.elementType().typeName())
              .append(" (containsNull = ").append(array.containsNull()).append(")\n");
            appendChildren(sb, prefix + "    |", array.elementType());
        } else if (type instanceof MapType map) {
            sb.append(prefix).append("-- key: ").append(map.keyType().typeName()).append('\n');
            appendChildren(sb, prefix + "    |", map.keyType());
            sb.append(prefix).append("-- value: ").append(map.valueType().typeName())
              .append(" (valueContainsNull = ").append(map.valueContainsNull()).append(")\n");
            appendChildren(sb, prefix + "    |", map.valueType());
        }
    }
}
