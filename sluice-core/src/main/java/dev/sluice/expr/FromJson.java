package dev.sluice.expr;

import dev.sluice.json.JsonOptions;
import dev.sluice.json.FromJsonEvaluator;
import dev.sluice.types.DataType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code from_json(child, schema, options)}: parses a JSON string column into a struct, array or map of
 * {@code schema}, with Spark's results for malformed text and mismatched values (mode PERMISSIVE or FAILFAST).
 * The optimizer may narrow {@code schema} to the fields that are used (the result type of the enclosing
 * field accesses never changes).
 */
public record FromJson(Expression child, DataType schema, JsonOptions options) implements Expression {
    public FromJson {
        requireNonNull(child, "child");
        requireNonNull(schema, "schema");
        requireNonNull(options, "options");
    }

    @Override public DataType dataType() { return schema; }

    @Override public boolean nullable() { return true; }

    @Override public List<Expression> children() { return List.of(child); }

    @Override public Expression withChildren(List<Expression> children) {
        return new FromJson(Expressions.only(children), schema, options);
    }

    public FromJson withSchema(DataType narrowed) { return new FromJson(child, narrowed, options); }

    @Override public String sql() { return "from_json(" + child.sql() + ")"; }

    @Override public ColumnVector evaluate(Batch batch) {
        return FromJsonEvaluator.evaluate(child.evaluate(batch), schema, options);
    }
}
