package dev.sluice.types;

import static java.util.Objects.requireNonNull;

/**
 * Spark's {@code string}, with its collation ({@code string collate UTF8_LCASE}); {@link DataTypes#STRING} is the
 * default {@code UTF8_BINARY} one. Two string types are equal when their collations are.
 */
public record StringType(Collation collation) implements DataType {
    public StringType {
        requireNonNull(collation, "collation");
    }

    public StringType() { this(Collation.UTF8_BINARY); }

    /** The string type of {@code collation}: the shared default instance for UTF8_BINARY. */
    public static StringType of(Collation collation) {
        return collation.equals(Collation.UTF8_BINARY) ? DataTypes.STRING : new StringType(collation);
    }

    /** Plain UTF8_BINARY: compared, grouped and hashed by its bytes. */
    public boolean isBinary() { return collation.isBinary(); }

    /** Exactly the default {@code UTF8_BINARY} (not its RTRIM form). */
    public boolean isDefault() { return collation.equals(Collation.UTF8_BINARY); }

    @Override public String simpleString() { return isDefault() ? "string" : "string collate " + collation.name(); }
    @Override public String typeName() { return simpleString(); }
    @Override public String sql() { return isDefault() ? "STRING" : "STRING COLLATE " + collation.name(); }
    @Override public String toString() { return simpleString(); }

    /** The generated equality written out, sparing the planning its bootstrap (docs/design.md, "The main thread
     * before a query's first task"). */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof StringType that
                && java.util.Objects.equals(collation, that.collation);
    }
}
