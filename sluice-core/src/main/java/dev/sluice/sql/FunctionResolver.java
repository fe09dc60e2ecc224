package dev.sluice.sql;

import dev.sluice.Column;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.Expression;
import dev.sluice.expr.FunctionCall;
import dev.sluice.expr.FunctionRegistry;
import dev.sluice.expr.Literal;
import dev.sluice.functions;
import dev.sluice.types.DataType;
import dev.sluice.types.DdlParser;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A SQL function name and its arguments to the expression the DataFrame API builds for it, so SQL and the API
 * never diverge. In order: the all-column method of {@link functions} of that name and arity (it builds the
 * API's own expression: {@code count(x)}, {@code lower(s)}, {@code explode(a)}, {@code row_number()}); else the
 * function registry ({@code dev.sluice.expr.fn}, arguments in SQL order); else a method of {@code functions}
 * taking literals ({@code substring(s, 1, 3)}, {@code ntile(4)}); else UNKNOWN_FUNCTION. Reflection, not a
 * table, so every function added to the API or the registry is usable from SQL without touching the parser.
 */
final class FunctionResolver {
    /** Methods of {@code functions} that are API helpers, not SQL functions. */
    private static final Set<String> NOT_SQL = Set.of("call_function", "col", "column", "lit", "expr", "when",
            "asc", "desc", "asc_nulls_first", "asc_nulls_last", "desc_nulls_first", "desc_nulls_last", "broadcast", "udf");

    private FunctionResolver() {}

    /** Spark's other names of one aggregate, which name its column (Spark's FUNC_ALIAS): mean is avg, named mean(x). */
    private static final Set<String> AGGREGATE_ALIASES = Set.of("mean", "first_value", "last_value");

    static Expression resolve(String name, List<Expression> args) {
        Expression e = resolveCall(name, args);
        String lower = name.toLowerCase(Locale.ROOT);
        return e instanceof AggregateExpression ae && AGGREGATE_ALIASES.contains(lower) ? ae.calledAs(lower) : e;
    }

    private static Expression resolveCall(String name, List<Expression> args) {
        String lower = name.toLowerCase(Locale.ROOT);
        dev.sluice.expr.ScalarFunction sessionFunction = dev.sluice.expr.SessionFunctions.lookup(lower);
        if (sessionFunction != null) return FunctionCall.inline(sessionFunction, args);   // a session's UDF shadows built-ins
        if ((lower.equals("current_database") || lower.equals("current_schema")) && args.isEmpty()) {
            Expression current = SqlRoutines.currentDatabase();
            if (current != null) return current;
        }
        java.util.Optional<dev.sluice.CatalogFunction> routine = routine(name);
        if (routine.isPresent()) return SqlRoutines.call(routine.get(), args);
        if (TableGenerators.handles(lower)) return TableGenerators.build(lower, args);
        if (CastFunctions.handles(lower)) return CastFunctions.build(lower, args);
        List<Method> candidates = candidates(lower);
        for (Method m : candidates) {
            if (allColumns(m) && fitsArity(m, args.size())) return invoke(lower, m, convert(m, args));
        }
        if (FunctionRegistry.exists(lower)) return new FunctionCall(lower, args, null);
        for (Method m : candidates) {
            Object[] converted = convert(m, args);
            if (converted != null) return invoke(lower, m, converted);
        }
        if (!candidates.isEmpty()) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", lower)
                    .with("reason", "no form takes these " + args.size() + " argument(s); it takes " + signatures(candidates)).build();
        }
        throw SluiceException.of(ErrorCode.UNKNOWN_FUNCTION).with("function", lower).build();
    }

    /**
     * The catalog function a call of {@code name} means, if any: as Spark, a temporary function shadows a built-in
     * one; a persistent one is found when qualified or when no built-in has the name.
     */
    static java.util.Optional<dev.sluice.CatalogFunction> routine(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        java.util.Optional<dev.sluice.CatalogFunction> routine = SqlRoutines.lookup(name);
        if (routine.isPresent() && (routine.get().isTemporary() || lower.contains(".") || !builtIn(lower))) return routine;
        return java.util.Optional.empty();
    }

    /** True when {@code name} is a function SQL can call (for the table-valued and generator checks). */
    static boolean exists(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return dev.sluice.expr.SessionFunctions.lookup(lower) != null || builtIn(lower) || SqlRoutines.lookup(lower).isPresent();
    }

    /** True when {@code lower} is one of Sluice's own functions (not a session's or the catalog's). */
    static boolean builtIn(String lower) {
        return TableGenerators.handles(lower) || CastFunctions.handles(lower) || FunctionRegistry.exists(lower) || !candidates(lower).isEmpty();
    }

    /** Every function name SQL can call (SHOW FUNCTIONS), sorted. */
    static java.util.SortedSet<String> names() {
        java.util.SortedSet<String> out = new java.util.TreeSet<>(METHODS.keySet());
        out.addAll(FunctionRegistry.names());
        for (String n : List.of("stack", "json_tuple", "boolean", "tinyint", "smallint", "int", "bigint", "float", "double",
                "decimal", "date", "timestamp", "binary", "string", "percentile_cont", "percentile_disc")) out.add(n);
        out.removeIf(n -> n.startsWith("$"));   // internal rewrites, not callable from SQL
        return out;
    }

    /** The aggregate call with DISTINCT: {@code count(DISTINCT a, b)}, {@code sum(DISTINCT x)}. */
    static Expression distinct(String name, List<Expression> args) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("count") && args.size() > 1) {
            Column[] rest = new Column[args.size() - 1];
            for (int i = 1; i < args.size(); i++) rest[i - 1] = new Column(args.get(i));
            return functions.countDistinct(new Column(args.get(0)), rest).expr();
        }
        Expression e = resolve(lower, args);
        if (e instanceof AggregateExpression ae) return ae.withDistinct(true);
        throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", lower)
                .with("reason", "DISTINCT is only allowed in aggregate functions").build();
    }

    /** The methods of {@code functions} by lower-case name, found once (reflection is slow). */
    private static final java.util.Map<String, List<Method>> METHODS = methods();

    private static java.util.Map<String, List<Method>> methods() {
        java.util.Map<String, List<Method>> out = new java.util.HashMap<>();
        for (Method m : functions.class.getMethods()) {
            String name = m.getName().toLowerCase(Locale.ROOT);
            if (Modifier.isStatic(m.getModifiers()) && Column.class.equals(m.getReturnType()) && !NOT_SQL.contains(name)) {
                out.computeIfAbsent(name, k -> new ArrayList<>()).add(m);
            }
        }
        // getMethods() has no fixed order: the all-Column forms first, then by signature, for the same choice every run
        for (List<Method> ms : out.values()) {
            ms.sort(Comparator.comparingInt(FunctionResolver::nonColumnParameters).thenComparing(Method::toGenericString));
        }
        return out;
    }

    private static List<Method> candidates(String name) { return METHODS.getOrDefault(name, List.of()); }

    private static boolean allColumns(Method m) { return nonColumnParameters(m) == 0; }

    private static boolean fitsArity(Method m, int n) {
        int params = m.getParameterCount();
        return m.isVarArgs() ? n >= params - 1 : n == params;
    }

    private static int nonColumnParameters(Method m) {
        int n = 0;
        for (Class<?> p : m.getParameterTypes()) if (!p.equals(Column.class) && !p.equals(Column[].class)) n++;
        return n;
    }

    private static final Object NO_FIT = new Object();

    /** The Java arguments for {@code m}, or null when the SQL arguments do not fit it. */
    private static Object[] convert(Method m, List<Expression> args) {
        Class<?>[] params = m.getParameterTypes();
        boolean varargs = m.isVarArgs();
        int fixed = varargs ? params.length - 1 : params.length;
        if (varargs ? args.size() < fixed : args.size() != fixed) return null;
        Object[] out = new Object[params.length];
        for (int i = 0; i < fixed; i++) {
            Object v = convertOne(params[i], args.get(i));
            if (v == NO_FIT) return null;
            out[i] = v;
        }
        if (varargs) {
            Class<?> element = params[fixed].getComponentType();
            int n = args.size() - fixed;
            if (element.equals(Column.class)) {
                Column[] rest = new Column[n];
                for (int i = 0; i < n; i++) rest[i] = new Column(args.get(fixed + i));
                out[fixed] = rest;
            } else if (element.equals(String.class)) {
                String[] rest = new String[n];
                for (int i = 0; i < n; i++) {
                    if (!(args.get(fixed + i) instanceof Literal l) || !(l.value() instanceof String s)) return null;
                    rest[i] = s;
                }
                out[fixed] = rest;
            } else {
                return null;
            }
        }
        return out;
    }

    private static Object convertOne(Class<?> type, Expression arg) {
        if (type.equals(Column.class)) return new Column(arg);
        if (!(arg instanceof Literal literal)) return type.equals(Object.class) ? new Column(arg) : NO_FIT;
        Object v = literal.value();
        if (type.equals(Object.class)) return new Column(arg);
        if (v == null) return NO_FIT;
        if (type.equals(String.class)) return v instanceof String ? v : NO_FIT;
        if (type.equals(DataType.class)) return v instanceof String s ? DdlParser.parseType(s) : NO_FIT;
        if (type.equals(int.class) || type.equals(Integer.class)) return v instanceof Integer ? v : NO_FIT;
        if (type.equals(long.class) || type.equals(Long.class)) {
            return v instanceof Integer || v instanceof Long ? ((Number) v).longValue() : NO_FIT;
        }
        if (type.equals(double.class) || type.equals(Double.class)) {
            return v instanceof Number n && !(v instanceof BigDecimal d && d.scale() < 0) ? n.doubleValue() : NO_FIT;
        }
        if (type.equals(boolean.class) || type.equals(Boolean.class)) return v instanceof Boolean ? v : NO_FIT;
        return NO_FIT;
    }

    private static Expression invoke(String name, Method m, Object[] args) {
        try {
            return ((Column) m.invoke(null, args)).expr();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SluiceException se) throw se;
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", name).with("reason", String.valueOf(cause.getMessage())).build();
        } catch (IllegalAccessException e) {
            throw SluiceException.internal("functions." + m.getName() + " is not public");
        }
    }

    private static String signatures(List<Method> methods) {
        List<String> forms = new ArrayList<>();
        for (Method m : methods) {
            List<String> ps = new ArrayList<>();
            for (Class<?> p : m.getParameterTypes()) {
                ps.add(p.equals(Column[].class) ? "column..." : p.equals(Column.class) ? "column"
                        : p.getSimpleName().toLowerCase(Locale.ROOT) + " literal");
            }
            forms.add(m.getName() + "(" + String.join(", ", ps) + ")");
        }
        return String.join(" or ", forms);
    }
}
