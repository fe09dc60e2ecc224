package dev.sluice.glue.types;

import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;

/** Glue's {@code null} type: a field with no non-null value anywhere. Merged with any type T it gives T. */
public record GlueNull() implements GlueType {
    public static final GlueNull INSTANCE = new GlueNull();

    @Override public String typeName() { return "null"; }

    @Override public DataType dataType() { return DataTypes.NULL; }
}
