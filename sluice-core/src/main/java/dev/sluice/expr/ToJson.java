package dev.sluice.expr;

import dev.sluice.json.JsonOptions;
import dev.sluice.json.ToJsonEvaluator;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.util.List;

/** {@code to_json(struct, array or map)}: a JSON string, as Spark writes it (null fields omitted). */
public record ToJson(Expression child, JsonOptions options) implements Expression {
    @Override public DataType dataType() { return DataTypes.STRING; }

    @Override public boolean nullable() { return child.nullable(); }

    @Override public List<Expression> children() { return List.of(child); }

    @Override public Expression withChildren(List<Expression> children) { return new ToJson(Expressions.only(children), options); }

    @Override public String sql() { return "to_json(" + child.sql() + ")"; }

    @Override public ColumnVector evaluate(Batch batch) {
        return ToJsonEvaluator.evaluate(child.evaluate(batch), options);
    }
}
