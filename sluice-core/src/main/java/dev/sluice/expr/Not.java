package dev.sluice.expr;

import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.vector.Batch;
import dev.sluice.vector.BooleanVector;
import dev.sluice.vector.ColumnVector;

import java.util.List;

/** Logical NOT; NULL stays NULL. */
public record Not(Expression child) implements Expression {
    @Override public DataType dataType() { return DataTypes.BOOLEAN; }

    @Override public boolean nullable() { return child.nullable(); }

    @Override public List<Expression> children() { return List.of(child); }

    @Override public Expression withChildren(List<Expression> children) { return new Not(Expressions.only(children)); }

    @Override public String sql() { return "(NOT " + child.sql() + ")"; }

    @Override public ColumnVector evaluate(Batch batch) {
        ColumnVector in = child.evaluate(batch);
        return Kernels.mapNonNull(in, DataTypes.BOOLEAN, (i, out) -> ((BooleanVector) out).append(!in.getBoolean(i)));
    }
}
