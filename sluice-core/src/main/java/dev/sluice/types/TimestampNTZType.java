package dev.sluice.types;

/**
 * Spark's {@code timestamp_ntz}: a wall-clock date-time with no time zone, held as microseconds since
 * 1970-01-01T00:00 of that wall clock (as Spark). Its Java value is a {@link java.time.LocalDateTime}.
 * Use the singleton {@link DataTypes#TIMESTAMP_NTZ}.
 */
public record TimestampNTZType() implements DataType {
    @Override public String simpleString() { return "timestamp_ntz"; }
    @Override public String sql() { return "TIMESTAMP_NTZ"; }
    @Override public String toString() { return simpleString(); }
}
