package dev.sluice.expr;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The functions a session registered ({@code sluice.udf().register(...)}, Spark Connect's
 * {@code spark.udf.register}), visible to the SQL front end while that session parses text: SQL, {@code selectExpr},
 * {@code filter(String)}. A name found here is resolved to a call that carries its function
 * ({@link FunctionCall#inline}), so the plan alone says what runs and nothing is registered globally. A session's
 * functions shadow built-in functions of the same name, as Spark's temporary functions do.
 */
public final class SessionFunctions {
    private static final ThreadLocal<Function<String, ScalarFunction>> CURRENT = new ThreadLocal<>();

    private SessionFunctions() {}

    /** Runs {@code body} with {@code lookup} (a lower-case name to its function, or null) as the current session's. */
    public static <T> T within(Function<String, ScalarFunction> lookup, Supplier<T> body) {
        Function<String, ScalarFunction> previous = CURRENT.get();
        CURRENT.set(lookup);
        try {
            return body.get();
        } finally {
            if (previous == null) CURRENT.remove();
            else CURRENT.set(previous);
        }
    }

    /** The current session's function of this lower-case name, or null (also when no session is parsing). */
    public static ScalarFunction lookup(String name) {
        Function<String, ScalarFunction> lookup = CURRENT.get();
        return lookup == null ? null : lookup.apply(name);
    }
}
