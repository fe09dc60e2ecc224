package dev.sluice.types;

import java.util.Arrays;
import java.util.List;

/** Singletons and short constructors for data types. */
public final class DataTypes {
    public static final BooleanType BOOLEAN = new BooleanType();
    public static final IntegerType INT = new IntegerType();
    public static final LongType LONG = new LongType();
    public static final FloatType FLOAT = new FloatType();
    public static final DoubleType DOUBLE = new DoubleType();
    public static final StringType STRING = new StringType();
    public static final BinaryType BINARY = new BinaryType();
    public static final DateType DATE = new DateType();
    public static final TimestampType TIMESTAMP = new TimestampType();
    public static final NullType NULL = new NullType();
    public static final VariantType VARIANT = new VariantType();
    public static final ByteType BYTE = new ByteType();
    public static final ShortType SHORT = new ShortType();
    public static final TimestampNTZType TIMESTAMP_NTZ = new TimestampNTZType();
    public static final YearMonthIntervalType YEAR_MONTH_INTERVAL = YearMonthIntervalType.DEFAULT;
    public static final DayTimeIntervalType DAY_TIME_INTERVAL = DayTimeIntervalType.DEFAULT;
    public static final CalendarIntervalType CALENDAR_INTERVAL = new CalendarIntervalType();
    /** {@code time(6)}, Spark's default precision. */
    public static final TimeType TIME = new TimeType(TimeType.DEFAULT_PRECISION);

    private DataTypes() {}

    public static DecimalType decimal(int precision, int scale) { return new DecimalType(precision, scale); }

    public static TimeType time(int precision) { return new TimeType(precision); }

    public static ArrayType array(DataType element) { return ArrayType.of(element); }

    public static MapType map(DataType key, DataType value) { return MapType.of(key, value); }

    public static StructField field(String name, DataType type) { return StructField.of(name, type); }

    public static StructType struct(StructField... fields) { return new StructType(Arrays.asList(fields)); }

    public static StructType struct(List<StructField> fields) { return new StructType(fields); }
}
