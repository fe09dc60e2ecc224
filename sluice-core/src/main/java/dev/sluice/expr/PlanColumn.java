package dev.sluice.expr;

import dev.sluice.types.DataType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A column of one particular input, not yet resolved: {@code df.col("id")} is the {@code id} of {@code df}'s
 * plan wherever that plan sits in a bigger one (say on the right of a join where the left has an {@code id}
 * too). The analyzer finds the owner in the input and turns this into a {@link ColumnRef}; later name parts
 * are struct fields.
 */
public record PlanColumn(ColumnOwner owner, List<String> nameParts) implements Expression {
    public PlanColumn {
        requireNonNull(owner, "owner");
        if (nameParts.isEmpty()) throw new IllegalArgumentException("empty column name");
        nameParts = List.copyOf(nameParts);
    }

    @Override public DataType dataType() { throw Expression.unresolved(this); }

    @Override public boolean nullable() { return true; }

    @Override public boolean resolved() { return false; }

    @Override public List<Expression> children() { return List.of(); }

    @Override public Expression withChildren(List<Expression> children) { return this; }

    @Override public String sql() { return new UnresolvedColumn(nameParts).sql(); }

    @Override public ColumnVector evaluate(Batch batch) { throw Expression.unresolved(this); }
}
