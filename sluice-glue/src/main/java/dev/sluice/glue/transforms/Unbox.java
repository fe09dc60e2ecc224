package dev.sluice.glue.transforms;

import dev.sluice.glue.*;


import java.util.Map;

/** Glue's Unbox: parses a string field (json or csv) into a struct in place. */
public final class Unbox {
    private Unbox() {}

    public static DynamicFrame apply(DynamicFrame frame, String path, String format) { return frame.unbox(path, format); }

    public static DynamicFrame apply(DynamicFrame frame, String path, String format, Map<String, String> options, TransformOptions t) {
        return frame.unbox(path, format, options, t);
    }
}
