package dev.sluice.plan;

import dev.sluice.expr.Expression;
import dev.sluice.expr.FunctionCall;
import dev.sluice.expr.UnresolvedColumn;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Spark's literal functions (its LiteralFunctionResolution): {@code current_date}, {@code current_timestamp},
 * {@code current_time}, {@code current_user}, {@code user} and {@code session_user} written without parentheses, in
 * SQL, expression strings and {@code col(...)} alike. A one-part name that no input column resolves is the call,
 * named as Spark names it ({@code current_date()}, {@code current_time(6)}; {@code user} and {@code session_user} are
 * {@code current_user()}). A column of that name wins; the function wins over a lateral alias and an outer
 * query's column, as in Spark, which tries it right after the input's columns.
 * <p>The analyzer replaces the names before it resolves an expression and before it names a select item, so the
 * name is the call's, and the call is bound in the same analysis as every other clock function, with the query's
 * {@link dev.sluice.expr.QueryInstant}. The SQL front end calls it too before it names items itself (aggregate
 * outputs, lateral aliases).
 */
public final class LiteralFunctions {
    private LiteralFunctions() {}

    /** The bare name (lower case) to the registry function it calls. */
    private static final Map<String, String> CALLS = Map.of(
            "current_date", "current_date",
            "current_timestamp", "current_timestamp",
            "current_time", "current_time",
            "current_user", "current_user",
            "user", "current_user",
            "session_user", "current_user");

    /** {@code e} with every bare literal-function name that no column of {@code input} resolves replaced by the call. */
    public static Expression substitute(Expression e, StructType input) {
        if (e instanceof UnresolvedColumn u) {
            FunctionCall call = call(u, input);
            return call != null ? call : e;
        }
        List<Expression> children = e.children();
        if (children.isEmpty()) return e;
        List<Expression> out = null;
        for (int i = 0; i < children.size(); i++) {
            Expression c = children.get(i);
            Expression r = substitute(c, input);
            if (r != c && out == null) out = new ArrayList<>(children);
            if (out != null) out.set(i, r);
        }
        return out == null ? e : e.withChildren(out);
    }

    private static FunctionCall call(UnresolvedColumn u, StructType input) {
        if (u.nameParts().size() != 1) return null;
        String name = u.nameParts().get(0);
        String function = CALLS.get(name.toLowerCase(Locale.ROOT));
        if (function == null || !InternalNames.matches(input, name).isEmpty()) return null;
        return FunctionCall.of(function);
    }
}
