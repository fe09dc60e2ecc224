package dev.sluice.types;

/** Spark's {@code smallint} (16-bit signed). Held in int vectors (width-tagged). Use the singleton {@link DataTypes}. */
public record ShortType() implements DataType {
    @Override public String simpleString() { return "smallint"; }
    @Override public String typeName() { return "short"; }
    @Override public String sql() { return "SMALLINT"; }
    @Override public String toString() { return simpleString(); }
}
