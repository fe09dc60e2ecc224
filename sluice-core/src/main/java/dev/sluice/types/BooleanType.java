package dev.sluice.types;

/** Spark's {@code boolean}. Use the singleton {@link DataTypes}. */
public record BooleanType() implements DataType {
    @Override public String simpleString() { return "boolean"; }
    @Override public String typeName() { return "boolean"; }
    @Override public String sql() { return "BOOLEAN"; }
    @Override public String toString() { return simpleString(); }
}
