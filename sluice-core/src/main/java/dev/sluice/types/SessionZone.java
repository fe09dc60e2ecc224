package dev.sluice.types;

import java.time.ZoneId;

/**
 * The session time zone ({@code spark.sql.session.timeZone}) that date/time functions, casts between strings,
 * dates and timestamps, {@code show()} and the readers and writers use while a query of that session runs.
 * An action enters its session's zone on the driver (optimization folds constants) and the scheduler enters it
 * on every worker running one of the query's tasks. Outside any query, the JVM's zone, which is also Spark's
 * default.
 */
public final class SessionZone implements AutoCloseable {
    private static final ThreadLocal<ZoneId> CURRENT = new ThreadLocal<>();

    private final ZoneId previous;

    private SessionZone(ZoneId previous) { this.previous = previous; }

    /** Makes {@code zone} this thread's session zone until the returned scope is closed. */
    public static SessionZone enter(ZoneId zone) {
        SessionZone scope = new SessionZone(CURRENT.get());
        CURRENT.set(zone);
        return scope;
    }

    public static ZoneId current() {
        ZoneId zone = CURRENT.get();
        return zone != null ? zone : ZoneId.systemDefault();
    }

    @Override public void close() {
        if (previous == null) CURRENT.remove();
        else CURRENT.set(previous);
    }
}
