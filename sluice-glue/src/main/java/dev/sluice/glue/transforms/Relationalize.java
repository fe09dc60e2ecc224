package dev.sluice.glue.transforms;

import dev.sluice.glue.*;




/** Glue's Relationalize: the root table (default name "roottable") and one table per array. */
public final class Relationalize {
    private Relationalize() {}

    public static DynamicFrameCollection apply(DynamicFrame frame, String stagingPath) { return frame.relationalize("roottable", stagingPath); }

    public static DynamicFrameCollection apply(DynamicFrame frame, String stagingPath, String name, TransformOptions options) {
        return frame.relationalize(name, stagingPath, options);
    }
}
