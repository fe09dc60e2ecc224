package dev.sluice.glue.transforms;

import dev.sluice.glue.*;




/** Glue's DropNullFields: drops fields of type null. */
public final class DropNullFields {
    private DropNullFields() {}

    public static DynamicFrame apply(DynamicFrame frame) { return frame.dropNullFields(); }

    public static DynamicFrame apply(DynamicFrame frame, TransformOptions options) { return frame.dropNullFields(options); }
}
