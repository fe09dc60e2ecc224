package dev.sluice.expr;

import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.MapType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.util.List;

/**
 * {@code element_at(array, index)}: 1-based, negative counts from the end, 0 is an error; out of range is an
 * error under ANSI, NULL otherwise. {@code element_at(map, key)}: the value, NULL when the key is missing.
 */
public record ElementAt(Expression child, Expression key, EvalMode mode) implements Expression {
    public ElementAt(Expression child, Expression key) { this(child, key, EvalMode.ANSI); }

    @Override public DataType dataType() {
        DataType t = child.dataType();
        if (t instanceof ArrayType a) return a.elementType();
        if (t instanceof MapType m) return m.valueType();
        throw Expression.unresolved(this);
    }

    @Override public boolean nullable() { return true; }

    @Override public List<Expression> children() { return List.of(child, key); }

    @Override public Expression withChildren(List<Expression> children) {
        Expressions.expectArity(children, 2);
        return new ElementAt(children.get(0), children.get(1), mode);
    }

    @Override public String sql() {
        return (mode == EvalMode.TRY ? "try_element_at(" : "element_at(") + child.sql() + ", " + key.sql() + ")";
    }

    @Override public ColumnVector evaluate(Batch batch) {
        ColumnVector in = child.evaluate(batch);
        ColumnVector keys = key.evaluate(batch);
        return child.dataType() instanceof MapType m
                ? GetItem.lookupMap(in, keys, m, batch.rowCount())
                : GetItem.indexArray(in, keys, batch.rowCount(), true, mode);
    }
}
