package dev.sluice.types;

/** Spark's {@code float}. Use the singleton {@link DataTypes}. */
public record FloatType() implements DataType {
    @Override public String simpleString() { return "float"; }
    @Override public String typeName() { return "float"; }
    @Override public String sql() { return "FLOAT"; }
    @Override public String toString() { return simpleString(); }
}
