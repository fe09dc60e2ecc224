package dev.sluice.expr;

import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.vector.Batch;
import dev.sluice.vector.BooleanVector;
import dev.sluice.vector.ColumnVector;

import java.util.List;

/**
 * Three-valued AND: FALSE wins over NULL. The right side is evaluated only on rows where the left is not
 * FALSE, as Spark short-circuits, so an error on the right cannot fire for rows the left already rejects.
 */
public record And(Expression left, Expression right) implements Expression {
    @Override public DataType dataType() { return DataTypes.BOOLEAN; }

    @Override public boolean nullable() { return left.nullable() || right.nullable(); }

    @Override public List<Expression> children() { return List.of(left, right); }

    @Override public Expression withChildren(List<Expression> children) {
        Expressions.expectArity(children, 2);
        return new And(children.get(0), children.get(1));
    }

    @Override public String sql() { return "(" + left.sql() + " AND " + right.sql() + ")"; }

    @Override public ColumnVector evaluate(Batch batch) {
        return Logic.combine(left, right, batch, false);
    }
}
