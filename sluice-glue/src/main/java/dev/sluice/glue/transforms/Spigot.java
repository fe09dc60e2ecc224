package dev.sluice.glue.transforms;

import dev.sluice.glue.*;


import java.util.Map;

/** Glue's Spigot: passes through and writes a sample (options topk, prob). */
public final class Spigot {
    private Spigot() {}

    public static DynamicFrame apply(DynamicFrame frame, String path, Map<String, String> options) { return frame.spigot(path, options); }
}
