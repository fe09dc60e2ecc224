package dev.sluice.expr;

import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.util.List;

/** Three-valued OR: TRUE wins over NULL. The right side is evaluated only where the left is not TRUE. */
public record Or(Expression left, Expression right) implements Expression {
    @Override public DataType dataType() { return DataTypes.BOOLEAN; }

    @Override public boolean nullable() { return left.nullable() || right.nullable(); }

    @Override public List<Expression> children() { return List.of(left, right); }

    @Override public Expression withChildren(List<Expression> children) {
        Expressions.expectArity(children, 2);
        return new Or(children.get(0), children.get(1));
    }

    @Override public String sql() { return "(" + left.sql() + " OR " + right.sql() + ")"; }

    @Override public ColumnVector evaluate(Batch batch) {
        return Logic.combine(left, right, batch, true);
    }
}
