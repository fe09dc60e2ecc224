package dev.sluice.types;

import static java.util.Objects.requireNonNull;

/** A map from non-null {@code keyType} keys to {@code valueType} values. */
public record MapType(DataType keyType, DataType valueType, boolean valueContainsNull) implements DataType {
    public MapType {
        requireNonNull(keyType, "keyType");
        requireNonNull(valueType, "valueType");
    }

    public static MapType of(DataType keyType, DataType valueType) { return new MapType(keyType, valueType, true); }

    @Override public String simpleString() { return "map<" + keyType.simpleString() + "," + valueType.simpleString() + ">"; }
    @Override public String typeName() { return "map"; }
    @Override public String sql() { return "MAP<" + keyType.sql() + ", " + valueType.sql() + ">"; }
    @Override public String toString() { return simpleString(); }

    // without recursion: schemas thousands of levels deep must not overflow the stack (TypeEquality)
    @Override public boolean equals(Object o) { return o instanceof MapType m && TypeEquality.equal(this, m); }

    @Override public int hashCode() { return TypeEquality.hash(this); }
}
