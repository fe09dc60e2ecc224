package dev.sluice.expr;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.fn.FunctionFamilies;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Every registry function by lower-case name; the families register themselves in {@link FunctionFamilies}. */
public final class FunctionRegistry {
    private static final Map<String, ScalarFunction> FUNCTIONS = build();

    private FunctionRegistry() {}

    private static Map<String, ScalarFunction> build() {
        Map<String, ScalarFunction> m = new TreeMap<>();
        for (ScalarFunction f : FunctionFamilies.all()) {
            if (m.put(f.name(), f) != null) throw new IllegalStateException("function " + f.name() + " registered twice");
        }
        return Collections.unmodifiableMap(m);
    }

    public static ScalarFunction lookup(String name) {
        ScalarFunction f = FUNCTIONS.get(name.toLowerCase(Locale.ROOT));
        if (f == null) f = RUNTIME.get(name.toLowerCase(Locale.ROOT));
        if (f == null) {
            throw SluiceException.of(ErrorCode.UNKNOWN_FUNCTION).with("function", name).build();
        }
        return f;
    }

    public static boolean exists(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return FUNCTIONS.containsKey(key) || RUNTIME.containsKey(key);
    }

    // Functions built at run time by layers above the engine (the Glue layer's record functions: a user's map or
    // filter over DynamicRecords). Each gets a fresh name, so plans that call it stay plain FunctionCalls.
    private static final Map<String, ScalarFunction> RUNTIME = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.concurrent.atomic.AtomicLong NEXT_RUNTIME = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Registers {@code function} under a fresh name {@code prefix_<n>} and returns that name, for
     * {@code functions.call_function}. The function's own {@link ScalarFunction#name()} is not used for lookup.
     */
    public static String registerRuntime(String prefix, ScalarFunction function) {
        String name = (prefix + "_" + NEXT_RUNTIME.incrementAndGet()).toLowerCase(Locale.ROOT);
        RUNTIME.put(name, function);
        return name;
    }

    /** Forgets a function registered with {@link #registerRuntime} (calls already planned keep working until run). */
    public static void unregisterRuntime(String name) { RUNTIME.remove(name.toLowerCase(Locale.ROOT)); }

    public static List<String> names() { return List.copyOf(FUNCTIONS.keySet()); }
}
