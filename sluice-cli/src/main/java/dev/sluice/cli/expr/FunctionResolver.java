package dev.sluice.cli.expr;

import dev.sluice.Column;
import dev.sluice.error.SluiceException;
import dev.sluice.functions;
import dev.sluice.types.DataType;
import dev.sluice.types.DdlParser;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Turns {@code name(args...)} into a column by calling the public static method of {@link functions} with that
 * name (case-insensitive) whose parameters the arguments fit; a literal argument also fits a String, number,
 * boolean or DataType parameter ({@code from_json(body, 'struct<...>')}, {@code substring(s, 1, 3)}). A name the
 * class does not have goes to {@link functions#call_function}, so the function registry (and its
 * UNKNOWN_FUNCTION error at analysis) decides. Reflection, not a table, so that every function added to the API
 * is usable here without touching the parser.
 */
final class FunctionResolver {
    /** Helpers of the API that are not SQL functions. */
    private static final List<String> EXCLUDED = List.of("call_function");

    private FunctionResolver() {}

    static Column resolve(String input, String name, int position, List<Parsed> args) {
        List<Method> candidates = candidates(name);
        for (Method m : candidates) {
            Object[] converted = convert(m, args);
            if (converted != null) return invoke(input, name, position, m, converted);
        }
        if (!candidates.isEmpty()) {
            throw SyntaxErrors.at(input, position, "no form of " + name.toLowerCase(Locale.ROOT) + " takes these "
                    + args.size() + " argument(s); it takes " + signatures(candidates));
        }
        Column[] columns = new Column[args.size()];
        for (int i = 0; i < columns.length; i++) columns[i] = args.get(i).column();
        return functions.call_function(name.toLowerCase(Locale.ROOT), columns);
    }

    private static List<Method> candidates(String name) {
        List<Method> out = new ArrayList<>();
        for (Method m : functions.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) && m.getName().equalsIgnoreCase(name)
                    && Column.class.equals(m.getReturnType()) && !EXCLUDED.contains(m.getName())) {
                out.add(m);
            }
        }
        // getMethods() has no fixed order: the all-Column forms first, then by signature, for the same choice every run
        out.sort(Comparator.comparingInt(FunctionResolver::nonColumnParameters).thenComparing(Method::toGenericString));
        return out;
    }

    private static int nonColumnParameters(Method m) {
        int n = 0;
        for (Class<?> p : m.getParameterTypes()) if (!p.equals(Column.class) && !p.equals(Column[].class)) n++;
        return n;
    }

    /** The Java arguments for {@code m}, or null when the parsed arguments do not fit it. */
    private static Object[] convert(Method m, List<Parsed> args) {
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
            if (!element.equals(Column.class)) return null;
            Column[] rest = new Column[args.size() - fixed];
            for (int i = 0; i < rest.length; i++) rest[i] = args.get(fixed + i).column();
            out[fixed] = rest;
        }
        return out;
    }

    private static final Object NO_FIT = new Object();

    private static Object convertOne(Class<?> type, Parsed arg) {
        if (type.equals(Column.class)) return arg.column();
        if (!arg.isLiteral()) return type.equals(Object.class) ? arg.column() : NO_FIT;
        Object v = arg.value();
        if (type.equals(Object.class)) return v;
        if (type.equals(String.class)) return v instanceof String ? v : NO_FIT;
        if (type.equals(DataType.class)) return v instanceof String s ? DdlParser.parseType(s) : NO_FIT;
        if (type.equals(int.class) || type.equals(Integer.class)) return v instanceof Integer ? v : NO_FIT;
        if (type.equals(long.class) || type.equals(Long.class)) {
            return v instanceof Integer || v instanceof Long ? ((Number) v).longValue() : NO_FIT;
        }
        if (type.equals(double.class) || type.equals(Double.class)) {
            return v instanceof Number n ? n.doubleValue() : NO_FIT;
        }
        if (type.equals(boolean.class) || type.equals(Boolean.class)) return v instanceof Boolean ? v : NO_FIT;
        return NO_FIT;
    }

    private static Column invoke(String input, String name, int position, Method m, Object[] args) {
        try {
            return (Column) m.invoke(null, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SluiceException se) throw se;
            throw SyntaxErrors.at(input, position, "cannot call " + name + ": " + cause.getMessage(), cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("functions." + m.getName() + " is public", e);
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
