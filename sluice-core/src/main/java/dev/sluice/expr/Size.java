package dev.sluice.expr;

import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.vector.ArrayVector;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.IntVector;

import java.util.List;

/**
 * {@code size(array or map)}: the number of elements. For NULL input Spark 4 (ANSI) returns NULL; with
 * {@code legacySizeOfNull} (Spark 3.5's default) it returns -1.
 */
public record Size(Expression child, boolean legacySizeOfNull) implements Expression {
    public Size(Expression child) { this(child, false); }

    @Override public DataType dataType() { return DataTypes.INT; }

    @Override public boolean nullable() { return !legacySizeOfNull && child.nullable(); }

    @Override public List<Expression> children() { return List.of(child); }

    @Override public Expression withChildren(List<Expression> children) {
        return new Size(Expressions.only(children), legacySizeOfNull);
    }

    @Override public String sql() { return "size(" + child.sql() + ")"; }

    @Override public ColumnVector evaluate(Batch batch) {
        ColumnVector in = child.evaluate(batch);
        int n = batch.rowCount();
        if (in instanceof ArrayVector arrays && !arrays.mayHaveNulls()) {
            // the common case (from_json's arrays with no null row): the lengths in one loop over the ends, no appends
            int[] lengths = new int[Math.max(n, 1)];
            for (int i = 0; i < n; i++) lengths[i] = arrays.arrayLength(i);
            return IntVector.adopt(DataTypes.INT, lengths, null, n);
        }
        IntVector out = new IntVector(DataTypes.INT, n);
        for (int i = 0; i < n; i++) {
            if (!in.isNull(i)) out.append(in.arrayLength(i));
            else if (legacySizeOfNull) out.append(-1);
            else out.appendNull();
        }
        return out;
    }
}
