package dev.sluice.glue.transforms;

import dev.sluice.glue.*;




/** Glue's Map: applies a function to every record. */
public final class Map {
    private Map() {}

    public static DynamicFrame apply(DynamicFrame frame, java.util.function.Function<DynamicRecord, DynamicRecord> f) { return frame.map(f); }

    public static DynamicFrame apply(DynamicFrame frame, java.util.function.Function<DynamicRecord, DynamicRecord> f, TransformOptions options) {
        return frame.map(f, options);
    }
}
