package dev.sluice.types;

import static java.util.Objects.requireNonNull;

/** One named field of a {@link StructType}. */
public record StructField(String name, DataType dataType, boolean nullable) {
    public StructField {
        requireNonNull(name, "name");
        requireNonNull(dataType, "dataType");
    }

    public static StructField of(String name, DataType dataType) { return new StructField(name, dataType, true); }

    public StructField withName(String newName) { return new StructField(newName, dataType, nullable); }

    public StructField withType(DataType newType) { return new StructField(name, newType, nullable); }

    @Override public String toString() { return name + ":" + dataType.simpleString(); }

    // without recursion: schemas thousands of levels deep must not overflow the stack (TypeEquality)
    @Override public boolean equals(Object o) { return o instanceof StructField f && TypeEquality.equal(this, f); }

    @Override public int hashCode() { return TypeEquality.hash(this); }
}
