package dev.sluice.expr;

import dev.sluice.error.SluiceException;
import dev.sluice.vector.ColumnVector;

import java.util.HashMap;
import java.util.Map;

/**
 * The values of the lambda variables in scope while a higher-order function evaluates a lambda's body on the
 * current thread: one vector per variable, aligned with the rows of the batch the body sees. Entering a nested
 * lambda re-aligns the outer variables to the inner rows ({@link #enter}).
 */
public final class LambdaScope {
    private static final ThreadLocal<Map<Long, ColumnVector>> CURRENT = ThreadLocal.withInitial(HashMap::new);

    private LambdaScope() {}

    static ColumnVector value(LambdaVariable v) {
        ColumnVector c = CURRENT.get().get(v.id());
        if (c == null) throw SluiceException.internal("lambda variable " + v.name() + " evaluated outside its function");
        return c;
    }

    /** True while some lambda's variables are in scope on this thread. */
    static boolean active() { return !CURRENT.get().isEmpty(); }

    /** An entered scope; closing it restores the one before. */
    public interface Scope extends AutoCloseable {
        @Override void close();
    }

    /** A scope where the rows are {@code parentRows} of the current rows, plus {@code variables}; close restores. */
    static Scope enter(int[] parentRows, int count, Map<LambdaVariable, ColumnVector> variables) {
        Map<Long, ColumnVector> saved = CURRENT.get();
        Map<Long, ColumnVector> next = new HashMap<>();
        for (Map.Entry<Long, ColumnVector> e : saved.entrySet()) next.put(e.getKey(), e.getValue().select(parentRows, count));
        for (Map.Entry<LambdaVariable, ColumnVector> e : variables.entrySet()) next.put(e.getKey().id(), e.getValue());
        CURRENT.set(next);
        return () -> CURRENT.set(saved);
    }
}
