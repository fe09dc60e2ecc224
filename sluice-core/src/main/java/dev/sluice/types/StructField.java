package dev.sluice.types;

import static java.util.Objects.requireNonNull;

/**
 * One named field of a {@link StructType}. {@code metadata}: Spark's column metadata as the text of a JSON object
 * ({@code withMetadata}, {@code alias(name, metadata)}), empty for none; it travels with the column through
 * projections and joins and is not part of equality (as Sluice compares schemas by names, types and nullability).
 */
public record StructField(String name, DataType dataType, boolean nullable, String metadata) {
    public StructField {
        requireNonNull(name, "name");
        requireNonNull(dataType, "dataType");
        metadata = metadata == null || metadata.isBlank() || metadata.strip().equals("{}") ? "" : metadata.strip();
    }

    public StructField(String name, DataType dataType, boolean nullable) { this(name, dataType, nullable, ""); }

    public StructField withMetadata(String newMetadata) { return new StructField(name, dataType, nullable, newMetadata); }

    public static StructField of(String name, DataType dataType) { return new StructField(name, dataType, true); }

    public StructField withName(String newName) { return new StructField(newName, dataType, nullable, metadata); }

    public StructField withType(DataType newType) { return new StructField(name, newType, nullable, metadata); }

    @Override public String toString() { return name + ":" + dataType.simpleString(); }

    // without recursion: schemas thousands of levels deep must not overflow the stack (TypeEquality)
    @Override public boolean equals(Object o) { return o instanceof StructField f && TypeEquality.equal(this, f); }

    @Override public int hashCode() { return TypeEquality.hash(this); }
}
