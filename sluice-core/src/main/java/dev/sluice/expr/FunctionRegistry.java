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
        if (f == null) {
            throw SluiceException.of(ErrorCode.UNKNOWN_FUNCTION).with("function", name).build();
        }
        return f;
    }

    public static boolean exists(String name) {
        return FUNCTIONS.containsKey(name.toLowerCase(Locale.ROOT));
    }

    public static List<String> names() { return List.copyOf(FUNCTIONS.keySet()); }
}
