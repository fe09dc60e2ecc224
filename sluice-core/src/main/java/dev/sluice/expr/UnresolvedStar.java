package dev.sluice.expr;

import dev.sluice.types.DataType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.util.List;

/** {@code col("*")}: every column of the input; the analyzer expands it. */
public record UnresolvedStar() implements Expression {
    @Override public DataType dataType() { throw Expression.unresolved(this); }
    @Override public boolean nullable() { return true; }
    @Override public boolean resolved() { return false; }
    @Override public List<Expression> children() { return List.of(); }
    @Override public Expression withChildren(List<Expression> children) { return this; }
    @Override public String sql() { return "*"; }
    @Override public ColumnVector evaluate(Batch batch) { throw Expression.unresolved(this); }
}
