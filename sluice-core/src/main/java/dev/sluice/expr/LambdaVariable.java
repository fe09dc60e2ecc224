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

    /** Spark's text for every lambda variable (its pretty SQL has no name in it). */
    static final String SQL = "namedlambdavariable()";

    /** A stand-in that prints as a lambda variable, for the text of a lambda not yet bound. */
    static LambdaVariable shown() { return new LambdaVariable("", -1, dev.sluice.types.DataTypes.NULL, true); }

    @Override public String sql() { return SQL; }

    @Override public ColumnVector evaluate(Batch batch) { return LambdaScope.value(this); }
}
