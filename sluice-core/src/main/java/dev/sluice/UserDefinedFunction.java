package dev.sluice;

import dev.sluice.expr.FunctionCall;
import dev.sluice.expr.RowByRowFunction;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.types.DataType;

import java.util.ArrayList;
import java.util.List;

/**
 * A user-defined function, as Spark's {@code UserDefinedFunction}: {@code apply(cols...)} calls it on columns. The
 * call carries the function ({@link FunctionCall#inline}), so it needs no registration; {@code sluice.udf().register}
 * also makes it callable by name from SQL, {@code selectExpr} and {@code filter(String)} in that session. Unnamed,
 * its calls are named {@code UDF(x)} as in Spark; {@link #withName} names them.
 */
public final class UserDefinedFunction {
    private final ScalarFunction function;

    UserDefinedFunction(ScalarFunction function) { this.function = function; }

    /** Wraps any scalar function (Spark Connect wraps a Python UDF this way). */
    public static UserDefinedFunction of(ScalarFunction function) { return new UserDefinedFunction(function); }

    static UserDefinedFunction javaFunction(DataType returnType, RowByRowFunction.Body body) {
        return new UserDefinedFunction(new RowByRowFunction("UDF", returnType, true, body));
    }

    /** The call of this function on {@code arguments}. */
    public Column apply(Column... arguments) {
        List<dev.sluice.expr.Expression> args = new ArrayList<>(arguments.length);
        for (Column c : arguments) args.add(c.expr());
        return new Column(FunctionCall.inline(function, args));
    }

    /** The function this UDF runs (what its calls carry). */
    public ScalarFunction function() { return function; }

    public String name() { return function.name(); }

    public boolean deterministic() { return function.deterministic(); }

    /**
     * The same function, marked as returning different results for the same input (random, clock): the optimizer
     * then neither folds nor duplicates nor reorders its calls.
     */
    public UserDefinedFunction asNondeterministic() {
        if (function instanceof RowByRowFunction r) return new UserDefinedFunction(new RowByRowFunction(r.name(), r.returnType(), false, r.body()));
        return new UserDefinedFunction(new Renamed(function, function.name(), false));
    }

    /** The same function with its calls named {@code name(...)}. */
    public UserDefinedFunction withName(String name) {
        if (function instanceof RowByRowFunction r) return new UserDefinedFunction(new RowByRowFunction(name, r.returnType(), r.deterministic(), r.body()));
        return new UserDefinedFunction(new Renamed(function, name, function.deterministic()));
    }

    /** Another function's body under a different name or determinism. */
    private record Renamed(ScalarFunction inner, String name, boolean deterministic) implements ScalarFunction {
        @Override public dev.sluice.expr.Signature bind(List<dev.sluice.expr.Expression> arguments) { return inner.bind(arguments); }

        @Override public dev.sluice.vector.ColumnVector evaluate(dev.sluice.expr.Signature signature,
                                                                 dev.sluice.vector.ColumnVector[] arguments, int rowCount) {
            return inner.evaluate(signature, arguments, rowCount);
        }
    }
}
