package dev.sluice.expr;

import dev.sluice.types.DataType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A call of a registry function by name: {@code concat_ws(",", a, b)}. Unresolved until the analyzer binds it
 * ({@code signature} set, arguments cast to the signature's types).
 */
public record FunctionCall(String name, List<Expression> arguments, Signature signature) implements Expression {
    public FunctionCall {
        requireNonNull(name, "name");
        arguments = List.copyOf(arguments);
    }

    public static FunctionCall of(String name, Expression... arguments) {
        return new FunctionCall(name, List.of(arguments), null);
    }

    public ScalarFunction function() { return FunctionRegistry.lookup(name); }

    @Override public boolean resolved() { return signature != null && Expression.super.resolved(); }

    @Override public DataType dataType() {
        if (signature == null) throw Expression.unresolved(this);
        return signature.resultType();
    }

    @Override public boolean nullable() { return signature == null || signature.nullable(); }

    @Override public List<Expression> children() { return arguments; }

    @Override public Expression withChildren(List<Expression> children) { return new FunctionCall(name, children, signature); }

    @Override public boolean foldable() { return function().deterministic() && !arguments.isEmpty() && Expression.super.foldable(); }

    @Override public String sql() { return function().sql(arguments); }

    @Override public ColumnVector evaluate(Batch batch) {
        ColumnVector[] args = new ColumnVector[arguments.size()];
        for (int i = 0; i < args.length; i++) args[i] = arguments.get(i).evaluate(batch);
        return function().evaluate(signature, args, batch.rowCount());
    }
}
