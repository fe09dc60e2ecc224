package dev.sluice.expr;

import java.time.Instant;

/**
 * The one instant a query reads the clock at, as Spark's ComputeCurrentTime: when a query runs, every
 * {@code current_date}, {@code current_timestamp}, {@code now}, {@code localtimestamp}, {@code current_time} and
 * {@code unix_timestamp()} of its plan is bound again inside one scope ({@link ScalarFunction#readsQueryInstant}),
 * so {@code current_timestamp = current_timestamp()} is true, a query never straddles midnight, and every row sees
 * the same value. Analysis binds them outside any scope, with no value, so analysing a plan twice gives equal
 * plans (a DataFrame's columns keep their identity); a new run takes a new instant.
 */
public final class QueryInstant implements AutoCloseable {
    private static final ThreadLocal<Instant> CURRENT = new ThreadLocal<>();

    private final boolean outermost;

    private QueryInstant(boolean outermost) { this.outermost = outermost; }

    /** Reads the clock for the query about to run on this thread (a nested scope keeps the outer instant). */
    public static QueryInstant enter() {
        if (CURRENT.get() != null) return new QueryInstant(false);
        CURRENT.set(Instant.now());
        return new QueryInstant(true);
    }

    /** The instant of the query being prepared on this thread, or null outside one (at analysis). */
    public static Instant active() { return CURRENT.get(); }

    /** The query's instant, or the time of the call for a clock function evaluated outside a run's binding. */
    public static Instant now() {
        Instant i = CURRENT.get();
        return i != null ? i : Instant.now();
    }

    @Override public void close() {
        if (outermost) CURRENT.remove();
    }
}
