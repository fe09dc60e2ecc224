package dev.sluice.types;

/** Spark's {@code date}. Use the singleton {@link DataTypes}. */
public record DateType() implements DataType {
    @Override public String simpleString() { return "date"; }
    @Override public String typeName() { return "date"; }
    @Override public String sql() { return "DATE"; }
    @Override public String toString() { return simpleString(); }
}
