package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.util.Locale;
import java.util.Set;

/**
 * A session's settings, readable as typed values ({@code conf().parallelism()}) and, for the settings Spark lets a
 * job change at run time, settable by Spark's keys ({@code conf().set("spark.sql.shuffle.partitions", "8")}). A
 * change applies to DataFrames built and jobs started afterwards. A key Sluice does not honour is refused
 * (INVALID_OPTION), never stored and ignored; so is a session time zone other than UTC, which Sluice does not
 * have yet.
 */
public final class RuntimeConfig {
    public static final String ANSI = "spark.sql.ansi.enabled";
    public static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";
    public static final String SESSION_TIME_ZONE = "spark.sql.session.timeZone";
    public static final String BROADCAST_THRESHOLD = "spark.sql.autoBroadcastJoinThreshold";

    private static final Set<String> KEYS = Set.of(ANSI, SHUFFLE_PARTITIONS, SESSION_TIME_ZONE, BROADCAST_THRESHOLD);

    private volatile SluiceConf current;

    RuntimeConfig(SluiceConf initial) { this.current = initial; }

    /** The settings now in force, as one immutable value (what a job captures when it starts). */
    public SluiceConf snapshot() { return current; }

    /** Sets a runtime setting by its Spark key. */
    public synchronized void set(String key, String value) {
        SluiceConf c = current;
        switch (known(key)) {
            case ANSI -> current = new SluiceConf(c.parallelism(), c.batchSize(), parseBoolean(key, value), c.maxSplitBytes(),
                    c.inferenceSampleSize(), c.disabledRules(), c.memoryBudget(), c.shufflePartitions(), c.broadcastThreshold());
            case SHUFFLE_PARTITIONS -> {
                int n = parseInt(key, value);
                if (n < 1) throw invalid(key, value, "must be at least 1");
                current = new SluiceConf(c.parallelism(), c.batchSize(), c.ansi(), c.maxSplitBytes(), c.inferenceSampleSize(),
                        c.disabledRules(), c.memoryBudget(), n, c.broadcastThreshold());
            }
            case BROADCAST_THRESHOLD -> current = new SluiceConf(c.parallelism(), c.batchSize(), c.ansi(), c.maxSplitBytes(),
                    c.inferenceSampleSize(), c.disabledRules(), c.memoryBudget(), c.shufflePartitions(), parseLong(key, value));
            case SESSION_TIME_ZONE -> {
                if (!value.equalsIgnoreCase("UTC") && !value.equals("Z") && !value.equals("+00:00")) {
                    throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "setting " + key + " to " + value)
                            .with("reason", "Sluice's session time zone is UTC; other zones are not supported yet").build();
                }
            }
            default -> throw SluiceException.internal("unhandled key " + key);
        }
    }

    public void set(String key, boolean value) { set(key, String.valueOf(value)); }

    public void set(String key, long value) { set(key, String.valueOf(value)); }

    /** The value of a setting by its Spark key. */
    public String get(String key) {
        SluiceConf c = current;
        return switch (known(key)) {
            case ANSI -> String.valueOf(c.ansi());
            case SHUFFLE_PARTITIONS -> String.valueOf(c.shufflePartitions());
            case BROADCAST_THRESHOLD -> String.valueOf(c.broadcastThreshold());
            case SESSION_TIME_ZONE -> "UTC";
            default -> throw SluiceException.internal("unhandled key " + key);
        };
    }

    public String get(String key, String defaultValue) { return isKnown(key) ? get(key) : defaultValue; }

    /** Whether Spark lets a job change this setting at run time (all keys Sluice knows are). */
    public boolean isModifiable(String key) { return isKnown(key); }

    // the typed settings, as SluiceConf's
    public int parallelism() { return current.parallelism(); }
    public int batchSize() { return current.batchSize(); }
    public boolean ansi() { return current.ansi(); }
    public long maxSplitBytes() { return current.maxSplitBytes(); }
    public int inferenceSampleSize() { return current.inferenceSampleSize(); }
    public Set<String> disabledRules() { return current.disabledRules(); }
    public long memoryBudget() { return current.memoryBudget(); }
    public int shufflePartitions() { return current.shufflePartitions(); }
    public long broadcastThreshold() { return current.broadcastThreshold(); }

    private static boolean isKnown(String key) { return KEYS.stream().anyMatch(k -> k.equalsIgnoreCase(key)); }

    private static String known(String key) {
        for (String k : KEYS) if (k.equalsIgnoreCase(key)) return k;
        throw SluiceException.of(ErrorCode.INVALID_OPTION).with("option", key).with("value", "")
                .with("reason", "Sluice does not know this setting; it honours " + String.join(", ", new java.util.TreeSet<>(KEYS))).build();
    }

    private static boolean parseBoolean(String key, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("false")) return Boolean.parseBoolean(v);
        throw invalid(key, value, "must be true or false");
    }

    private static int parseInt(String key, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(key, value, "must be an integer");
        }
    }

    private static long parseLong(String key, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(key, value, "must be an integer (bytes)");
        }
    }

    private static SluiceException invalid(String key, String value, String reason) {
        return SluiceException.of(ErrorCode.INVALID_OPTION).with("option", key).with("value", value).with("reason", reason).build();
    }

    @Override public String toString() { return current.toString(); }
}
