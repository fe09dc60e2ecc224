package dev.sluice.glue.types;

import static java.util.Objects.requireNonNull;

/** A named field of a {@link GlueStruct}. Names are raw: dots and spaces are part of the name. */
public record GlueField(String name, GlueType type) {
    public GlueField {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
    }
}
