package dev.sluice.glue.transforms;

import dev.sluice.glue.*;




/** Glue's MapToCollection: a function over every frame of a collection, called with (frame, ctx + ":" + key). */
public final class MapToCollection {
    private MapToCollection() {}

    public static DynamicFrameCollection apply(DynamicFrameCollection frames, java.util.function.BiFunction<DynamicFrame, String, DynamicFrame> f,
                                               String transformationContext) {
        return frames.map(f, transformationContext);
    }
}
