package dev.sluice.expr;

import dev.sluice.types.DataType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.util.List;

/**
 * Field {@code fieldName} of a struct: {@code col("content").getField("user")} or the path {@code content.user}.
 * {@code ordinal} is -1 until the analyzer resolves the name (then it is the field's position, and
 * {@code fieldName} its exact spelling). Null when the struct is null.
 */
public record GetStructField(Expression child, String fieldName, int ordinal) implements Expression {
    public static GetStructField unresolved(Expression child, String fieldName) {
        return new GetStructField(child, fieldName, -1);
    }

    @Override public boolean resolved() { return ordinal >= 0 && child.resolved(); }

    private StructField field() {
        if (!resolved()) throw Expression.unresolved(this);
        return ((StructType) child.dataType()).field(ordinal);
    }

    @Override public DataType dataType() { return field().dataType(); }

    @Override public boolean nullable() { return child.nullable() || field().nullable(); }

    @Override public List<Expression> children() { return List.of(child); }

    @Override public Expression withChildren(List<Expression> children) {
        return new GetStructField(Expressions.only(children), fieldName, ordinal);
    }

    @Override public String sql() {
        String name = fieldName.contains(".") ? "`" + fieldName + "`" : fieldName;
        return child.sql() + "." + name;
    }

    /** Zero-copy: a null struct row has a null slot in every child vector (a vector invariant). */
    @Override public ColumnVector evaluate(Batch batch) { return child.evaluate(batch).child(ordinal); }

    /** The generated equality written out, sparing the planning its bootstrap (docs/design.md, "The main thread
     * before a query's first task"). */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof GetStructField that
                && ordinal == that.ordinal
                && java.util.Objects.equals(fieldName, that.fieldName)
                && java.util.Objects.equals(child, that.child);
    }
}
