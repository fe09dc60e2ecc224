package dev.sluice.types;

/** Spark's {@code timestamp}. Use the singleton {@link DataTypes}. */
public record TimestampType() implements DataType {
    @Override public String simpleString() { return "timestamp"; }
    @Override public String typeName() { return "timestamp"; }
    @Override public String sql() { return "TIMESTAMP"; }
    @Override public String toString() { return simpleString(); }
}
