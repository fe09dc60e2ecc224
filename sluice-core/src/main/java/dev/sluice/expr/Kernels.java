package dev.sluice.expr;

import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.vector.Batch;
import dev.sluice.vector.BooleanVector;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.ConstantVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

/** Loops shared by expression evaluators: null handling, evaluating on a subset of rows. */
final class Kernels {
    private Kernels() {}

    interface RowWriter {
        /** Appends the result for a non-null input row to {@code out}. */
        void write(int row, FlatVector out);
    }

    /** Null in, null out; otherwise {@code writer} appends the row's result. */
    static FlatVector mapNonNull(ColumnVector in, DataType resultType, RowWriter writer) {
        int n = in.size();
        FlatVector out = Vectors.allocate(resultType, n);
        for (int i = 0; i < n; i++) {
            if (in.isNull(i)) out.appendNull();
            else writer.write(i, out);
        }
        return out;
    }

    /** Null if any input is null; otherwise {@code writer} appends. */
    static FlatVector mapNonNull(ColumnVector a, ColumnVector b, DataType resultType, RowWriter writer) {
        int n = a.size();
        FlatVector out = Vectors.allocate(resultType, n);
        for (int i = 0; i < n; i++) {
            if (a.isNull(i) || b.isNull(i)) out.appendNull();
            else writer.write(i, out);
        }
        return out;
    }

    static BooleanVector booleans(int n) { return new BooleanVector(DataTypes.BOOLEAN, n); }

    /**
     * Evaluates {@code e} only on {@code rows[0..count)} of {@code batch} and returns a vector aligned with
     * the whole batch where the other rows are null. Used where Spark does not evaluate a branch for rows
     * that do not take it (CASE WHEN, COALESCE, AND/OR), so an error there cannot fire on them.
     */
    static ColumnVector evaluateOn(Expression e, Batch batch, int[] rows, int count) {
        int n = batch.rowCount();
        if (count == n) return e.evaluate(batch);
        if (count == 0) return ConstantVector.of(e.dataType(), null, n);
        ColumnVector partial;
        // inside a lambda the variables' values are aligned with the batch's rows: select the same rows of them
        try (LambdaScope.Scope scope = LambdaScope.active() ? LambdaScope.enter(rows, count, java.util.Map.of()) : null) {
            partial = e.evaluate(batch.select(rows, count));
        }
        FlatVector out = Vectors.allocate(e.dataType(), n);
        int next = 0;
        for (int i = 0; i < n; i++) {
            if (next < count && rows[next] == i) out.appendFrom(partial, next++);
            else out.appendNull();
        }
        return out;
    }
}
