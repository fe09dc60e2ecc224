package dev.sluice.types;

/**
 * A Spark SQL data type. {@link #simpleString()} is Spark's compact form ({@code bigint},
 * {@code struct<a:int>}), {@link #typeName()} the name printSchema shows ({@code long}, {@code struct}).
 */
public sealed interface DataType
        permits BooleanType, IntegerType, LongType, FloatType, DoubleType, DecimalType, StringType,
                BinaryType, DateType, TimestampType, NullType, StructType, ArrayType, MapType, VariantType {

    /** Spark's simpleString: what DDL and error messages show. */
    String simpleString();

    /** Spark's typeName: what printSchema shows. */
    default String typeName() { return simpleString(); }

    /** Spark's {@code DataType.sql}: upper-case DDL used in cast names ({@code CAST(a AS INT)}). */
    default String sql() { return simpleString().toUpperCase(java.util.Locale.ROOT); }

    default boolean isNumeric() {
        return this instanceof IntegerType || this instanceof LongType || this instanceof FloatType
                || this instanceof DoubleType || this instanceof DecimalType;
    }

    default boolean isNested() {
        return this instanceof StructType || this instanceof ArrayType || this instanceof MapType;
    }
}
