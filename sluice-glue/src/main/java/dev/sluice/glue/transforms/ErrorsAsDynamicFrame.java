package dev.sluice.glue.transforms;

import dev.sluice.glue.*;




/** Glue's ErrorsAsDynamicFrame: the error records leading up to the frame. */
public final class ErrorsAsDynamicFrame {
    private ErrorsAsDynamicFrame() {}

    public static DynamicFrame apply(DynamicFrame frame) { return frame.errorsAsDynamicFrame(); }
}
