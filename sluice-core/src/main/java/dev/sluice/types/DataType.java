package dev.sluice.types;

/**
 * A Spark SQL data type. {@link #simpleString()} is Spark's compact form ({@code bigint},
 * {@code struct<a:int>}), {@link #typeName()} the name printSchema shows ({@code long}, {@code struct}).
 */
public sealed interface DataType
        permits BooleanType, IntegerType, LongType, FloatType, DoubleType, DecimalType, StringType,
                BinaryType, DateType, TimestampType, NullType, StructType, ArrayType, MapType, VariantType,
                ByteType, ShortType, TimestampNTZType, YearMonthIntervalType, DayTimeIntervalType, CalendarIntervalType,
                TimeType {

    /** Spark's simpleString: what DDL and error messages show. */
    String simpleString();

    /** Spark's typeName: what printSchema shows. */
    default String typeName() { return simpleString(); }

    /** Spark's {@code DataType.sql}: upper-case DDL used in cast names ({@code CAST(a AS INT)}). */
    default String sql() { return simpleString().toUpperCase(java.util.Locale.ROOT); }

    default boolean isNumeric() {
        return this instanceof IntegerType || this instanceof LongType || this instanceof FloatType
                || this instanceof ByteType || this instanceof ShortType
                || this instanceof DoubleType || this instanceof DecimalType;
    }

    /** tinyint, smallint, int or bigint. */
    default boolean isIntegral() {
        return this instanceof IntegerType || this instanceof LongType || this instanceof ByteType || this instanceof ShortType;
    }

    /** An ANSI interval: year-month or day-time. */
    default boolean isInterval() { return this instanceof YearMonthIntervalType || this instanceof DayTimeIntervalType; }

    /** Held in int vectors: tinyint, smallint, int, date, year-month interval. */
    default boolean storesInt() {
        return this instanceof IntegerType || this instanceof DateType || this instanceof ByteType
                || this instanceof ShortType || this instanceof YearMonthIntervalType;
    }

    /** Held in long vectors: bigint, timestamp, timestamp_ntz, day-time interval, time (nanoseconds of the day). */
    default boolean storesLong() {
        return this instanceof LongType || this instanceof TimestampType || this instanceof TimestampNTZType
                || this instanceof DayTimeIntervalType || this instanceof TimeType;
    }

    default boolean isNested() {
        return this instanceof StructType || this instanceof ArrayType || this instanceof MapType;
    }
}
