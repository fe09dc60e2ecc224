package dev.sluice.glue.transforms;

import dev.sluice.glue.*;




/** Glue's Union (the Python class is broken; this one forwards to DynamicFrame.union). */
public final class Union {
    private Union() {}

    public static DynamicFrame apply(DynamicFrame frame1, DynamicFrame frame2) { return frame1.union(frame2); }
}
