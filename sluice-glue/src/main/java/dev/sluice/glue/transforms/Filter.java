package dev.sluice.glue.transforms;

import dev.sluice.glue.*;




/** Glue's Filter: keeps the records for which the function is true. */
public final class Filter {
    private Filter() {}

    public static DynamicFrame apply(DynamicFrame frame, java.util.function.Predicate<DynamicRecord> f) { return frame.filter(f); }

    public static DynamicFrame apply(DynamicFrame frame, java.util.function.Predicate<DynamicRecord> f, TransformOptions options) {
        return frame.filter(f, options);
    }
}
