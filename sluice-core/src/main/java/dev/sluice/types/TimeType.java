package dev.sluice.types;

/**
 * Spark 4.1's {@code time(p)}: a time of day without a zone, {@code 00:00:00} to {@code 23:59:59.999999}, with
 * {@code p} (0 to 6, default 6) fraction digits of the second. Held as nanoseconds since midnight in a long (as
 * Spark's {@code TimeType}); values of precision {@code p} are truncated to it. Its Java value is a
 * {@link java.time.LocalTime}. Spark gates the type behind {@code spark.sql.timeType.enabled}, off by default
 * (docs/design.md, The TIME type).
 */
public record TimeType(int precision) implements DataType {
    public static final int MIN_PRECISION = 0;
    public static final int MAX_PRECISION = 6;
    public static final int DEFAULT_PRECISION = 6;
    public static final long NANOS_PER_DAY = 86_400_000_000_000L;

    public TimeType {
        if (precision < MIN_PRECISION || precision > MAX_PRECISION) {
            throw new IllegalArgumentException("TIME precision " + precision + " is not in [" + MIN_PRECISION + ", " + MAX_PRECISION + "]");
        }
    }

    @Override public String simpleString() { return "time(" + precision + ")"; }

    @Override public String toString() { return simpleString(); }

    /** Nanoseconds of the day truncated to this precision's digits. */
    public long truncate(long nanos) {
        long unit = unitNanos(precision);
        return nanos - Math.floorMod(nanos, unit);
    }

    /** The nanoseconds in one unit of the last fraction digit of {@code precision} (10^(9 - p)). */
    public static long unitNanos(int precision) {
        long unit = 1;
        for (int i = precision; i < 9; i++) unit *= 10;
        return unit;
    }
}
