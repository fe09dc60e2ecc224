package dev.sluice.glue.types;

import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;

import static java.util.Objects.requireNonNull;

/** Glue's array: its element type (merged over every element of every record). */
public record GlueArray(GlueType element) implements GlueType {
    public GlueArray { requireNonNull(element, "element"); }

    @Override public String typeName() { return "array"; }

    @Override public DataType dataType() { return new ArrayType(element.dataType(), true); }
}
