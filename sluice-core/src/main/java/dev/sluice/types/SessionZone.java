package dev.sluice.types;

import java.time.ZoneId;

/**
 * The session settings that evaluation reads while a query of that session runs: the session time zone
 * ({@code spark.sql.session.timeZone}) that date/time functions, casts between strings, dates and timestamps,
 * {@code show()} and the readers and writers use, and the duplicate map key policy
 * ({@code spark.sql.mapKeyDedupPolicy}) of the functions that build maps. An action enters its session's settings
 * on the driver (optimization folds constants) and the scheduler enters them on every worker running one of the
 * query's tasks (as Spark's executors read the job's SQL settings). Outside any query, the JVM's zone, which is
 * also Spark's default, and Spark's default policy (EXCEPTION).
 */
public final class SessionZone implements AutoCloseable {
    /** The settings a job captures on the thread that starts it and enters on every thread running its tasks. */
    public record Captured(ZoneId zone, boolean lastWinMapKeys) {}

    private static final ThreadLocal<Captured> CURRENT = new ThreadLocal<>();

    private final Captured previous;

    private SessionZone(Captured previous) { this.previous = previous; }

    /** Makes {@code zone} this thread's session zone until the returned scope is closed (the map key policy stays). */
    public static SessionZone enter(ZoneId zone) {
        return enter(new Captured(zone, lastWinMapKeys()));
    }

    /** Enters a session's zone and its map key policy ({@code lastWinMapKeys}: LAST_WIN rather than EXCEPTION). */
    public static SessionZone enter(ZoneId zone, boolean lastWinMapKeys) {
        return enter(new Captured(zone, lastWinMapKeys));
    }

    /** Enters settings captured on another thread ({@link #capture()}). */
    public static SessionZone enter(Captured settings) {
        SessionZone scope = new SessionZone(CURRENT.get());
        CURRENT.set(settings);
        return scope;
    }

    /** This thread's settings, for the tasks of a job it starts. */
    public static Captured capture() { return new Captured(current(), lastWinMapKeys()); }

    public static ZoneId current() {
        Captured c = CURRENT.get();
        return c != null ? c.zone() : ZoneId.systemDefault();
    }

    /**
     * Whether a key given twice when building a map keeps the last value ({@code spark.sql.mapKeyDedupPolicy=LAST_WIN},
     * at the key's first position, as Spark's map builder) instead of failing with DUPLICATE_MAP_KEY (EXCEPTION).
     */
    public static boolean lastWinMapKeys() {
        Captured c = CURRENT.get();
        return c != null && c.lastWinMapKeys();
    }

    @Override public void close() {
        if (previous == null) CURRENT.remove();
        else CURRENT.set(previous);
    }
}
