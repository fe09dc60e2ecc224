package dev.sluice.types;

/** Spark's {@code bigint}. Use the singleton {@link DataTypes}. */
public record LongType() implements DataType {
    @Override public String simpleString() { return "bigint"; }
    @Override public String typeName() { return "long"; }
    @Override public String sql() { return "BIGINT"; }
    @Override public String toString() { return simpleString(); }

    /** The generated equality written out, sparing the planning its bootstrap (docs/design.md, "The main thread
     * before a query's first task"). */
    @Override
    public boolean equals(Object o) {
        return o instanceof LongType;
    }
}
