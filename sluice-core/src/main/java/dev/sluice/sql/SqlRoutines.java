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
import dev.sluice.sql.grammar.SqlGrammar;
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

    /** The call of a catalog function with these (positional) arguments, outside a SQL query (expr(), Connect). */
    static Expression call(CatalogFunction f, List<Expression> args) {
        List<NamedArguments.Argument> written = new ArrayList<>();
        for (Expression a : args) written.add(new NamedArguments.Argument(null, a));
        return call(null, f, written, null);
    }

    /**
     * The call of a catalog function in a SQL query ({@code caller} builds its expressions; null outside one): a
     * function with a plain expression body is expanded by the analyzer, one whose body needs a query is built here
     * ({@link RoutineCalls#scalar}).
     */
    static Expression call(ExpressionBuilder caller, CatalogFunction f, List<NamedArguments.Argument> written, SqlGrammar.FunctionCallContext at) {
        if (!f.isSql()) {
            throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "calling the function " + f.qualifiedName() + " (class " + f.className() + ")")
                    .with("reason", "Sluice does not run Hive or Spark UDF classes; define it in SQL (CREATE FUNCTION " + f.name()
                            + "(x INT) RETURNS INT RETURN ...) or register a Java or Python UDF").build();
        }
        if (f.table()) throw RoutineCalls.notScalar(f);
        if (at != null && (at.windowSpec() != null || at.where != null || at.setQuantifier() != null || at.nullsOption != null || !at.withinOrder.isEmpty())) {
            throw SyntaxErrors.at(at, f.name() + " is a SQL function: DISTINCT, FILTER, IGNORE/RESPECT NULLS, WITHIN GROUP and OVER do not apply to it");
        }
        if (RoutineCalls.needsQuery(f)) {
            return RoutineCalls.scalar(caller == null ? ExpressionBuilder.plain() : caller, f, written);
        }
        List<Expression> args = RoutineCalls.bind(f, written);
        ReplacedFunction fn = CALLABLE.computeIfAbsent(f, d -> new ReplacedFunction(d.name(), a -> expand(d, a)));
        return FunctionCall.inline(fn, args);
    }

    private static Expression expand(CatalogFunction f, List<Expression> args) {
        Expression body = SqlParser.parseExpressionTree(f.body());
        Expression replaced = Expressions.transformUp(body, e -> {
            if (e instanceof UnresolvedColumn u) {
                int i = parameter(f, u.nameParts());
                if (i >= 0) return RoutineCalls.argument(f, i, args.get(i));
                if (u.nameParts().size() >= 2 && u.nameParts().get(0).equalsIgnoreCase(f.name())) {
                    i = index(f.parameters(), u.nameParts().get(1));
                    if (i >= 0) return field(RoutineCalls.argument(f, i, args.get(i)), u.nameParts().subList(2, u.nameParts().size()));
                }
                i = index(f.parameters(), u.nameParts().get(0));
                if (i >= 0) return field(RoutineCalls.argument(f, i, args.get(i)), u.nameParts().subList(1, u.nameParts().size()));
            }
            return e;
        });
        return new Cast(replaced, f.returnType());
    }

    /** The parameter a one-part name is ({@code p}), or -1. */
    private static int parameter(CatalogFunction f, List<String> parts) {
        return parts.size() == 1 ? index(f.parameters(), parts.get(0)) : -1;
    }

    private static Expression field(Expression value, List<String> path) {
        Expression e = value;
        for (String p : path) e = dev.sluice.expr.GetStructField.unresolved(e, p);
        return e;
    }

    private static int index(List<StructField> params, String name) {
        for (int i = 0; i < params.size(); i++) if (params.get(i).name().equalsIgnoreCase(name)) return i;
        return -1;
    }

    /** At CREATE FUNCTION: an expression body names only its parameters ({@code p}, {@code f.p}, fields of them); Spark: UNRESOLVED_COLUMN. */
    static void check(CatalogFunction f) {
        Expression e = SqlParser.parseExpressionTree(f.body());
        List<String> unknown = new ArrayList<>();
        Expressions.transformUp(e, x -> {
            if (x instanceof UnresolvedColumn u && index(f.parameters(), u.nameParts().get(0)) < 0
                    && !(u.nameParts().size() >= 2 && u.nameParts().get(0).equalsIgnoreCase(f.name()) && index(f.parameters(), u.nameParts().get(1)) >= 0)) {
                unknown.add(String.join(".", u.nameParts()));
            }
            return x;
        });
        if (!unknown.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (StructField p : f.parameters()) names.add(p.name());
            throw SluiceException.of(ErrorCode.COLUMN_NOT_FOUND).with("column", unknown.get(0))
                    .with("suggestion", " The body of " + f.qualifiedName().toLowerCase(Locale.ROOT) + " can use its parameters " + names + ".").build();
        }
    }
}
