package dev.sluice.types;

/** Spark's {@code binary}. Use the singleton {@link DataTypes}. */
public record BinaryType() implements DataType {
    @Override public String simpleString() { return "binary"; }
    @Override public String typeName() { return "binary"; }
    @Override public String sql() { return "BINARY"; }
    @Override public String toString() { return simpleString(); }
}
