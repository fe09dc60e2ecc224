package dev.sluice.io.parquet;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.ArrayType;
import dev.sluice.types.BinaryType;
import dev.sluice.types.BooleanType;
import dev.sluice.types.DataType;
import dev.sluice.types.DateType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.MapType;
import dev.sluice.types.StringType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.types.TimestampType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

import java.util.ArrayList;
import java.util.List;

/**
 * The Parquet schema Spark 4.1 writes for a Spark schema (standard, non-legacy format): message
 * {@code spark_schema}; nullable fields optional, others required; strings BINARY (STRING); dates INT32 (DATE);
 * tinyint/smallint INT32 (INT(8|16, signed)); timestamp_ntz INT64 TIMESTAMP(MICROS, false); intervals refused;
 * timestamps INT96 by default (or INT64 TIMESTAMP(MICROS|MILLIS, true)); decimals INT32 up to precision 9,
 * INT64 up to 18, else the narrowest FIXED_LEN_BYTE_ARRAY; arrays as three-level LIST
 * ({@code repeated group list { element }}); maps as MAP ({@code repeated group key_value { key, value }}).
 * Collated strings are strings here; their collation goes to Spark's schema in the footer ({@link SparkRowMetadata}).
 */
final class SparkParquetSchema {
    private SparkParquetSchema() {}

    static MessageType of(StructType schema, ParquetWriteOptions.TimestampType timestamps) {
        List<Type> fields = new ArrayList<>();
        for (StructField f : schema.fields()) fields.add(field(f.name(), f.dataType(), f.nullable(), timestamps));
        return new MessageType("spark_schema", fields);
    }

    static Type field(String name, DataType type, boolean nullable, ParquetWriteOptions.TimestampType ts) {
        Type.Repetition rep = nullable ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
        if (type instanceof BooleanType) return Types.primitive(PrimitiveTypeName.BOOLEAN, rep).named(name);
        if (type instanceof IntegerType) return Types.primitive(PrimitiveTypeName.INT32, rep).named(name);
        if (type instanceof LongType) return Types.primitive(PrimitiveTypeName.INT64, rep).named(name);
        if (type instanceof dev.sluice.types.ByteType) {
            return Types.primitive(PrimitiveTypeName.INT32, rep).as(LogicalTypeAnnotation.intType(8, true)).named(name);
        }
        if (type instanceof dev.sluice.types.ShortType) {
            return Types.primitive(PrimitiveTypeName.INT32, rep).as(LogicalTypeAnnotation.intType(16, true)).named(name);
        }
        if (type instanceof dev.sluice.types.TimestampNTZType) {   // always INT64 micros, not adjusted to UTC, as Spark
            return Types.primitive(PrimitiveTypeName.INT64, rep)
                    .as(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS)).named(name);
        }
        if (type instanceof dev.sluice.types.TimeType) {   // INT64 TIME(MICROS), not adjusted to UTC, as Spark 4.1 writes any time(p)
            return Types.primitive(PrimitiveTypeName.INT64, rep)
                    .as(LogicalTypeAnnotation.timeType(false, LogicalTypeAnnotation.TimeUnit.MICROS)).named(name);
        }
        if (type instanceof FloatType) return Types.primitive(PrimitiveTypeName.FLOAT, rep).named(name);
        if (type instanceof DoubleType) return Types.primitive(PrimitiveTypeName.DOUBLE, rep).named(name);
        if (type instanceof BinaryType) return Types.primitive(PrimitiveTypeName.BINARY, rep).named(name);
        if (type instanceof StringType) {
            return Types.primitive(PrimitiveTypeName.BINARY, rep).as(LogicalTypeAnnotation.stringType()).named(name);
        }
        if (type instanceof DateType) {
            return Types.primitive(PrimitiveTypeName.INT32, rep).as(LogicalTypeAnnotation.dateType()).named(name);
        }
        if (type instanceof TimestampType) {
            switch (ts) {
                case TIMESTAMP_MICROS:
                    return Types.primitive(PrimitiveTypeName.INT64, rep)
                            .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS)).named(name);
                case TIMESTAMP_MILLIS:
                    return Types.primitive(PrimitiveTypeName.INT64, rep)
                            .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS)).named(name);
                default:
                    return Types.primitive(PrimitiveTypeName.INT96, rep).named(name);
            }
        }
        if (type instanceof DecimalType d) {
            LogicalTypeAnnotation a = LogicalTypeAnnotation.decimalType(d.scale(), d.precision());
            if (d.precision() <= 9) return Types.primitive(PrimitiveTypeName.INT32, rep).as(a).named(name);
            if (d.precision() <= 18) return Types.primitive(PrimitiveTypeName.INT64, rep).as(a).named(name);
            return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, rep).length(minBytes(d.precision())).as(a).named(name);
        }
        if (type instanceof StructType s) {
            List<Type> fields = new ArrayList<>();
            for (StructField f : s.fields()) fields.add(field(f.name(), f.dataType(), f.nullable(), ts));
            if (fields.isEmpty()) throw unsupported(name, type, "Parquet cannot hold a struct without fields");
            return new org.apache.parquet.schema.GroupType(rep, name, fields);
        }
        if (type instanceof ArrayType a) {
            Type element = field("element", a.elementType(), a.containsNull(), ts);
            return Types.buildGroup(rep).as(LogicalTypeAnnotation.listType())
                    .addField(Types.repeatedGroup().addField(element).named("list")).named(name);
        }
        if (type instanceof MapType m) {
            Type key = field("key", m.keyType(), false, ts);
            Type value = field("value", m.valueType(), m.valueContainsNull(), ts);
            return Types.buildGroup(rep).as(LogicalTypeAnnotation.mapType())
                    .addField(Types.repeatedGroup().addField(key).addField(value).named("key_value")).named(name);
        }
        throw unsupported(name, type, "Spark cannot write this type to Parquet either");
    }

    /** The fewest bytes whose two's complement holds every unscaled value of {@code precision} digits. */
    static int minBytes(int precision) {
        int bytes = 1;
        java.math.BigInteger limit = java.math.BigInteger.TEN.pow(precision);
        while (java.math.BigInteger.TWO.pow(8 * bytes - 1).compareTo(limit) < 0) bytes++;
        return bytes;
    }

    private static SluiceException unsupported(String name, DataType type, String reason) {
        return SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION)
                .with("operation", "Writing the column `" + name + "` of type " + type.simpleString() + " to Parquet")
                .with("reason", reason).build();
    }
}
