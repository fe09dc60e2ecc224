package dev.sluice.expr;

import dev.sluice.types.DataType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A call of a function: {@code concat_ws(",", a, b)}. Registry functions are looked up by name; a user-defined
 * function (a Java or Python UDF, a Glue record function) travels with the call as {@code inline}, so nothing
 * global is registered and the plan alone says what runs. Unresolved until the analyzer binds it
 * ({@code signature} set, arguments cast to the signature's types).
 */
public record FunctionCall(String name, List<Expression> arguments, Signature signature, ScalarFunction inline)
        implements Expression {
    public FunctionCall {
        requireNonNull(name, "name");
        arguments = List.copyOf(arguments);
    }

    /** A call of the registry function {@code name}. */
    public FunctionCall(String name, List<Expression> arguments, Signature signature) {
        this(name, arguments, signature, null);
    }

    public static FunctionCall of(String name, Expression... arguments) {
        return new FunctionCall(name, List.of(arguments), null);
    }

    /** A call of a function that is not in the registry; {@code function.name()} names it in plans and errors. */
    public static FunctionCall inline(ScalarFunction function, List<Expression> arguments) {
        return new FunctionCall(function.name(), arguments, null, requireNonNull(function, "function"));
    }

    public ScalarFunction function() { return inline != null ? inline : FunctionRegistry.lookup(name); }

    /** True for a user-defined function carried by the call rather than found in the registry. */
    public boolean userDefined() { return inline != null; }

    @Override public boolean resolved() { return signature != null && Expression.super.resolved(); }

    @Override public DataType dataType() {
        if (signature == null) throw Expression.unresolved(this);
        return signature.resultType();
    }

    @Override public boolean nullable() { return signature == null || signature.nullable(); }

    @Override public List<Expression> children() { return arguments; }

    @Override public Expression withChildren(List<Expression> children) { return new FunctionCall(name, children, signature, inline); }

    @Override public boolean foldable() { return function().deterministic() && !arguments.isEmpty() && Expression.super.foldable(); }

    @Override public String sql() { return function().sql(arguments); }

    @Override public ColumnVector evaluate(Batch batch) {
        ColumnVector[] args = new ColumnVector[arguments.size()];
        for (int i = 0; i < args.length; i++) args[i] = arguments.get(i).evaluate(batch);
        return function().evaluate(signature, args, batch.rowCount());
    }
}
