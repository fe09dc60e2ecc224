package dev.sluice.expr;

import dev.sluice.error.SluiceException;
import dev.sluice.types.DataType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** A resolved reference to the input column {@code name} (exact spelling); bound to a position before running. */
public record ColumnRef(String name, DataType dataType, boolean nullable) implements Expression {
    public ColumnRef {
        requireNonNull(name, "name");
        requireNonNull(dataType, "dataType");
    }

    @Override public List<Expression> children() { return List.of(); }

    @Override public Expression withChildren(List<Expression> children) { return this; }

    @Override public String sql() { return name.contains(".") ? "`" + name + "`" : name; }

    @Override public ColumnVector evaluate(Batch batch) {
        throw SluiceException.internal("column " + name + " was evaluated before it was bound to a position");
    }

    /** The generated equality written out, sparing the planning its bootstrap (docs/design.md, "The main thread
     * before a query's first task"). */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ColumnRef that
                && nullable == that.nullable
                && java.util.Objects.equals(dataType, that.dataType)
                && java.util.Objects.equals(name, that.name);
    }
}
