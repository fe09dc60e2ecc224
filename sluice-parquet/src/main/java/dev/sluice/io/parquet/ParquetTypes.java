package dev.sluice.io.parquet;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.MapType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * Parquet types as Spark reads them (Spark's ParquetToSparkSchemaConverter with default settings):
 * every field comes out nullable; INT96 and INT64 timestamps are timestamps; decimals of any physical type
 * are decimals; unannotated BINARY is binary; LIST and MAP, including the legacy two-level forms, are arrays
 * and maps; a repeated field outside a LIST is an array.
 * <p>Differences, because Sluice has no such types: 8- and 16-bit integers read as int (Spark: byte, short),
 * timestamps not adjusted to UTC read as timestamp (Spark: timestamp_ntz).
 */
final class ParquetTypes {
    private ParquetTypes() {}

    /** The Sluice schema of a Parquet message (or any group). */
    static StructType toSluice(GroupType group) {
        List<StructField> fields = new ArrayList<>(group.getFieldCount());
        for (Type t : group.getFields()) fields.add(StructField.of(t.getName(), fieldType(t)));
        return new StructType(fields);
    }

    /** The type of a field, a repeated field being an array of its values. */
    static DataType fieldType(Type t) {
        if (t.isRepetition(Type.Repetition.REPEATED)) return ArrayType.of(valueType(t));
        return valueType(t);
    }

    /** The type of one value of {@code t}, ignoring its repetition. */
    static DataType valueType(Type t) {
        if (t.isPrimitive()) return primitive(t.asPrimitiveType());
        GroupType g = t.asGroupType();
        LogicalTypeAnnotation a = g.getLogicalTypeAnnotation();
        if (a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) return ArrayType.of(valueType(listElement(g)));
        if (a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
                || a instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) {
            GroupType kv = mapKeyValue(g);
            DataType value = kv.getFieldCount() > 1 ? fieldType(kv.getType(1)) : DataTypes.NULL;
            return MapType.of(fieldType(kv.getType(0)), value);
        }
        return toSluice(g);
    }

    /**
     * The element of a LIST group, by Spark's rules for the legacy forms: the repeated field itself is the
     * element when it is primitive, has several fields, or is named {@code array} or {@code <list>_tuple};
     * otherwise (the standard three-level form) its only field is.
     */
    static Type listElement(GroupType list) {
        if (list.getFieldCount() != 1 || !list.getType(0).isRepetition(Type.Repetition.REPEATED)) {
            throw invalid(list, "a LIST group must hold exactly one repeated field");
        }
        Type repeated = list.getType(0);
        return repeatedIsElement(repeated, list.getName()) ? repeated : repeated.asGroupType().getType(0);
    }

    static boolean repeatedIsElement(Type repeated, String listName) {
        return repeated.isPrimitive() || repeated.asGroupType().getFieldCount() != 1
                || repeated.getName().equals("array") || repeated.getName().equals(listName + "_tuple");
    }

    /** The repeated key-value group of a MAP group. */
    static GroupType mapKeyValue(GroupType map) {
        if (map.getFieldCount() != 1 || map.getType(0).isPrimitive()
                || !map.getType(0).isRepetition(Type.Repetition.REPEATED)) {
            throw invalid(map, "a MAP group must hold exactly one repeated key-value group");
        }
        GroupType kv = map.getType(0).asGroupType();
        if (kv.getFieldCount() < 1 || kv.getFieldCount() > 2) throw invalid(map, "a map entry must have a key and a value");
        return kv;
    }

    static DataType primitive(PrimitiveType p) {
        LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
        if (a instanceof DecimalLogicalTypeAnnotation d) return DataTypes.decimal(d.getPrecision(), d.getScale());
        switch (p.getPrimitiveTypeName()) {
            case BOOLEAN: return DataTypes.BOOLEAN;
            case FLOAT: return DataTypes.FLOAT;
            case DOUBLE: return DataTypes.DOUBLE;
            case INT96: return DataTypes.TIMESTAMP;
            case INT32:
                if (a == null) return DataTypes.INT;
                if (a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) return DataTypes.DATE;
                if (a instanceof IntLogicalTypeAnnotation i) {
                    // Spark's ParquetToSparkSchemaConverter: INT(8) tinyint, INT(16) smallint, UINT(8) smallint,
                    // UINT(16) int, UINT(32) bigint
                    if (i.isSigned()) return i.getBitWidth() == 8 ? DataTypes.BYTE : i.getBitWidth() == 16 ? DataTypes.SHORT : DataTypes.INT;
                    return i.getBitWidth() == 8 ? DataTypes.SHORT : i.getBitWidth() == 16 ? DataTypes.INT : DataTypes.LONG;
                }
                break;
            case INT64:
                if (a == null) return DataTypes.LONG;
                if (a instanceof IntLogicalTypeAnnotation i) return i.isSigned() ? DataTypes.LONG : DataTypes.decimal(20, 0);
                if (a instanceof TimestampLogicalTypeAnnotation ts && ts.getUnit() != LogicalTypeAnnotation.TimeUnit.NANOS) {
                    return ts.isAdjustedToUTC() ? DataTypes.TIMESTAMP : DataTypes.TIMESTAMP_NTZ;
                }
                // Spark 4.1 reads TIME(MICROS) as time(6); other TIME columns fall through to the refusal below
                if (a instanceof LogicalTypeAnnotation.TimeLogicalTypeAnnotation t && t.getUnit() == LogicalTypeAnnotation.TimeUnit.MICROS) {
                    return DataTypes.TIME;
                }
                break;
            case BINARY:
                if (a == null || a instanceof LogicalTypeAnnotation.BsonLogicalTypeAnnotation) return DataTypes.BINARY;
                if (a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                        || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                        || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) return DataTypes.STRING;
                break;
            case FIXED_LEN_BYTE_ARRAY:
                if (a == null) return DataTypes.BINARY;
                break;
            default:
                break;
        }
        throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION)
                .with("operation", "Reading the Parquet column `" + p.getName() + "` of type " + p)
                .with("reason", "Spark cannot read this Parquet type either (with its default settings)")
                .build();
    }

    private static SluiceException invalid(GroupType g, String reason) {
        return SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION)
                .with("operation", "Reading the Parquet group `" + g.getName() + "`").with("reason", reason).build();
    }
}
