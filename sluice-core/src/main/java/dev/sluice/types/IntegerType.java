package dev.sluice.types;

/** Spark's {@code int}. Use the singleton {@link DataTypes}. */
public record IntegerType() implements DataType {
    @Override public String simpleString() { return "int"; }
    @Override public String typeName() { return "integer"; }
    @Override public String sql() { return "INT"; }
    @Override public String toString() { return simpleString(); }
}
