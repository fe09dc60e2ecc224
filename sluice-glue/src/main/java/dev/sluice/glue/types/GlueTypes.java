package dev.sluice.glue.types;

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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Glue types from Sluice types (a DataFrame's schema, fromDF) and from Glue's (or Hive's) type names. */
public final class GlueTypes {
    private static final Pattern DECIMAL = Pattern.compile("decimal\\s*\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)");

    private GlueTypes() {}

    /** The Glue type of a Sluice type; a DataFrame has no choices, so none come out. */
    public static GlueType fromDataType(DataType t) {
        if (t instanceof StringType) return GlueScalar.STRING;
        if (t instanceof IntegerType) return GlueScalar.INT;
        if (t instanceof LongType) return GlueScalar.LONG;
        if (t instanceof DoubleType) return GlueScalar.DOUBLE;
        if (t instanceof FloatType) return GlueScalar.FLOAT;
        if (t instanceof BooleanType) return GlueScalar.BOOLEAN;
        if (t instanceof DateType) return GlueScalar.DATE;
        if (t instanceof TimestampType) return GlueScalar.TIMESTAMP;
        if (t instanceof dev.sluice.types.ByteType) return GlueScalar.BYTE;
        if (t instanceof dev.sluice.types.ShortType) return GlueScalar.SHORT;
        if (t instanceof dev.sluice.types.TimestampNTZType) return GlueScalar.TIMESTAMP_NTZ;
        if (t instanceof BinaryType) return GlueScalar.BINARY;
        if (t instanceof DecimalType d) return GlueScalar.decimal(d.precision(), d.scale());
        if (t instanceof NullType) return GlueNull.INSTANCE;
        if (t instanceof StructType s) return fromStruct(s);
        if (t instanceof ArrayType a) return new GlueArray(fromDataType(a.elementType()));
        if (t instanceof MapType m) {
            // Glue's maps have string keys: other keys are carried as their text (fromDF casts the column)
            DataType k = m.keyType();
            if (!k.isNumeric() && !(k instanceof StringType) && !(k instanceof BooleanType) && !(k instanceof DateType)
                    && !(k instanceof TimestampType) && !(k instanceof dev.sluice.types.TimestampNTZType)) {
                throw noGlueType(t, "Glue's maps have string keys, and a " + k.simpleString() + " key has no text form to carry");
            }
            return new GlueMap(fromDataType(m.valueType()));
        }
        if (t.isInterval()) {
            throw noGlueType(t, "Glue has no interval type; cast it to string, or compute the number of days/months/seconds first");
        }
        if (t instanceof dev.sluice.types.VariantType) {
            throw noGlueType(t, "Glue has no variant type; convert it with to_json() (a string) or from_json() (a struct) first");
        }
        throw noGlueType(t, "Glue has no counterpart for it");
    }

    /** A DataFrame type Glue has no type for: refused (never narrowed or reinterpreted silently). */
    private static SluiceException noGlueType(DataType t, String reason) {
        return SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "A " + t.simpleString() + " column in a DynamicFrame")
                .with("reason", reason).build();
    }

    public static GlueStruct fromStruct(StructType s) {
        List<GlueField> fields = new ArrayList<>();
        for (StructField f : s.fields()) fields.add(new GlueField(f.name(), fromDataType(f.dataType())));
        return new GlueStruct(fields);
    }

    /**
     * A type from its name as mappings and resolveChoice write it: Glue names and Hive names, any case
     * ({@code int}, {@code Integer}, {@code bigint}, {@code Long}, {@code String}, {@code decimal(7,2)}, ...).
     */
    public static GlueType parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        Matcher m = DECIMAL.matcher(n);
        if (m.matches()) return GlueScalar.decimal(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        switch (n) {
            case "string": case "varchar": case "char": return GlueScalar.STRING;
            case "int": case "integer": return GlueScalar.INT;
            case "long": case "bigint": return GlueScalar.LONG;
            case "short": case "smallint": return GlueScalar.SHORT;
            case "byte": case "tinyint": return GlueScalar.BYTE;
            case "float": case "real": return GlueScalar.FLOAT;
            case "double": return GlueScalar.DOUBLE;
            case "boolean": case "bool": return GlueScalar.BOOLEAN;
            case "date": return GlueScalar.DATE;
            case "timestamp": return GlueScalar.TIMESTAMP;
            case "timestampntz": case "timestamp_ntz": return GlueScalar.TIMESTAMP_NTZ;
            case "binary": return GlueScalar.BINARY;
            case "decimal": return GlueScalar.decimal();
            case "null": return GlueNull.INSTANCE;
            default:
                if (n.startsWith("struct<") || n.startsWith("array<") || n.startsWith("map<")) {
                    return fromDataType(dev.sluice.types.DdlParser.parseType(name));
                }
                throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "Glue type name")
                        .with("reason", "unknown type '" + name + "'; use int, long, short, byte, float, double, string, "
                                + "boolean, date, timestamp, timestampntz, binary, decimal(p,s) or a struct<...>/array<...>/map<...> DDL")
                        .build();
        }
    }
}
