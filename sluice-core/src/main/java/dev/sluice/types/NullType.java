package dev.sluice.types;

/** Spark's {@code void}. Use the singleton {@link DataTypes}. */
public record NullType() implements DataType {
    @Override public String simpleString() { return "void"; }
    @Override public String typeName() { return "void"; }
    @Override public String sql() { return "VOID"; }
    @Override public String toString() { return simpleString(); }
}
