package dev.sluice.glue;

import static java.util.Objects.requireNonNull;

/**
 * The options every Glue transform takes: {@code transformationContext} (the bookmark key, also named in
 * threshold errors), {@code info} (attached to this transform's error records), and the error thresholds:
 * {@code stageThreshold} (the most error records this transform may produce) and {@code totalThreshold} (the
 * most in total, earlier transforms included). As in Glue, 0 means no limit.
 */
public record TransformOptions(String transformationContext, String info, long stageThreshold, long totalThreshold) {
    public static final TransformOptions DEFAULT = new TransformOptions("", "", 0, 0);

    public TransformOptions {
        requireNonNull(transformationContext, "transformationContext");
        requireNonNull(info, "info");
        if (stageThreshold < 0 || totalThreshold < 0) throw new IllegalArgumentException("thresholds are >= 0 (0 = no limit)");
    }

    public static TransformOptions context(String transformationContext) {
        return new TransformOptions(transformationContext, "", 0, 0);
    }

    public static TransformOptions thresholds(long stageThreshold, long totalThreshold) {
        return new TransformOptions("", "", stageThreshold, totalThreshold);
    }

    public TransformOptions withContext(String ctx) { return new TransformOptions(ctx, info, stageThreshold, totalThreshold); }

    public TransformOptions withInfo(String newInfo) { return new TransformOptions(transformationContext, newInfo, stageThreshold, totalThreshold); }

    boolean hasThresholds() { return stageThreshold > 0 || totalThreshold > 0; }
}
