package dev.sluice.io.orc;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.ArrayType;
import dev.sluice.types.BinaryType;
import dev.sluice.types.BooleanType;
import dev.sluice.types.ByteType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DateType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.MapType;
import dev.sluice.types.ShortType;
import dev.sluice.types.StringType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.types.TimestampNTZType;
import dev.sluice.types.TimestampType;
import org.apache.orc.TypeDescription;

import java.util.ArrayList;
import java.util.List;

/**
 * ORC types and Sluice types as Spark 4.1 maps them: char and varchar read as string; {@code timestamp} (and
 * {@code timestamp with local time zone}) as timestamp, unless the column carries Spark's
 * {@code spark.sql.catalyst.type=timestamp_ntz} attribute (how Spark writes timestamp_ntz); unions are refused.
 */
final class OrcTypes {
    static final String CATALYST_TYPE = "spark.sql.catalyst.type";

    private OrcTypes() {}

    static DataType toSluice(TypeDescription t, String where) {
        switch (t.getCategory()) {
            case BOOLEAN: return DataTypes.BOOLEAN;
            case BYTE: return DataTypes.BYTE;
            case SHORT: return DataTypes.SHORT;
            case INT: return DataTypes.INT;
            case LONG: return DataTypes.LONG;
            case FLOAT: return DataTypes.FLOAT;
            case DOUBLE: return DataTypes.DOUBLE;
            case STRING: case CHAR: case VARCHAR: return DataTypes.STRING;
            case BINARY: return DataTypes.BINARY;
            case DATE: return DataTypes.DATE;
            case DECIMAL: return new DecimalType(t.getPrecision(), t.getScale());
            case TIMESTAMP:
                return "timestamp_ntz".equals(t.getAttributeValue(CATALYST_TYPE)) ? DataTypes.TIMESTAMP_NTZ : DataTypes.TIMESTAMP;
            case TIMESTAMP_INSTANT: return DataTypes.TIMESTAMP;
            case LIST: return new ArrayType(toSluice(t.getChildren().get(0), where), true);
            case MAP: return new MapType(toSluice(t.getChildren().get(0), where), toSluice(t.getChildren().get(1), where), true);
            case STRUCT: {
                List<StructField> fields = new ArrayList<>();
                for (int i = 0; i < t.getFieldNames().size(); i++) {
                    fields.add(new StructField(t.getFieldNames().get(i), toSluice(t.getChildren().get(i), where), true));
                }
                return new StructType(fields);
            }
            default:
                throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "Reading the ORC type " + t + " in " + where)
                        .with("reason", "Spark has no type for it (unions are not supported)").build();
        }
    }

    static TypeDescription toOrc(DataType t, String column) {
        if (t instanceof BooleanType) return TypeDescription.createBoolean();
        if (t instanceof ByteType) return TypeDescription.createByte();
        if (t instanceof ShortType) return TypeDescription.createShort();
        if (t instanceof IntegerType) return TypeDescription.createInt();
        if (t instanceof LongType) return TypeDescription.createLong();
        if (t instanceof FloatType) return TypeDescription.createFloat();
        if (t instanceof DoubleType) return TypeDescription.createDouble();
        if (t instanceof StringType) return TypeDescription.createString();
        if (t instanceof BinaryType) return TypeDescription.createBinary();
        if (t instanceof DateType) return TypeDescription.createDate();
        if (t instanceof DecimalType d) return TypeDescription.createDecimal().withPrecision(d.precision()).withScale(d.scale());
        if (t instanceof TimestampType) return TypeDescription.createTimestamp();
        if (t instanceof TimestampNTZType) return TypeDescription.createTimestamp().setAttribute(CATALYST_TYPE, "timestamp_ntz");
        if (t instanceof ArrayType a) return TypeDescription.createList(toOrc(a.elementType(), column));
        if (t instanceof MapType m) return TypeDescription.createMap(toOrc(m.keyType(), column), toOrc(m.valueType(), column));
        if (t instanceof StructType s) {
            TypeDescription out = TypeDescription.createStruct();
            for (StructField f : s.fields()) out.addField(f.name(), toOrc(f.dataType(), column + "." + f.name()));
            return out;
        }
        throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "Writing the column " + column + " of type " + t.simpleString() + " to ORC")
                .with("reason", "ORC has no type for it; cast it first").build();
    }
}
