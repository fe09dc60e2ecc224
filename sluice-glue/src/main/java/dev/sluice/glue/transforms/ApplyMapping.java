package dev.sluice.glue.transforms;

import dev.sluice.glue.*;

import java.util.List;


/** Glue's ApplyMapping: {@code ApplyMapping.apply(frame, mappings)}; case-insensitive by default, as the Python class. */
public final class ApplyMapping {
    private ApplyMapping() {}

    public static DynamicFrame apply(DynamicFrame frame, List<Mapping> mappings) { return frame.applyMapping(mappings, false); }

    public static DynamicFrame apply(DynamicFrame frame, List<Mapping> mappings, boolean caseSensitive, TransformOptions options) {
        return frame.applyMapping(mappings, caseSensitive, options);
    }
}
