package dev.sluice.sql;

import dev.sluice.CatalogFunction;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Cast;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.FunctionCall;
import dev.sluice.expr.ReplacedFunction;
import dev.sluice.expr.UnresolvedColumn;
import dev.sluice.types.StructField;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The catalog's functions as SQL sees them while a session parses text (as {@link dev.sluice.expr.SessionFunctions}
 * does for registered UDFs). A SQL function's call is a {@link ReplacedFunction}: it keeps its name in column
 * names ({@code f(1)}) and the analyzer puts its body in its place, each parameter replaced by its argument cast
 * to the parameter's type and the result cast to the return type (Spark 4's SQL UDFs are expanded the same way).
 * A function defined by a class is refused when called: Sluice runs no Hive or Spark UDF classes.
 */
public final class SqlRoutines {
    private static final ThreadLocal<dev.sluice.Catalog> CURRENT = new ThreadLocal<>();
    /** One ReplacedFunction per definition, so two calls of it compare equal (GROUP BY f(x) ... SELECT f(x)). */
    private static final Map<CatalogFunction, ReplacedFunction> CALLABLE = new ConcurrentHashMap<>();

    private SqlRoutines() {}

    /** Runs {@code body} with the functions and the current database of {@code catalog} visible to SQL. */
    public static <T> T within(dev.sluice.Catalog catalog, Supplier<T> body) {
        dev.sluice.Catalog previous = CURRENT.get();
        CURRENT.set(catalog);
        try {
            return body.get();
        } finally {
            if (previous == null) CURRENT.remove();
            else CURRENT.set(previous);
        }
    }

    /** The catalog function {@code name} (as the parser quoted it) names, if a session is parsing and has one. */
    static Optional<CatalogFunction> lookup(String name) {
        dev.sluice.Catalog catalog = CURRENT.get();
        if (catalog == null) return Optional.empty();
        return catalog.lookupFunction(UnresolvedColumn.parse(name).nameParts());
    }

    /**
     * {@code current_database()} / {@code current_schema()} while a session parses: its current database as a
     * constant, named {@code current_schema()} as Spark names it (Spark's ReplaceCurrentLike does the same when the
     * query is optimized); null when no session is parsing (the registry's function answers {@code default}).
     */
    static Expression currentDatabase() {
        dev.sluice.Catalog catalog = CURRENT.get();
        if (catalog == null) return null;
        String db = catalog.currentDatabase();
        return FunctionCall.inline(new ReplacedFunction("current_schema", a -> dev.sluice.expr.Literal.of(db)), List.of());
    }

    /** The call of a catalog function with these arguments. */
    static Expression call(CatalogFunction f, List<Expression> args) {
        String shown = f.isTemporary() ? f.name() : "spark_catalog." + f.database() + "." + f.name();
        if (!f.isSql()) {
            throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "calling the function " + shown + " (class " + f.className() + ")")
                    .with("reason", "Sluice does not run Hive or Spark UDF classes; define it in SQL (CREATE FUNCTION " + f.name()
                            + "(x INT) RETURNS INT RETURN ...) or register a Java or Python UDF").build();
        }
        if (args.size() != f.parameters().size()) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", shown)
                    .with("reason", "it takes " + f.parameters().size() + " argument(s), " + args.size() + " given (Spark: WRONG_NUM_ARGS)").build();
        }
        ReplacedFunction fn = CALLABLE.computeIfAbsent(f, d -> new ReplacedFunction(d.name(), a -> expand(d, a)));
        return FunctionCall.inline(fn, args);
    }

    private static Expression expand(CatalogFunction f, List<Expression> args) {
        Expression body = SqlParser.parseExpressionTree(f.body());
        Expression replaced = Expressions.transformUp(body, e -> {
            if (e instanceof UnresolvedColumn u && u.nameParts().size() == 1) {
                int i = index(f.parameters(), u.nameParts().get(0));
                if (i >= 0) return new Cast(args.get(i), f.parameters().get(i).dataType());
            }
            return e;
        });
        return new Cast(replaced, f.returnType());
    }

    private static int index(List<StructField> params, String name) {
        for (int i = 0; i < params.size(); i++) if (params.get(i).name().equalsIgnoreCase(name)) return i;
        return -1;
    }

    /** At CREATE FUNCTION: the body parses and names only the parameters (Spark: UNRESOLVED_COLUMN otherwise). */
    static void check(List<String> name, List<StructField> params, String body) {
        Expression e = SqlParser.parseExpressionTree(body);
        List<String> unknown = new ArrayList<>();
        Expressions.transformUp(e, x -> {
            if (x instanceof UnresolvedColumn u && index(params, u.nameParts().get(0)) < 0) unknown.add(String.join(".", u.nameParts()));
            return x;
        });
        if (!unknown.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (StructField p : params) names.add(p.name());
            throw SluiceException.of(ErrorCode.COLUMN_NOT_FOUND).with("column", unknown.get(0))
                    .with("suggestion", " The body of " + String.join(".", name).toLowerCase(Locale.ROOT) + " can use its parameters " + names + ".").build();
        }
    }
}
