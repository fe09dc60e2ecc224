package dev.sluice.types;

/** Spark's {@code string}. Use the singleton {@link DataTypes}. */
public record StringType() implements DataType {
    @Override public String simpleString() { return "string"; }
    @Override public String typeName() { return "string"; }
    @Override public String sql() { return "STRING"; }
    @Override public String toString() { return simpleString(); }
}
