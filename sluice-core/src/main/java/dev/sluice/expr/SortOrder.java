package dev.sluice.expr;

import dev.sluice.types.DataType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One key of an ordering: {@code col("x").desc()}. Spark's defaults: ascending puts nulls first, descending
 * puts them last; {@code asc_nulls_last()} and friends choose explicitly. Evaluates to its child's values.
 */
public record SortOrder(Expression child, boolean ascending, boolean nullsFirst) implements Expression {
    public SortOrder {
        requireNonNull(child, "child");
    }

    public static SortOrder asc(Expression child) { return new SortOrder(child, true, true); }

    public static SortOrder desc(Expression child) { return new SortOrder(child, false, false); }

    /** {@code e} as a sort key: itself if already one, else ascending with nulls first. */
    public static SortOrder of(Expression e) { return e instanceof SortOrder s ? s : asc(e); }

    @Override public DataType dataType() { return child.dataType(); }

    @Override public boolean nullable() { return child.nullable(); }

    @Override public boolean foldable() { return false; }

    @Override public List<Expression> children() { return List.of(child); }

    @Override public Expression withChildren(List<Expression> children) {
        return new SortOrder(Expressions.only(children), ascending, nullsFirst);
    }

    @Override public String sql() {
        return child.sql() + (ascending ? " ASC" : " DESC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
    }

    @Override public ColumnVector evaluate(Batch batch) { return child.evaluate(batch); }

    /** The generated equality written out, sparing the planning its bootstrap (docs/design.md, "The main thread
     * before a query's first task"). */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof SortOrder that
                && nullsFirst == that.nullsFirst
                && ascending == that.ascending
                && java.util.Objects.equals(child, that.child);
    }
}
