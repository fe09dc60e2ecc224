package dev.sluice.glue.transforms;

import dev.sluice.glue.*;

import java.util.List;


/** Glue's SelectFields: keeps the given top-level fields. */
public final class SelectFields {
    private SelectFields() {}

    public static DynamicFrame apply(DynamicFrame frame, List<String> paths) { return frame.selectFields(paths, TransformOptions.DEFAULT); }

    public static DynamicFrame apply(DynamicFrame frame, List<String> paths, TransformOptions options) { return frame.selectFields(paths, options); }
}
