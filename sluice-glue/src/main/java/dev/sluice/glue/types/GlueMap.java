package dev.sluice.glue.types;

import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.MapType;

import static java.util.Objects.requireNonNull;

/** Glue's map: string keys, values of {@code value} type. */
public record GlueMap(GlueType value) implements GlueType {
    public GlueMap { requireNonNull(value, "value"); }

    @Override public String typeName() { return "map"; }

    @Override public DataType dataType() { return new MapType(DataTypes.STRING, value.dataType(), true); }
}
