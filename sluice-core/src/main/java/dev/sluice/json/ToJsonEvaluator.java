package dev.sluice.json;

import dev.sluice.error.SluiceException;
import dev.sluice.vector.ColumnVector;

/** Evaluates to_json over a struct, array or map vector as Spark writes JSON. */
public final class ToJsonEvaluator {
    private ToJsonEvaluator() {}

    public static ColumnVector evaluate(ColumnVector input, JsonOptions options) {
        throw SluiceException.internal("to_json is not wired yet");
    }
}
