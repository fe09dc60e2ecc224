package dev.sluice.types;

import static java.util.Objects.requireNonNull;

/** A list of {@code elementType} values; {@code containsNull} says whether elements may be null. */
public record ArrayType(DataType elementType, boolean containsNull) implements DataType {
    public ArrayType { requireNonNull(elementType, "elementType"); }

    public static ArrayType of(DataType elementType) { return new ArrayType(elementType, true); }

    @Override public String simpleString() { return "array<" + elementType.simpleString() + ">"; }
    @Override public String typeName() { return "array"; }
    @Override public String sql() { return "ARRAY<" + elementType.sql() + ">"; }
    @Override public String toString() { return simpleString(); }

    // without recursion: schemas thousands of levels deep must not overflow the stack (TypeEquality)
    @Override public boolean equals(Object o) { return o instanceof ArrayType a && TypeEquality.equal(this, a); }

    @Override public int hashCode() { return TypeEquality.hash(this); }
}
