package dev.sluice.glue.transforms;

import dev.sluice.glue.*;

import java.util.List;


/** Glue's SplitFields: the named frames default to frame1 and frame2. */
public final class SplitFields {
    private SplitFields() {}

    public static DynamicFrameCollection apply(DynamicFrame frame, List<String> paths) { return frame.splitFields(paths, "frame1", "frame2"); }

    public static DynamicFrameCollection apply(DynamicFrame frame, List<String> paths, String name1, String name2, TransformOptions options) {
        return frame.splitFields(paths, name1, name2, options);
    }
}
