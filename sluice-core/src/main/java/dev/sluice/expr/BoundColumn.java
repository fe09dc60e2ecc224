package dev.sluice.expr;

import dev.sluice.types.DataType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.util.List;

/** Column {@code index} of the input batch: a {@link ColumnRef} after physical planning. */
public record BoundColumn(int index, String name, DataType dataType, boolean nullable) implements Expression {
    @Override public List<Expression> children() { return List.of(); }

    @Override public Expression withChildren(List<Expression> children) { return this; }

    @Override public String sql() { return name; }

    @Override public ColumnVector evaluate(Batch batch) { return batch.column(index); }
}
