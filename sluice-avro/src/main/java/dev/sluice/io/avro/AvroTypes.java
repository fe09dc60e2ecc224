package dev.sluice.io.avro;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DecimalType;
import dev.sluice.types.MapType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Avro schemas to Sluice types and back, as Spark's Avro source maps them: a union of null and one type is that
 * type (nullable); any other union is a struct {@code member0, member1, ...}; enums are strings, fixed and bytes
 * binary; logical types date, timestamp-millis/-micros and decimal become date, timestamp and decimal. Writing
 * makes a record {@code topLevelRecord} whose nullable fields are unions {@code [type, null]}.
 */
final class AvroTypes {
    private AvroTypes() {}

    static StructType toSluice(Schema schema) {
        if (schema.getType() != Schema.Type.RECORD) {
            throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "an Avro file of " + schema.getType())
                    .with("reason", "Sluice reads Avro files whose records are Avro records").build();
        }
        return (StructType) type(schema);
    }

    static DataType type(Schema s) {
        LogicalType logical = s.getLogicalType();
        if (logical instanceof LogicalTypes.Date) return DataTypes.DATE;
        if (logical instanceof LogicalTypes.TimestampMillis || logical instanceof LogicalTypes.TimestampMicros) return DataTypes.TIMESTAMP;
        if (logical instanceof LogicalTypes.Decimal d) return new DecimalType(d.getPrecision(), d.getScale());
        return switch (s.getType()) {
            case BOOLEAN -> DataTypes.BOOLEAN;
            case INT -> DataTypes.INT;
            case LONG -> DataTypes.LONG;
            case FLOAT -> DataTypes.FLOAT;
            case DOUBLE -> DataTypes.DOUBLE;
            case STRING, ENUM -> DataTypes.STRING;
            case BYTES, FIXED -> DataTypes.BINARY;
            case NULL -> DataTypes.NULL;
            case ARRAY -> new ArrayType(type(s.getElementType()), true);
            case MAP -> new MapType(DataTypes.STRING, type(s.getValueType()), true);
            case RECORD -> {
                List<StructField> fields = new ArrayList<>();
                for (Schema.Field f : s.getFields()) fields.add(StructField.of(f.name(), type(f.schema())));
                yield new StructType(fields);
            }
            case UNION -> {
                List<Schema> members = nonNull(s);
                if (members.size() == 1) yield type(members.get(0));
                List<StructField> fields = new ArrayList<>();
                for (int i = 0; i < members.size(); i++) fields.add(StructField.of("member" + i, type(members.get(i))));
                yield new StructType(fields);
            }
        };
    }

    static List<Schema> nonNull(Schema union) {
        List<Schema> out = new ArrayList<>();
        for (Schema m : union.getTypes()) if (m.getType() != Schema.Type.NULL) out.add(m);
        return out;
    }

    /** The Avro schema Sluice writes for rows of {@code type}. */
    static Schema toAvro(StructType type) { return record(type, "topLevelRecord", ""); }

    private static Schema record(StructType type, String name, String namespace) {
        List<Schema.Field> fields = new ArrayList<>();
        for (StructField f : type.fields()) {
            Schema t = avro(f.dataType(), f.name(), namespace.isEmpty() ? "topLevelRecord" : namespace + "." + name);
            fields.add(new Schema.Field(f.name(), Schema.createUnion(t, Schema.create(Schema.Type.NULL)), null, (Object) null));
        }
        return Schema.createRecord(name, null, namespace.isEmpty() ? null : namespace, false, fields);
    }

    private static Schema avro(DataType t, String name, String namespace) {
        if (t.equals(DataTypes.BOOLEAN)) return Schema.create(Schema.Type.BOOLEAN);
        if (t.equals(DataTypes.INT)) return Schema.create(Schema.Type.INT);
        if (t.equals(DataTypes.LONG)) return Schema.create(Schema.Type.LONG);
        if (t.equals(DataTypes.FLOAT)) return Schema.create(Schema.Type.FLOAT);
        if (t.equals(DataTypes.DOUBLE)) return Schema.create(Schema.Type.DOUBLE);
        if (t.equals(DataTypes.STRING)) return Schema.create(Schema.Type.STRING);
        if (t.equals(DataTypes.BINARY)) return Schema.create(Schema.Type.BYTES);
        if (t.equals(DataTypes.DATE)) return LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
        if (t.equals(DataTypes.TIMESTAMP)) return LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
        if (t instanceof DecimalType d) return LogicalTypes.decimal(d.precision(), d.scale()).addToSchema(Schema.create(Schema.Type.BYTES));
        if (t instanceof ArrayType a) return Schema.createArray(nullable(avro(a.elementType(), name, namespace)));
        if (t instanceof MapType m && m.keyType().equals(DataTypes.STRING)) return Schema.createMap(nullable(avro(m.valueType(), name, namespace)));
        if (t instanceof StructType s) return record(s, name, namespace);
        throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "writing a column of type " + t + " as Avro")
                .with("reason", "Avro maps need string keys; other types have no Avro counterpart").build();
    }

    private static Schema nullable(Schema s) { return Schema.createUnion(s, Schema.create(Schema.Type.NULL)); }
}
