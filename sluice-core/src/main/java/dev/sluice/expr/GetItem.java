package dev.sluice.expr;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.MapType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

import java.util.List;

/**
 * {@code col.getItem(key)}: element {@code key} (0-based) of an array, or the value for {@code key} of a map.
 * An array index out of range is an error under ANSI and NULL otherwise; a missing map key is NULL.
 */
public record GetItem(Expression child, Expression key, EvalMode mode) implements Expression {
    public GetItem(Expression child, Expression key) { this(child, key, EvalMode.ANSI); }

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
        return new GetItem(children.get(0), children.get(1), mode);
    }

    @Override public String sql() { return child.sql() + "[" + key.sql() + "]"; }

    @Override public ColumnVector evaluate(Batch batch) {
        ColumnVector in = child.evaluate(batch);
        ColumnVector keys = key.evaluate(batch);
        return child.dataType() instanceof MapType m
                ? lookupMap(in, keys, m, batch.rowCount())
                : indexArray(in, keys, batch.rowCount(), false, mode);
    }

    /**
     * Shared with element_at: the element at {@code keys} (0-based, or 1-based with negatives from the end
     * when {@code oneBased}). Out of range: error under ANSI, null otherwise.
     */
    static FlatVector indexArray(ColumnVector in, ColumnVector keys, int n, boolean oneBased, EvalMode mode) {
        ColumnVector elements = in.elements();
        FlatVector out = Vectors.allocate(elements.type(), n);
        for (int i = 0; i < n; i++) {
            if (in.isNull(i) || keys.isNull(i)) {
                out.appendNull();
                continue;
            }
            int length = in.arrayLength(i);
            long index = keys.type() instanceof dev.sluice.types.LongType ? keys.getLong(i) : keys.getInt(i);
            long position;
            if (oneBased) {
                if (index == 0) throw SluiceException.of(ErrorCode.INVALID_ELEMENT_AT_INDEX).build();
                position = index > 0 ? index - 1 : length + index;
            } else {
                position = index;
            }
            if (position < 0 || position >= length) {
                if (mode == EvalMode.ANSI) {
                    throw SluiceException.of(ErrorCode.INVALID_ARRAY_INDEX).with("index", index).with("size", length).build();
                }
                out.appendNull();
            } else {
                out.appendFrom(elements, in.arrayOffset(i) + (int) position);
            }
        }
        return out;
    }

    static FlatVector lookupMap(ColumnVector in, ColumnVector keys, MapType type, int n) {
        ColumnVector mapKeys = in.elements(), mapValues = in.mapValues();
        FlatVector out = Vectors.allocate(type.valueType(), n);
        for (int i = 0; i < n; i++) {
            int found = -1;
            if (!in.isNull(i) && !keys.isNull(i)) {
                int offset = in.arrayOffset(i), length = in.arrayLength(i);
                for (int k = 0; k < length && found < 0; k++) {
                    if (ValueComparator.compare(type.keyType(), mapKeys, offset + k, keys, i) == 0) found = offset + k;
                }
            }
            if (found < 0) out.appendNull();
            else out.appendFrom(mapValues, found);
        }
        return out;
    }
}
