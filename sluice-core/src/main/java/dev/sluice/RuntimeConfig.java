package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.util.Locale;
import java.util.Set;

/**
 * A session's settings, readable as typed values ({@code conf().parallelism()}) and, for the settings Spark lets a
 * job change at run time, settable by Spark's keys ({@code conf().set("spark.sql.shuffle.partitions", "8")}). A
 * change applies to DataFrames built and jobs started afterwards. A key Sluice does not honour is refused
 * (INVALID_OPTION), never stored and ignored; so is a time zone id Java does not know.
 */
public final class RuntimeConfig {
    public static final String ANSI = "spark.sql.ansi.enabled";
    public static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";
    public static final String SESSION_TIME_ZONE = "spark.sql.session.timeZone";
    public static final String BROADCAST_THRESHOLD = "spark.sql.autoBroadcastJoinThreshold";

    /** The most bytes a {@code collect()} may bring back (0: no limit), as Spark's {@code spark.driver.maxResultSize}. */
    public static final String MAX_RESULT_SIZE = "sluice.driver.maxResultSize";
    private static final String SPARK_MAX_RESULT_SIZE = "spark.driver.maxResultSize";

    /**
     * What the functions that build maps do with a key given twice: EXCEPTION (Spark's default: DUPLICATE_MAP_KEY) or
     * LAST_WIN (the last value, at the key's first position).
     */
    public static final String MAP_KEY_DEDUP_POLICY = "spark.sql.mapKeyDedupPolicy";

    /**
     * Whether the TIME type may be used (Spark 4.1's internal {@code spark.sql.timeType.enabled}: false by default,
     * true in Spark's own test runs). While false, the casts and functions that make or take apart a TIME fail with
     * UNSUPPORTED_TIME_TYPE, as in Spark.
     */
    public static final String TIME_TYPE_ENABLED = "spark.sql.timeType.enabled";

    /**
     * How {@code INSERT OVERWRITE} treats a partitioned table: STATIC (Spark's default: the partitions under the
     * PARTITION clause's values, else all, are replaced) or DYNAMIC (only the partitions written, at the job's commit;
     * see {@link dev.sluice.io.FileCommitProtocol}). A write's {@code partitionOverwriteMode} option wins over it.
     */
    public static final String PARTITION_OVERWRITE_MODE = "spark.sql.sources.partitionOverwriteMode";

    private static final Set<String> KEYS = Set.of(ANSI, SHUFFLE_PARTITIONS, SESSION_TIME_ZONE, BROADCAST_THRESHOLD, MAX_RESULT_SIZE,
            SPARK_MAX_RESULT_SIZE, MAP_KEY_DEDUP_POLICY, TIME_TYPE_ENABLED, PARTITION_OVERWRITE_MODE);

    private volatile SluiceConf current;
    private volatile long maxResultSize = defaultMaxResultSize();
    private volatile boolean lastWinMapKeys;
    private volatile boolean timeTypeEnabled;
    private volatile boolean dynamicPartitionOverwrite;

    private final SluiceConf initial;

    RuntimeConfig(SluiceConf initial) {
        this.current = initial;
        this.initial = initial;
    }

    /** SQL's {@code RESET}: every setting back to what the session started with. */
    public synchronized void reset() {
        current = initial;
        lastWinMapKeys = false;
        timeTypeEnabled = false;
        dynamicPartitionOverwrite = false;
    }

    /** SQL's {@code RESET key}: one setting back to what the session started with. */
    public synchronized void reset(String key) { set(key, new RuntimeConfig(initial).get(key)); }

    /** The Spark keys of the runtime settings Sluice honours. */
    public static Set<String> keys() { return new java.util.TreeSet<>(KEYS); }

    /** The settings now in force, as one immutable value (what a job captures when it starts). */
    public SluiceConf snapshot() { return current; }

