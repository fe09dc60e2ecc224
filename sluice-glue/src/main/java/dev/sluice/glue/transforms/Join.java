package dev.sluice.glue.transforms;

import dev.sluice.glue.*;

import java.util.List;


/** Glue's Join: {@code Join.apply(frame1, frame2, keys1, keys2)}; like the Python class it takes no transformationContext. */
public final class Join {
    private Join() {}

    public static DynamicFrame apply(DynamicFrame frame1, DynamicFrame frame2, List<String> keys1, List<String> keys2) {
        return frame1.join(keys1, keys2, frame2);
    }

    public static DynamicFrame apply(DynamicFrame frame1, DynamicFrame frame2, String key1, String key2) {
        return frame1.join(List.of(key1), List.of(key2), frame2);
    }
}
