package dev.sluice.expr;

import dev.sluice.error.SluiceException;
import dev.sluice.types.DataType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A call of an aggregate function in an aggregation's output: {@code sum(x)}, {@code count(DISTINCT a)}.
 * Only an Aggregate node may hold one (the analyzer rejects it elsewhere); it is computed by the aggregate
 * operator, never evaluated row by row.
 */
public record AggregateExpression(AggregateFunction function, boolean distinct) implements Expression {
    public AggregateExpression {
        requireNonNull(function, "function");
    }

    @Override public DataType dataType() {
        if (!function.bound()) throw Expression.unresolved(this);
        return function.resultType();
    }

    @Override public boolean nullable() { return !function.bound() || function.nullable(); }

    @Override public boolean resolved() { return function.bound() && Expression.super.resolved(); }

    @Override public boolean foldable() { return false; }

    @Override public List<Expression> children() { return function.inputs(); }

    @Override public Expression withChildren(List<Expression> children) {
        return new AggregateExpression(function.withInputs(children), distinct);
    }

    @Override public String sql() { return function.sql(distinct); }

    @Override public ColumnVector evaluate(Batch batch) {
        throw SluiceException.internal("aggregate " + sql() + " was evaluated outside an aggregation");
    }
}
