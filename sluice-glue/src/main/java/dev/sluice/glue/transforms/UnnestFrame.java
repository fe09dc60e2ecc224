package dev.sluice.glue.transforms;

import dev.sluice.glue.*;




/** Glue's UnnestFrame: structs flattened into dotted names. */
public final class UnnestFrame {
    private UnnestFrame() {}

    public static DynamicFrame apply(DynamicFrame frame) { return frame.unnest(); }

    public static DynamicFrame apply(DynamicFrame frame, TransformOptions options) { return frame.unnest(options); }
}
