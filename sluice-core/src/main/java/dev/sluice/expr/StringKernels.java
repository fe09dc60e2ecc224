package dev.sluice.expr;

import dev.sluice.error.SluiceException;
import dev.sluice.vector.ColumnVector;

/** Vectorized implementations of {@link StringFunction.Kind}, with Spark's semantics. */
final class StringKernels {
    private StringKernels() {}

    static ColumnVector evaluate(StringFunction.Kind kind, ColumnVector[] args, int rows) {
        throw SluiceException.internal("string function " + kind.sqlName() + " has no kernel yet");
    }
}
