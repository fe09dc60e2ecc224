package dev.sluice.types;

/** Spark's {@code tinyint} (8-bit signed). Held in int vectors (width-tagged). Use the singleton {@link DataTypes}. */
public record ByteType() implements DataType {
    @Override public String simpleString() { return "tinyint"; }
    @Override public String typeName() { return "byte"; }
    @Override public String sql() { return "TINYINT"; }
    @Override public String toString() { return simpleString(); }
}
