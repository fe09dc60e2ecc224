package dev.sluice.json;

import dev.sluice.error.SluiceException;
import dev.sluice.types.DataType;
import dev.sluice.vector.ColumnVector;

/** Evaluates from_json over a string vector with Spark's semantics. */
public final class FromJsonEvaluator {
    private FromJsonEvaluator() {}

    public static ColumnVector evaluate(ColumnVector input, DataType schema, JsonOptions options) {
        throw SluiceException.internal("from_json is not wired yet");
    }
}
