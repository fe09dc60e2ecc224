package dev.sluice.glue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The transform that made a DynamicFrame: a unique id (stamped into the error records it creates, so
 * stageErrorsCount can tell them apart), the transform's Glue name, its options and the input frames.
 */
record Stage(int id, String transform, TransformOptions options, List<DynamicFrame> parents) {
    private static final AtomicInteger NEXT = new AtomicInteger();

    Stage {
        parents = List.copyOf(parents);
    }

    static Stage next(String transform, TransformOptions options, DynamicFrame... parents) {
        return new Stage(NEXT.incrementAndGet(), transform, options, List.of(parents));
    }
}
