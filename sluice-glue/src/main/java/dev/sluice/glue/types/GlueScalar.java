package dev.sluice.glue.types;

import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DecimalType;

import static java.util.Objects.requireNonNull;

/**
 * A Glue atomic type with Glue's name and the Sluice type that carries it: {@code byte} is tinyint, {@code short}
 * smallint, {@code timestampntz} timestamp_ntz (Glue's type module names types by their class, so
 * TimestampNTZType is {@code timestampntz}); {@code decimal} carries its precision and scale (Glue's default is
 * decimal(10,2)).
 */
public record GlueScalar(String typeName, DataType dataType) implements GlueType {
    public static final GlueScalar STRING = new GlueScalar("string", DataTypes.STRING);
    public static final GlueScalar INT = new GlueScalar("int", DataTypes.INT);
    public static final GlueScalar LONG = new GlueScalar("long", DataTypes.LONG);
    public static final GlueScalar SHORT = new GlueScalar("short", DataTypes.SHORT);
    public static final GlueScalar BYTE = new GlueScalar("byte", DataTypes.BYTE);
    public static final GlueScalar FLOAT = new GlueScalar("float", DataTypes.FLOAT);
    public static final GlueScalar DOUBLE = new GlueScalar("double", DataTypes.DOUBLE);
    public static final GlueScalar BOOLEAN = new GlueScalar("boolean", DataTypes.BOOLEAN);
    public static final GlueScalar DATE = new GlueScalar("date", DataTypes.DATE);
    public static final GlueScalar TIMESTAMP = new GlueScalar("timestamp", DataTypes.TIMESTAMP);
    public static final GlueScalar BINARY = new GlueScalar("binary", DataTypes.BINARY);
    public static final GlueScalar TIMESTAMP_NTZ = new GlueScalar("timestampntz", DataTypes.TIMESTAMP_NTZ);

    public GlueScalar {
        requireNonNull(typeName, "typeName");
        requireNonNull(dataType, "dataType");
    }

    public static GlueScalar decimal(int precision, int scale) {
        return new GlueScalar("decimal", new DecimalType(precision, scale));
    }

    /** Glue's default decimal: precision 10, scale 2. */
    public static GlueScalar decimal() { return decimal(10, 2); }
}
