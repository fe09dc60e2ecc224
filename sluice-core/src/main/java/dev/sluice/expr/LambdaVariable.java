package dev.sluice.expr;

import dev.sluice.types.DataType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A parameter of a bound lambda ({@code x} in {@code x -> x + 1}), typed from the higher-order function's input.
 * {@code id} tells apart variables of the same name in nested lambdas. Its values are the ones the enclosing
 * {@link HigherOrderFunction} puts in the {@link LambdaScope} while it evaluates the lambda's body.
 */
public record LambdaVariable(String name, long id, DataType dataType, boolean nullable) implements Expression {
    public LambdaVariable {
        requireNonNull(name, "name");
        requireNonNull(dataType, "dataType");
    }

    @Override public List<Expression> children() { return List.of(); }

    @Override public Expression withChildren(List<Expression> children) { return this; }

    @Override public boolean foldable() { return false; }

    @Override public String sql() { return name; }

    @Override public ColumnVector evaluate(Batch batch) { return LambdaScope.value(this); }
}
