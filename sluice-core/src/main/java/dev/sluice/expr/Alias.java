package dev.sluice.expr;

import dev.sluice.types.DataType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** Names its child's result: {@code expr.alias("name")}. */
public record Alias(Expression child, String name) implements Expression {
    public Alias {
        requireNonNull(child, "child");
        requireNonNull(name, "name");
    }

    @Override public DataType dataType() { return child.dataType(); }

    @Override public boolean nullable() { return child.nullable(); }

    /** Never folded away itself: folding would lose the name (its child may still fold). */
    @Override public boolean foldable() { return false; }

    @Override public List<Expression> children() { return List.of(child); }

    @Override public Expression withChildren(List<Expression> children) { return new Alias(Expressions.only(children), name); }

    @Override public String sql() { return child.sql() + " AS " + name; }

    @Override public ColumnVector evaluate(Batch batch) { return child.evaluate(batch); }
}
