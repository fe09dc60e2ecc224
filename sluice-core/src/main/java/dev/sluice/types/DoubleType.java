package dev.sluice.types;

/** Spark's {@code double}. Use the singleton {@link DataTypes}. */
public record DoubleType() implements DataType {
    @Override public String simpleString() { return "double"; }
    @Override public String typeName() { return "double"; }
    @Override public String sql() { return "DOUBLE"; }
    @Override public String toString() { return simpleString(); }

    /** The generated equality written out, sparing the planning its bootstrap (docs/design.md, "The main thread
     * before a query's first task"). */
    @Override
    public boolean equals(Object o) {
        return o instanceof DoubleType;
    }
}
