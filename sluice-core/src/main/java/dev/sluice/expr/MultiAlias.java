package dev.sluice.expr;

import dev.sluice.types.DataType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** Names each column a generator produces: {@code posexplode(xs).as("p", "x")}. */
public record MultiAlias(Expression child, List<String> names) implements Expression {
    public MultiAlias {
        requireNonNull(child, "child");
        names = List.copyOf(names);
    }

    @Override public DataType dataType() { return child.dataType(); }

    @Override public boolean nullable() { return child.nullable(); }

    @Override public boolean foldable() { return false; }

    @Override public List<Expression> children() { return List.of(child); }

    @Override public Expression withChildren(List<Expression> children) { return new MultiAlias(Expressions.only(children), names); }

    @Override public String sql() { return child.sql() + " AS (" + String.join(", ", names) + ")"; }

    @Override public ColumnVector evaluate(Batch batch) { return child.evaluate(batch); }
}
