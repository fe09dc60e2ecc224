package dev.sluice.connect;

import dev.sluice.types.ArrayType;
import dev.sluice.types.BinaryType;
import dev.sluice.types.BooleanType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
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
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Sluice types as Arrow types, encoded as Spark encodes them: timestamps as microseconds in the session zone,
 * dates as Date32, decimals as Decimal128, arrays as List with an {@code element} field, maps as Map of
 * {@code entries{key, value}}; and back, for local relations sent by clients.
 */
final class ArrowTypes {
    static final String TIME_ZONE = "UTC";

    private ArrowTypes() {}

    static Schema schema(StructType s) {
        List<Field> fields = new ArrayList<>();
        for (StructField f : s.fields()) fields.add(field(f.name(), f.dataType(), f.nullable()));
        return new Schema(fields);
    }

    static Field field(String name, DataType t, boolean nullable) {
        if (t instanceof ArrayType a) {
            return new Field(name, new FieldType(nullable, ArrowType.List.INSTANCE, null),
                    List.of(field("element", a.elementType(), a.containsNull())));
        }
        if (t instanceof MapType m) {
            Field entries = new Field("entries", new FieldType(false, ArrowType.Struct.INSTANCE, null),
                    List.of(field("key", m.keyType(), false), field("value", m.valueType(), m.valueContainsNull())));
            return new Field(name, new FieldType(nullable, new ArrowType.Map(false), null), List.of(entries));
        }
        if (t instanceof dev.sluice.types.VariantType) {
            // as Spark's ArrowUtils: the variant's two binaries, the metadata field tagged so clients know the struct
            Field value = new Field("value", new FieldType(false, ArrowType.Binary.INSTANCE, null), null);
            Field metadata = new Field("metadata", new FieldType(false, ArrowType.Binary.INSTANCE, null, java.util.Map.of("variant", "true")), null);
            return new Field(name, new FieldType(nullable, ArrowType.Struct.INSTANCE, null), List.of(value, metadata));
        }
        if (t instanceof StructType s) {
            List<Field> children = new ArrayList<>();
            for (StructField f : s.fields()) children.add(field(f.name(), f.dataType(), f.nullable()));
            return new Field(name, new FieldType(nullable, ArrowType.Struct.INSTANCE, null), children);
        }
        return new Field(name, new FieldType(nullable, scalar(t), null), null);
    }

    private static ArrowType scalar(DataType t) {
        if (t instanceof BooleanType) return ArrowType.Bool.INSTANCE;
        if (t instanceof IntegerType) return new ArrowType.Int(32, true);
        // as Spark's ArrowUtils.toArrowType
        if (t instanceof dev.sluice.types.ByteType) return new ArrowType.Int(8, true);
        if (t instanceof dev.sluice.types.ShortType) return new ArrowType.Int(16, true);
        if (t instanceof dev.sluice.types.TimestampNTZType) return new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
        if (t instanceof dev.sluice.types.TimeType) return new ArrowType.Time(TimeUnit.NANOSECOND, 64);   // PySpark's time64[ns]
        if (t instanceof dev.sluice.types.YearMonthIntervalType) return new ArrowType.Interval(org.apache.arrow.vector.types.IntervalUnit.YEAR_MONTH);
        if (t instanceof dev.sluice.types.DayTimeIntervalType) return new ArrowType.Duration(TimeUnit.MICROSECOND);
        if (t instanceof LongType) return new ArrowType.Int(64, true);
        if (t instanceof FloatType) return new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
        if (t instanceof DoubleType) return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
        if (t instanceof StringType) return ArrowType.Utf8.INSTANCE;
        if (t instanceof BinaryType) return ArrowType.Binary.INSTANCE;
        if (t instanceof DateType) return new ArrowType.Date(DateUnit.DAY);
        if (t instanceof TimestampType) return new ArrowType.Timestamp(TimeUnit.MICROSECOND, TIME_ZONE);
        if (t instanceof NullType) return ArrowType.Null.INSTANCE;
        if (t instanceof DecimalType d) return new ArrowType.Decimal(d.precision(), d.scale(), 128);
        throw ConnectErrors.unsupported("the data type " + t.simpleString() + " in Arrow results", "it has no Arrow form here");
    }

    /** The Sluice type of an Arrow field (a local relation without a schema string). */
    static DataType fromArrow(Field f) {
        ArrowType t = f.getType();
        switch (t.getTypeID()) {
            case Bool: return DataTypes.BOOLEAN;
            case Int: {
                int width = ((ArrowType.Int) t).getBitWidth();
                return width == 64 ? DataTypes.LONG : width == 8 ? DataTypes.BYTE : width == 16 ? DataTypes.SHORT : DataTypes.INT;
            }
            case Interval:
                if (((ArrowType.Interval) t).getUnit() == org.apache.arrow.vector.types.IntervalUnit.YEAR_MONTH) return DataTypes.YEAR_MONTH_INTERVAL;
                break;
            case Duration: return DataTypes.DAY_TIME_INTERVAL;
            case FloatingPoint:
                return ((ArrowType.FloatingPoint) t).getPrecision() == FloatingPointPrecision.SINGLE ? DataTypes.FLOAT : DataTypes.DOUBLE;
            case Utf8: case LargeUtf8: case Utf8View: return DataTypes.STRING;
            case Binary: case LargeBinary: case BinaryView: return DataTypes.BINARY;
            case Date: return DataTypes.DATE;
            case Timestamp: return ((ArrowType.Timestamp) t).getTimezone() == null ? DataTypes.TIMESTAMP_NTZ : DataTypes.TIMESTAMP;
            case Time: return DataTypes.TIME;
            case Null: return DataTypes.NULL;
            case Decimal: {
                ArrowType.Decimal d = (ArrowType.Decimal) t;
                return DataTypes.decimal(d.getPrecision(), d.getScale());
            }
            case List: case LargeList: {
                Field e = f.getChildren().get(0);
                return new ArrayType(fromArrow(e), e.isNullable());
            }
            case Map: {
                Field entries = f.getChildren().get(0);
                Field v = entries.getChildren().get(1);
                return new MapType(fromArrow(entries.getChildren().get(0)), fromArrow(v), v.isNullable());
            }
            case Struct: {
                List<StructField> fields = new ArrayList<>();
                for (Field c : f.getChildren()) fields.add(new StructField(c.getName(), fromArrow(c), c.isNullable()));
                return new StructType(fields);
            }
            default:
                break;
        }
        throw ConnectErrors.unsupported("the Arrow type " + t, "Sluice has no such type");
    }
}
