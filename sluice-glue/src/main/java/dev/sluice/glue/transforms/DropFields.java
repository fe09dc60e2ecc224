package dev.sluice.glue.transforms;

import dev.sluice.glue.*;

import java.util.List;


/** Glue's DropFields: drops the given full paths. */
public final class DropFields {
    private DropFields() {}

    public static DynamicFrame apply(DynamicFrame frame, List<String> paths) { return frame.dropFields(paths, TransformOptions.DEFAULT); }

    public static DynamicFrame apply(DynamicFrame frame, List<String> paths, TransformOptions options) { return frame.dropFields(paths, options); }
}
