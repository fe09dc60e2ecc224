package dev.sluice.glue.transforms;

import dev.sluice.glue.*;




/** Glue's SelectFromCollection: one frame of a collection (an empty one for a missing key). */
public final class SelectFromCollection {
    private SelectFromCollection() {}

    public static DynamicFrame apply(DynamicFrameCollection frames, String key) { return frames.select(key); }
}
