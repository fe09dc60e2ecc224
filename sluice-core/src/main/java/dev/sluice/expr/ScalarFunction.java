package dev.sluice.expr;

import dev.sluice.vector.ColumnVector;

import java.util.List;

/**
 * A named function of the registry ({@link FunctionRegistry}): binds to its arguments at analysis (argument
 * count and types, implicit casts, result type) and evaluates a batch of already-cast argument vectors.
 * One class per function family under {@code dev.sluice.expr.fn}.
 */
public interface ScalarFunction {
    /** The SQL name, lower case: {@code concat_ws}. */
    String name();

    /**
     * The types each argument is cast to and the result type, for these (resolved) arguments. Raises
     * TYPE_MISMATCH or INVALID_ARGUMENT (with the function's name) when they do not fit.
     */
    Signature bind(List<Expression> arguments);

    /** The result for {@code rowCount} rows; {@code arguments} already have the signature's types. */
    ColumnVector evaluate(Signature signature, ColumnVector[] arguments, int rowCount);

    /** False for functions whose result changes between calls with the same arguments (rand, current_timestamp). */
    default boolean deterministic() { return true; }

    /**
     * True for the clock functions (current_timestamp, current_date, ...): bound without a value at analysis and
     * bound again when the query runs, inside its {@link QueryInstant}, which gives them their value.
     */
    default boolean readsQueryInstant() { return false; }

    /** Spark's pretty SQL text for a call; by default {@code name(a, b)}. */
    default String sql(List<Expression> arguments) {
        StringBuilder sb = new StringBuilder(name()).append('(');
        for (int i = 0; i < arguments.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append(arguments.get(i).sql());
        }
        return sb.append(')').toString();
    }
}