    /** Sets a runtime setting by its Spark key. */
    public synchronized void set(String key, String value) {
        SluiceConf c = current;
        switch (known(key)) {
            case ANSI -> current = c.withAnsi(parseBoolean(key, value));
            case SHUFFLE_PARTITIONS -> {
                int n = parseInt(key, value);
                if (n < 1) throw invalid(key, value, "must be at least 1");
                current = c.withShufflePartitions(n);
            }
            case BROADCAST_THRESHOLD -> current = c.withBroadcastThreshold(parseLong(key, value));
            case SESSION_TIME_ZONE -> current = c.withSessionTimeZone(parseZone(key, value));
            case MAX_RESULT_SIZE, SPARK_MAX_RESULT_SIZE -> maxResultSize = parseBytes(key, value);
            case MAP_KEY_DEDUP_POLICY -> lastWinMapKeys = parseMapKeyDedupPolicy(key, value);
            case TIME_TYPE_ENABLED -> timeTypeEnabled = parseBoolean(key, value);
            case PARTITION_OVERWRITE_MODE -> {
                String mode = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
                if (!mode.equals("STATIC") && !mode.equals("DYNAMIC")) throw invalid(key, value, "must be one of STATIC, DYNAMIC");
                dynamicPartitionOverwrite = mode.equals("DYNAMIC");
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
            case SESSION_TIME_ZONE -> c.sessionTimeZone().getId();
            case MAX_RESULT_SIZE, SPARK_MAX_RESULT_SIZE -> String.valueOf(maxResultSize);
            case MAP_KEY_DEDUP_POLICY -> lastWinMapKeys ? "LAST_WIN" : "EXCEPTION";
            case TIME_TYPE_ENABLED -> String.valueOf(timeTypeEnabled);
            case PARTITION_OVERWRITE_MODE -> dynamicPartitionOverwrite ? "DYNAMIC" : "STATIC";
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
    public java.time.ZoneId sessionTimeZone() { return current.sessionTimeZone(); }

    /** Whether the TIME type may be used ({@link #TIME_TYPE_ENABLED}). */
    public boolean timeTypeEnabled() { return timeTypeEnabled; }

    /** Whether {@link #PARTITION_OVERWRITE_MODE} is DYNAMIC. */
    public boolean dynamicPartitionOverwrite() { return dynamicPartitionOverwrite; }

    /** Whether {@link #MAP_KEY_DEDUP_POLICY} is LAST_WIN. */
    public boolean lastWinMapKeys() { return lastWinMapKeys; }

    /** The result-size limit of {@code collect()} in bytes (0: none); see {@link #MAX_RESULT_SIZE}. */
    public long maxResultSize() { return maxResultSize; }

    /**
     * Spark's "Total size of serialized results ... is bigger than spark.driver.maxResultSize", with its way out:
     * {@code what} names the result ("The result of collect()"), {@code bytes} what it reached.
     */
    public static SluiceException resultTooLarge(String what, long bytes, long limit) {
        return SluiceException.of(ErrorCode.LIMIT_EXCEEDED)
                .with("what", what + " (" + bytes + " bytes so far)")
                .with("limit", limit + " bytes (" + MAX_RESULT_SIZE + ")")
                .with("remedy", "Raise " + MAX_RESULT_SIZE + " (0 means no limit), stream the rows with toLocalIterator(), "
                        + "or write the result to files.")
                .build();
    }

    /**
     * Spark's default (1 GiB), but at most half the heap, since a result must fit in it; the system property
     * {@code sluice.driver.maxResultSize} overrides it.
     */
    static long defaultMaxResultSize() {
        String property = System.getProperty(MAX_RESULT_SIZE);
        if (property != null) return parseBytes(MAX_RESULT_SIZE, property);
        return Math.min(1L << 30, Runtime.getRuntime().maxMemory() / 2);
    }

    /** A byte size as Spark writes it: {@code 1048576}, {@code 512k}, {@code 64m}, {@code 1g}, {@code 1t} (1024-based). */
    static long parseBytes(String key, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.endsWith("b")) v = v.substring(0, v.length() - 1);
        long unit = 1;
        if (!v.isEmpty()) {
            switch (v.charAt(v.length() - 1)) {
                case 'k' -> unit = 1L << 10;
                case 'm' -> unit = 1L << 20;
                case 'g' -> unit = 1L << 30;
                case 't' -> unit = 1L << 40;
                default -> unit = 1;
            }
            if (unit > 1) v = v.substring(0, v.length() - 1);
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < 0) throw invalid(key, value, "must not be negative (0 means no limit)");
            return Math.multiplyExact(n, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid(key, value, "must be a size in bytes such as 1048576, 512k, 64m or 1g (0 means no limit)");
        }
    }

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

    private static boolean parseMapKeyDedupPolicy(String key, String value) {
        return switch (value.trim().toUpperCase(Locale.ROOT)) {
            case "EXCEPTION" -> false;
            case "LAST_WIN" -> true;
            default -> throw invalid(key, value, "must be EXCEPTION or LAST_WIN");
        };
    }

    private static int parseInt(String key, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(key, value, "must be an integer");
        }
    }

    /** Region ids ({@code America/Los_Angeles}) and offsets ({@code +01:00}, {@code UTC}, {@code Z}), as Spark accepts. */
    private static java.time.ZoneId parseZone(String key, String value) {
        try {
            return java.time.ZoneId.of(value.trim(), java.time.ZoneId.SHORT_IDS);
        } catch (java.time.DateTimeException e) {
            throw invalid(key, value, "must be a region id such as America/Los_Angeles or an offset such as +01:00");
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
