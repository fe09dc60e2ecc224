package dev.sluice.types;

/**
 * Spark 4's {@code variant}: a semi-structured value (JSON's null, booleans, numbers, strings, arrays and objects)
 * kept without a schema. Sluice holds a variant as its canonical JSON text (objects' keys sorted, no spaces, as
 * Spark renders one); its Java value (see {@link Row}) is that text. Use the singleton {@link DataTypes#VARIANT}.
 */
public record VariantType() implements DataType {
    @Override public String simpleString() { return "variant"; }
    @Override public String sql() { return "VARIANT"; }
    @Override public String toString() { return simpleString(); }
}
