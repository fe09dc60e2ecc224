package dev.sluice.expr;

import dev.sluice.types.DataType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code cast(child AS to)} with Spark 4.1's rules: {@link EvalMode#ANSI} raises CAST_INVALID_INPUT or
 * CAST_OVERFLOW, {@link EvalMode#TRY} ({@code try_cast}) returns NULL, {@link EvalMode#LEGACY} follows
 * Spark's non-ANSI rules. The conversions themselves live in {@link Casts}.
 */
public record Cast(Expression child, DataType to, EvalMode mode) implements Expression {
    public Cast {
        requireNonNull(child, "child");
        requireNonNull(to, "to");
        requireNonNull(mode, "mode");
    }

    public Cast(Expression child, DataType to) { this(child, to, EvalMode.ANSI); }

    @Override public DataType dataType() { return to; }

    /** As Spark: a cast may turn a value into NULL where it can fail softly (TRY) or Spark says it may. */
    @Override public boolean nullable() {
        if (child.nullable() || Casts.mayFail(child.dataType(), to)) return true;
        return mode == EvalMode.TRY && !child.dataType().equals(to);
    }

    @Override public List<Expression> children() { return List.of(child); }

    @Override public Expression withChildren(List<Expression> children) { return new Cast(Expressions.only(children), to, mode); }

    @Override public String sql() {
        return (mode == EvalMode.TRY ? "TRY_CAST(" : "CAST(") + child.sql() + " AS " + to.sql() + ")";
    }

    @Override public ColumnVector evaluate(Batch batch) {
        ColumnVector in = child.evaluate(batch);
        return Casts.cast(in, to, mode);
    }
}
