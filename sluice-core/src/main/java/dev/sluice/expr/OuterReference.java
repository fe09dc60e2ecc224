package dev.sluice.expr;

import dev.sluice.types.DataType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code col("x").outer()} (Spark 4): an expression over the columns of the outer query, written inside the right
 * side of a lateral join. It has no children on purpose: the names in {@code expr} belong to the outer query, so the
 * analyzer must not resolve them against the plan the reference sits in; the lateral join rewrites it into a column of
 * the outer rows ({@code dev.sluice.LateralJoins}). One left anywhere else is refused by the analyzer.
 */
public record OuterReference(Expression expr) implements Expression {
    public OuterReference {
        requireNonNull(expr, "expr");
    }

    @Override public DataType dataType() { throw Expression.unresolved(this); }

    @Override public boolean nullable() { return true; }

    @Override public boolean resolved() { return false; }

    @Override public List<Expression> children() { return List.of(); }

    @Override public Expression withChildren(List<Expression> children) { return this; }

    @Override public String sql() { return "outer(" + expr.sql() + ")"; }

    @Override public ColumnVector evaluate(Batch batch) { throw Expression.unresolved(this); }
}
