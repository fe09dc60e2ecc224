package dev.sluice.expr;

import dev.sluice.types.DataType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Names its child's result: {@code expr.alias("name")}. {@code metadata}: the column metadata given with the name
 * ({@code alias(name, metadata)}, JSON object text), or null to keep the child column's (Spark's Alias).
 */
public record Alias(Expression child, String name, String metadata) implements Expression {
    public Alias {
        requireNonNull(child, "child");
        requireNonNull(name, "name");
    }

    public Alias(Expression child, String name) { this(child, name, null); }

    @Override public DataType dataType() { return child.dataType(); }

    @Override public boolean nullable() { return child.nullable(); }

    /** Never folded away itself: folding would lose the name (its child may still fold). */
    @Override public boolean foldable() { return false; }

    @Override public List<Expression> children() { return List.of(child); }

    @Override public Expression withChildren(List<Expression> children) { return new Alias(Expressions.only(children), name, metadata); }

    @Override public String sql() { return child.sql() + " AS " + name; }

    @Override public ColumnVector evaluate(Batch batch) { return child.evaluate(batch); }

    /** The generated equality written out, sparing the planning its bootstrap (docs/design.md, "The main thread
     * before a query's first task"). */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Alias that
                && java.util.Objects.equals(metadata, that.metadata)
                && java.util.Objects.equals(name, that.name)
                && java.util.Objects.equals(child, that.child);
    }
}
