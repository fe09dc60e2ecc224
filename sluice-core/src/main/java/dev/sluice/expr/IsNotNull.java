package dev.sluice.expr;

import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.vector.Batch;
import dev.sluice.vector.BooleanVector;
import dev.sluice.vector.ColumnVector;

import java.util.List;

/** {@code isNotNull()}: never NULL itself. */
public record IsNotNull(Expression child) implements Expression {
    @Override public DataType dataType() { return DataTypes.BOOLEAN; }

    @Override public boolean nullable() { return false; }

    @Override public List<Expression> children() { return List.of(child); }

    @Override public Expression withChildren(List<Expression> children) { return new IsNotNull(Expressions.only(children)); }

    @Override public String sql() { return "(" + child.sql() + " IS NOT NULL)"; }

    @Override public ColumnVector evaluate(Batch batch) {
        ColumnVector in = child.evaluate(batch);
        int n = batch.rowCount();
        BooleanVector out = new BooleanVector(DataTypes.BOOLEAN, n);
        for (int i = 0; i < n; i++) out.append(!in.isNull(i));
        return out;
    }

    /** The generated equality written out, sparing the planning its bootstrap (docs/design.md, "The main thread
     * before a query's first task"). */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof IsNotNull that
                && java.util.Objects.equals(child, that.child);
    }
}
