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
 * operator, never evaluated row by row. {@code calledName} is the name the user called it by when that is one of
 * Spark's other names for the same aggregate ({@code mean} for avg, {@code first_value} for first): Spark names
 * the column after it ({@code mean(x)}); null for the function's own name.
 */
public record AggregateExpression(AggregateFunction function, boolean distinct, String calledName) implements Expression {
    public AggregateExpression {
        requireNonNull(function, "function");
    }

    public AggregateExpression(AggregateFunction function, boolean distinct) { this(function, distinct, null); }

    /** The same call, named after {@code name} as Spark names an aggregate called by an alias. */
    public AggregateExpression calledAs(String name) { return new AggregateExpression(function, distinct, name); }

    /** The same call with or without DISTINCT. */
    public AggregateExpression withDistinct(boolean d) { return new AggregateExpression(function, d, calledName); }

    @Override public DataType dataType() {
        if (!function.bound()) throw Expression.unresolved(this);
        return function.resultType();
    }

    @Override public boolean nullable() { return !function.bound() || function.nullable(); }

    @Override public boolean resolved() { return function.bound() && Expression.super.resolved(); }

    @Override public boolean foldable() { return false; }

    @Override public List<Expression> children() { return function.inputs(); }

    @Override public Expression withChildren(List<Expression> children) {
        return new AggregateExpression(function.withInputs(children), distinct, calledName);
    }

    @Override public String sql() {
        String text = function.sql(distinct);
        String own = function.name() + "(";
        return calledName == null || !text.startsWith(own) ? text : calledName + text.substring(function.name().length());
    }

    @Override public ColumnVector evaluate(Batch batch) {
        throw SluiceException.internal("aggregate " + sql() + " was evaluated outside an aggregation");
    }

    /** The generated equality written out, sparing the planning its bootstrap (docs/design.md, "The main thread
     * before a query's first task"). */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof AggregateExpression that
                && java.util.Objects.equals(calledName, that.calledName)
                && distinct == that.distinct
                && java.util.Objects.equals(function, that.function);
    }
}
