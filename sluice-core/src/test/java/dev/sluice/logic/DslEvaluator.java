package dev.sluice.logic;

import dev.sluice.DataFrame;
import dev.sluice.DataFrameReader;
import dev.sluice.Sluice;
import dev.sluice.error.SluiceException;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates DSL nodes against a Sluice session by reflection over the public API, so the DSL follows the Java API
 * as it grows. Relative paths given to the reader's file methods resolve against the test's data directory.
 */
final class DslEvaluator {
    private static final Set<String> READER_PATH_METHODS = Set.of("json", "csv", "text", "xml", "parquet", "orc", "load");

    private final Sluice session;
    private final Map<String, DataFrame> tables;
    private final Path dataDir;

    DslEvaluator(Sluice session, Map<String, DataFrame> tables, Path dataDir) {
        this.session = session;
        this.tables = tables;
        this.dataDir = dataDir;
    }

    Object evaluate(Dsl.Node node) {
        if (node instanceof Dsl.Const c) return c.value();
        if (node instanceof Dsl.TableRef t) {
            DataFrame df = tables.get(t.name());
            if (df == null) throw new IllegalArgumentException("no table " + t.name() + " (tables: " + tables.keySet() + ")");
            return df;
        }
        Dsl.Call call = (Dsl.Call) node;
        Object[] args = new Object[call.args().size()];
        for (int i = 0; i < args.length; i++) args[i] = evaluate(call.args().get(i));
        if (call.receiver() == null) {
            if (call.name().equals("read") && args.length == 0) return session.read();
            Object r = invokeStatic(DslHelpers.class, call.name(), args);
            if (r != NONE) return r;
            r = invokeStatic(dev.sluice.functions.class, call.name(), args);
            if (r != NONE) return r;
            throw new IllegalArgumentException("no function " + call.name() + " taking " + describe(args));
        }
        if (call.receiver() instanceof Dsl.TableRef t && t.name().equals("Window") && !tables.containsKey("Window")) {
            Object r = invokeStatic(dev.sluice.Window.class, call.name(), args);   // Window.partitionBy(...) etc.
            if (r != NONE) return r;
        }
        Object target = evaluate(call.receiver());
        if (target instanceof DataFrameReader && READER_PATH_METHODS.contains(call.name())) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof String p && !p.startsWith("/") && !p.contains(":")) args[i] = dataDir.resolve(p).toString();
            }
        }
        if (target == null) throw new IllegalArgumentException("method " + call.name() + " called on null");
        Object r = invoke(target, target.getClass().getMethods(), call.name(), args, false);
        if (r == NONE) {
            throw new IllegalArgumentException("no method " + target.getClass().getSimpleName() + "." + call.name() + " taking " + describe(args));
        }
        return r;
    }

    private static final Object NONE = new Object();

    private static Object invokeStatic(Class<?> owner, String name, Object[] args) {
        return invoke(null, owner.getMethods(), name, args, true);
    }

    private static Object invoke(Object target, Method[] methods, String name, Object[] args, boolean statics) {
        Method best = null;
        Object[] bestArgs = null;
        int bestScore = -1;
        Method[] sorted = methods.clone();
        Arrays.sort(sorted, Comparator.comparing(Method::toString));   // deterministic choice among equals
        for (Method m : sorted) {
            if (!m.getName().equals(name) || Modifier.isStatic(m.getModifiers()) != statics) continue;
            Object[] packed = pack(m, args);
            if (packed == null) continue;
            int score = score(m, args);
            if (score > bestScore) {
                best = m;
                bestArgs = packed;
                bestScore = score;
            }
        }
        if (best == null) return NONE;
        try {
            return best.invoke(target, bestArgs);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The arguments as the method takes them (varargs packed), or null when they do not fit. */
    private static Object[] pack(Method m, Object[] args) {
        Class<?>[] params = m.getParameterTypes();
        if (!m.isVarArgs()) {
            if (params.length != args.length) return null;
            for (int i = 0; i < args.length; i++) if (fit(params[i], args[i]) < 0) return null;
            return args;
        }
        int fixed = params.length - 1;
        if (args.length < fixed) return null;
        for (int i = 0; i < fixed; i++) if (fit(params[i], args[i]) < 0) return null;
        Class<?> component = params[fixed].getComponentType();
        Object rest = Array.newInstance(component, args.length - fixed);
        for (int i = fixed; i < args.length; i++) {
            if (fit(component, args[i]) < 0) return null;
            Array.set(rest, i - fixed, convert(component, args[i]));
        }
        Object[] out = new Object[params.length];
        System.arraycopy(args, 0, out, 0, fixed);
        out[fixed] = rest;
        for (int i = 0; i < fixed; i++) out[i] = convert(params[i], args[i]);
        return out;
    }

    private static int score(Method m, Object[] args) {
        Class<?>[] params = m.getParameterTypes();
        int total = m.isVarArgs() ? 0 : 1;   // a plain overload beats varargs on a tie
        for (int i = 0; i < args.length; i++) {
            Class<?> p = i < params.length - (m.isVarArgs() ? 1 : 0) ? params[i] : params[params.length - 1].getComponentType();
            total += fit(p, args[i]) * 2;
        }
        return total;
    }

    /** How well an argument fits a parameter type: -1 not at all, higher is closer. */
    private static int fit(Class<?> p, Object a) {
        if (a == null) return p.isPrimitive() ? -1 : (p == Object.class ? 2 : 1);
        if (p.isPrimitive()) {
            if (p == int.class) return a instanceof Integer ? 3 : -1;
            if (p == long.class) return a instanceof Long ? 3 : a instanceof Integer ? 2 : -1;
            if (p == double.class) return a instanceof Double ? 3 : a instanceof Number ? 1 : -1;
            if (p == float.class) return a instanceof Float ? 3 : -1;
            if (p == boolean.class) return a instanceof Boolean ? 3 : -1;
            return -1;
        }
        if (!p.isInstance(a)) return -1;
        if (p == a.getClass()) return 3;
        return p == Object.class ? 1 : 2;
    }

    private static Object convert(Class<?> p, Object a) {
        if (p == long.class && a instanceof Integer i) return (long) i;
        if (p == double.class && a instanceof Number n) return n.doubleValue();
        return a;
    }

    private static String describe(Object[] args) {
        List<String> types = new ArrayList<>();
        for (Object a : args) types.add(a == null ? "null" : a.getClass().getSimpleName());
        return "(" + String.join(", ", types) + ")";
    }

    /** Unwraps what reflection or the API threw, so error records see the SluiceException. */
    static SluiceException sluiceCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) if (c instanceof SluiceException s) return s;
        return null;
    }
}
