package dev.sluice.glue.transforms;

import dev.sluice.glue.*;


import java.util.Map;

/** Glue's SplitRows: the named frames default to frame1 and frame2. */
public final class SplitRows {
    private SplitRows() {}

    public static DynamicFrameCollection apply(DynamicFrame frame, Map<String, Map<String, Object>> comparisons) {
        return frame.splitRows(comparisons, "frame1", "frame2");
    }

    public static DynamicFrameCollection apply(DynamicFrame frame, Map<String, Map<String, Object>> comparisons, String name1, String name2,
                                               TransformOptions options) {
        return frame.splitRows(comparisons, name1, name2, options);
    }
}
