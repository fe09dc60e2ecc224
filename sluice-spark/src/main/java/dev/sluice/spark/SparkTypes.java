package dev.sluice.spark;

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
import dev.sluice.types.NullType;
import dev.sluice.types.StringType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.types.TimestampType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;

import java.util.ArrayList;
import java.util.List;

/** Sluice data types to Spark's and back; the two type systems are the same (Sluice models Spark's). */
final class SparkTypes {
    private SparkTypes() {}

    static org.apache.spark.sql.types.DataType toSpark(DataType t) {
        if (t instanceof BooleanType) return DataTypes.BooleanType;
        if (t instanceof IntegerType) return DataTypes.IntegerType;
        if (t instanceof LongType) return DataTypes.LongType;
        if (t instanceof FloatType) return DataTypes.FloatType;
        if (t instanceof DoubleType) return DataTypes.DoubleType;
        if (t instanceof DecimalType d) return DataTypes.createDecimalType(d.precision(), d.scale());
        if (t instanceof StringType s) return s.isDefault() ? DataTypes.StringType : org.apache.spark.sql.types.StringType.apply(s.collation().name());
        if (t instanceof BinaryType) return DataTypes.BinaryType;
        if (t instanceof DateType) return DataTypes.DateType;
        if (t instanceof TimestampType) return DataTypes.TimestampType;
        if (t instanceof NullType) return DataTypes.NullType;
        if (t instanceof dev.sluice.types.ByteType) return DataTypes.ByteType;
        if (t instanceof dev.sluice.types.ShortType) return DataTypes.ShortType;
        if (t instanceof dev.sluice.types.TimestampNTZType) return DataTypes.TimestampNTZType;
        if (t instanceof dev.sluice.types.TimeType time) return new org.apache.spark.sql.types.TimeType(time.precision());
        if (t instanceof dev.sluice.types.YearMonthIntervalType ym) {
            return DataTypes.createYearMonthIntervalType((byte) ym.startField(), (byte) ym.endField());
        }
        if (t instanceof dev.sluice.types.DayTimeIntervalType dt) {
            return DataTypes.createDayTimeIntervalType((byte) dt.startField(), (byte) dt.endField());
        }
        if (t instanceof dev.sluice.types.CalendarIntervalType) return DataTypes.CalendarIntervalType;
        if (t instanceof ArrayType a) return DataTypes.createArrayType(toSpark(a.elementType()), a.containsNull());
        if (t instanceof MapType m) {
            return DataTypes.createMapType(toSpark(m.keyType()), toSpark(m.valueType()), m.valueContainsNull());
        }
        if (t instanceof StructType s) return toSpark(s);
        throw unsupported("type " + t.simpleString());
    }

    static org.apache.spark.sql.types.StructType toSpark(StructType s) {
        List<org.apache.spark.sql.types.StructField> fields = new ArrayList<>(s.size());
        for (StructField f : s.fields()) {
            fields.add(DataTypes.createStructField(f.name(), toSpark(f.dataType()), f.nullable(), Metadata.empty()));
        }
        return DataTypes.createStructType(fields);
    }

    /** Spark's type back in Sluice's terms; used to check that Spark computed the types Sluice planned. */
    static DataType fromSpark(org.apache.spark.sql.types.DataType t) {
        if (t instanceof org.apache.spark.sql.types.BooleanType) return dev.sluice.types.DataTypes.BOOLEAN;
        if (t instanceof org.apache.spark.sql.types.IntegerType) return dev.sluice.types.DataTypes.INT;
        if (t instanceof org.apache.spark.sql.types.LongType) return dev.sluice.types.DataTypes.LONG;
        if (t instanceof org.apache.spark.sql.types.FloatType) return dev.sluice.types.DataTypes.FLOAT;
        if (t instanceof org.apache.spark.sql.types.DoubleType) return dev.sluice.types.DataTypes.DOUBLE;
        if (t instanceof org.apache.spark.sql.types.DecimalType d) return dev.sluice.types.DataTypes.decimal(d.precision(), d.scale());
        if (t instanceof org.apache.spark.sql.types.StringType s) {
            return s.isUTF8BinaryCollation() ? dev.sluice.types.DataTypes.STRING
                    : dev.sluice.types.StringType.of(dev.sluice.types.Collation.of(s.collationName()));
        }
        if (t instanceof org.apache.spark.sql.types.BinaryType) return dev.sluice.types.DataTypes.BINARY;
        if (t instanceof org.apache.spark.sql.types.DateType) return dev.sluice.types.DataTypes.DATE;
        if (t instanceof org.apache.spark.sql.types.TimestampType) return dev.sluice.types.DataTypes.TIMESTAMP;
        if (t instanceof org.apache.spark.sql.types.NullType) return dev.sluice.types.DataTypes.NULL;
        if (t instanceof org.apache.spark.sql.types.ByteType) return dev.sluice.types.DataTypes.BYTE;
        if (t instanceof org.apache.spark.sql.types.ShortType) return dev.sluice.types.DataTypes.SHORT;
        if (t instanceof org.apache.spark.sql.types.TimestampNTZType) return dev.sluice.types.DataTypes.TIMESTAMP_NTZ;
        if (t instanceof org.apache.spark.sql.types.TimeType time) return dev.sluice.types.DataTypes.time(time.precision());
        if (t instanceof org.apache.spark.sql.types.YearMonthIntervalType ym) {
            return new dev.sluice.types.YearMonthIntervalType(ym.startField(), ym.endField());
        }
        if (t instanceof org.apache.spark.sql.types.DayTimeIntervalType dt) {
            return new dev.sluice.types.DayTimeIntervalType(dt.startField(), dt.endField());
        }
        if (t instanceof org.apache.spark.sql.types.CalendarIntervalType) return dev.sluice.types.DataTypes.CALENDAR_INTERVAL;
        if (t instanceof org.apache.spark.sql.types.ArrayType a) return new ArrayType(fromSpark(a.elementType()), a.containsNull());
        if (t instanceof org.apache.spark.sql.types.MapType m) {
            return new MapType(fromSpark(m.keyType()), fromSpark(m.valueType()), m.valueContainsNull());
        }
        if (t instanceof org.apache.spark.sql.types.StructType s) {
            List<StructField> fields = new ArrayList<>();
            for (org.apache.spark.sql.types.StructField f : s.fields()) fields.add(new StructField(f.name(), fromSpark(f.dataType()), f.nullable()));
            return new StructType(fields);
        }
        throw unsupported("Spark type " + t.simpleString() + " (no Sluice equivalent)");
    }

    /** The same type ignoring nullability (Spark and Sluice may infer nullability differently; values do not). */
    static boolean sameIgnoringNullability(DataType a, DataType b) {
        if (a instanceof ArrayType x && b instanceof ArrayType y) return sameIgnoringNullability(x.elementType(), y.elementType());
        if (a instanceof MapType x && b instanceof MapType y) {
            return sameIgnoringNullability(x.keyType(), y.keyType()) && sameIgnoringNullability(x.valueType(), y.valueType());
        }
        if (a instanceof StructType x && b instanceof StructType y) {
            if (x.size() != y.size()) return false;
            for (int i = 0; i < x.size(); i++) {
                if (!x.field(i).name().equals(y.field(i).name())) return false;
                if (!sameIgnoringNullability(x.field(i).dataType(), y.field(i).dataType())) return false;
            }
            return true;
        }
        return a.equals(b);
    }

    static SluiceException unsupported(String what) {
        return SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", what)
                .with("reason", "it has no Spark translation yet").build();
    }
}
