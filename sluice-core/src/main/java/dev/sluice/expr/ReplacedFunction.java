package dev.sluice.expr;

import dev.sluice.error.SluiceException;
import dev.sluice.vector.ColumnVector;

import java.util.List;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * A function Spark defines as another expression (Spark's {@code RuntimeReplaceable}: {@code equal_null} is
 * {@code <=>}, {@code try_add} is TRY-mode {@code +}, {@code zeroifnull} is {@code coalesce(x, 0)}). A call of it
 * ({@link #call}) stays a {@link FunctionCall} of this name while it is unresolved, so the column name an unaliased
 * call gets, and its text inside another expression, are what Spark's {@code toPrettySQL} prints
 * ({@code equal_null(a, b)}, or {@code text} when Spark has a form of its own); once the arguments are resolved the
 * analyzer puts {@link #replacement} in its place, so the optimizer and both engines only ever see the expression
 * it stands for. Declare each one once as a constant: calls compare equal (GROUP BY matching) only when they share it.
 */
public record ReplacedFunction(String name, Function<List<Expression>, Expression> replacement,
                               Function<List<Expression>, String> text) implements ScalarFunction {
    public ReplacedFunction {
        requireNonNull(name, "name");
        requireNonNull(replacement, "replacement");
    }

    /** Printed as {@code name(a, b)}. */
    public ReplacedFunction(String name, Function<List<Expression>, Expression> replacement) { this(name, replacement, null); }

    /** An unresolved call of this function. */
    public FunctionCall call(Expression... arguments) { return FunctionCall.inline(this, List.of(arguments)); }

    /** The expression the call stands for, over its (resolved) arguments. */
    public Expression replace(List<Expression> arguments) { return replacement.apply(arguments); }

    @Override public Signature bind(List<Expression> arguments) {
        throw SluiceException.internal(name + " is replaced by the analyzer before binding");
    }

    @Override public ColumnVector evaluate(Signature signature, ColumnVector[] arguments, int rowCount) {
        throw SluiceException.internal(name + " is replaced by the analyzer before evaluation");
    }

    @Override public String sql(List<Expression> arguments) {
        return text != null ? text.apply(arguments) : ScalarFunction.super.sql(arguments);
    }
}
