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

import java.util.ArrayList;
import java.util.List;

/** Sluice types to and from the protocol's {@code DataType}. Types Sluice lacks are refused by name. */
final class ProtoTypes {
    private ProtoTypes() {}

    static org.apache.spark.connect.proto.DataType toProto(DataType t) {
        var b = org.apache.spark.connect.proto.DataType.newBuilder();
        if (t instanceof BooleanType) return b.setBoolean(org.apache.spark.connect.proto.DataType.Boolean.getDefaultInstance()).build();
        if (t instanceof IntegerType) return b.setInteger(org.apache.spark.connect.proto.DataType.Integer.getDefaultInstance()).build();
        if (t instanceof dev.sluice.types.ByteType) return b.setByte(org.apache.spark.connect.proto.DataType.Byte.getDefaultInstance()).build();
        if (t instanceof dev.sluice.types.ShortType) return b.setShort(org.apache.spark.connect.proto.DataType.Short.getDefaultInstance()).build();
        if (t instanceof dev.sluice.types.TimestampNTZType) {
            return b.setTimestampNtz(org.apache.spark.connect.proto.DataType.TimestampNTZ.getDefaultInstance()).build();
        }
        if (t instanceof dev.sluice.types.TimeType time) {
            return b.setTime(org.apache.spark.connect.proto.DataType.Time.newBuilder().setPrecision(time.precision())).build();
        }
        if (t instanceof dev.sluice.types.YearMonthIntervalType ym) {
            return b.setYearMonthInterval(org.apache.spark.connect.proto.DataType.YearMonthInterval.newBuilder()
                    .setStartField(ym.startField()).setEndField(ym.endField())).build();
        }
        if (t instanceof dev.sluice.types.DayTimeIntervalType dt) {
            return b.setDayTimeInterval(org.apache.spark.connect.proto.DataType.DayTimeInterval.newBuilder()
                    .setStartField(dt.startField()).setEndField(dt.endField())).build();
        }
        if (t instanceof LongType) return b.setLong(org.apache.spark.connect.proto.DataType.Long.getDefaultInstance()).build();
        if (t instanceof FloatType) return b.setFloat(org.apache.spark.connect.proto.DataType.Float.getDefaultInstance()).build();
        if (t instanceof DoubleType) return b.setDouble(org.apache.spark.connect.proto.DataType.Double.getDefaultInstance()).build();
        if (t instanceof StringType s) {   // the collation by name, as Spark's client sends it (empty: UTF8_BINARY)
            var str = org.apache.spark.connect.proto.DataType.String.newBuilder();
            if (!s.isDefault()) str.setCollation(s.collation().name());
            return b.setString(str).build();
        }
        if (t instanceof BinaryType) return b.setBinary(org.apache.spark.connect.proto.DataType.Binary.getDefaultInstance()).build();
        if (t instanceof dev.sluice.types.VariantType) return b.setVariant(org.apache.spark.connect.proto.DataType.Variant.getDefaultInstance()).build();
        if (t instanceof DateType) return b.setDate(org.apache.spark.connect.proto.DataType.Date.getDefaultInstance()).build();
        if (t instanceof TimestampType) return b.setTimestamp(org.apache.spark.connect.proto.DataType.Timestamp.getDefaultInstance()).build();
        if (t instanceof NullType) return b.setNull(org.apache.spark.connect.proto.DataType.NULL.getDefaultInstance()).build();
        if (t instanceof DecimalType d) {
            return b.setDecimal(org.apache.spark.connect.proto.DataType.Decimal.newBuilder()
                    .setPrecision(d.precision()).setScale(d.scale())).build();
        }
        if (t instanceof ArrayType a) {
            return b.setArray(org.apache.spark.connect.proto.DataType.Array.newBuilder()
                    .setElementType(toProto(a.elementType())).setContainsNull(a.containsNull())).build();
        }
        if (t instanceof MapType m) {
            return b.setMap(org.apache.spark.connect.proto.DataType.Map.newBuilder()
                    .setKeyType(toProto(m.keyType())).setValueType(toProto(m.valueType()))
                    .setValueContainsNull(m.valueContainsNull())).build();
        }
        if (t instanceof StructType s) {
            var sb = org.apache.spark.connect.proto.DataType.Struct.newBuilder();
            for (StructField f : s.fields()) {
                var field = org.apache.spark.connect.proto.DataType.StructField.newBuilder()
                        .setName(f.name()).setDataType(toProto(f.dataType())).setNullable(f.nullable());
                if (!f.metadata().isEmpty()) field.setMetadata(f.metadata());
                sb.addFields(field);
            }
            return b.setStruct(sb).build();
        }
        throw ConnectErrors.unsupported("the data type " + t.simpleString(), "it has no Spark Connect form here");
    }

    static DataType fromProto(org.apache.spark.connect.proto.DataType t) {
        switch (t.getKindCase()) {
            case BOOLEAN: return DataTypes.BOOLEAN;
            case BYTE: return DataTypes.BYTE;
            case SHORT: return DataTypes.SHORT;
            case INTEGER: return DataTypes.INT;
            case TIMESTAMP_NTZ: return DataTypes.TIMESTAMP_NTZ;
            case TIME: return t.getTime().hasPrecision() ? DataTypes.time(t.getTime().getPrecision()) : DataTypes.TIME;
            case YEAR_MONTH_INTERVAL: {
                var ym = t.getYearMonthInterval();
                return new dev.sluice.types.YearMonthIntervalType(ym.hasStartField() ? ym.getStartField() : 0, ym.hasEndField() ? ym.getEndField() : 1);
            }
            case DAY_TIME_INTERVAL: {
                var dt = t.getDayTimeInterval();
                return new dev.sluice.types.DayTimeIntervalType(dt.hasStartField() ? dt.getStartField() : 0, dt.hasEndField() ? dt.getEndField() : 3);
            }
            case LONG: return DataTypes.LONG;
            case FLOAT: return DataTypes.FLOAT;
            case DOUBLE: return DataTypes.DOUBLE;
            case STRING: {
                String collation = t.getString().getCollation();
                return collation.isEmpty() ? DataTypes.STRING : StringType.of(dev.sluice.types.Collation.of(collation));
            }
            case CHAR: case VAR_CHAR: return DataTypes.STRING;
            case BINARY: return DataTypes.BINARY;
            case VARIANT: return DataTypes.VARIANT;
            case DATE: return DataTypes.DATE;
            case TIMESTAMP: return DataTypes.TIMESTAMP;
            case NULL: return DataTypes.NULL;
            case DECIMAL: {
                var d = t.getDecimal();
                return DataTypes.decimal(d.hasPrecision() ? d.getPrecision() : 10, d.hasScale() ? d.getScale() : 0);
            }
            case ARRAY: {
                var a = t.getArray();
                return new ArrayType(fromProto(a.getElementType()), a.getContainsNull());
            }
            case MAP: {
                var m = t.getMap();
                return new MapType(fromProto(m.getKeyType()), fromProto(m.getValueType()), m.getValueContainsNull());
            }
            case STRUCT: {
                List<StructField> fields = new ArrayList<>();
                for (var f : t.getStruct().getFieldsList()) {
                    fields.add(new StructField(f.getName(), fromProto(f.getDataType()), f.getNullable(), f.hasMetadata() ? f.getMetadata() : ""));
                }
                return new StructType(fields);
            }
            case UNPARSED: return SchemaStrings.parseType(t.getUnparsed().getDataTypeString());
            default:
                throw ConnectErrors.unsupported("the data type " + t.getKindCase().name().toLowerCase(java.util.Locale.ROOT),
                        "Sluice has no such type");
        }
    }
}
