package dev.sluice.glue.transforms;

import dev.sluice.glue.*;




/**
 * Glue's FlatMap: applies a frame transform to every frame of a collection; the results stay a collection
 * (keyed by the result frames' names), as Glue documents.
 */
public final class FlatMap {
    private FlatMap() {}

    public static DynamicFrameCollection apply(DynamicFrameCollection frames, java.util.function.UnaryOperator<DynamicFrame> transform) {
        return frames.flatMap((frame, ctx) -> transform.apply(frame), "");
    }

    public static DynamicFrameCollection apply(DynamicFrameCollection frames, java.util.function.BiFunction<DynamicFrame, String, DynamicFrame> transform,
                                               String transformationContext) {
        return frames.flatMap((frame, ctx) -> transform.apply(frame, ctx), transformationContext);
    }
}
