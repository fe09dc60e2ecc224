package dev.sluice.io.parquet;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.DataType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.LongType;
import dev.sluice.types.TimestampType;
import dev.sluice.vector.BooleanVector;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.DecimalVector;
import dev.sluice.vector.LongDecimals;
import dev.sluice.vector.DoubleVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.FloatVector;
import dev.sluice.vector.IntVector;
import dev.sluice.vector.LongVector;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;

/**
 * Converters from Parquet primitive values to Sluice vectors, chosen by the file's type and the type the
 * query reads (the same type, or a widening Spark also reads: int to bigint or double, float to double,
 * a decimal to a wider decimal).
 */
final class ValueConverters {
    private ValueConverters() {}

    static VectorNode create(PrimitiveType p, DataType want) {
        DataType has = ParquetTypes.primitive(p);
        if (!compatible(has, want)) throw mismatch(p, has, want);
        LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
        switch (p.getPrimitiveTypeName()) {
            case BOOLEAN: return new Booleans();
            case FLOAT: return want instanceof DoubleType ? new FloatsAsDoubles() : new Floats();
            case DOUBLE: return new Doubles();
            case INT96: return new Int96Timestamps();
            case INT32:
                if (want instanceof DecimalType d) return new Decimals(scaleOf(p), d.scale());
                if (want instanceof LongType) {
                    boolean unsigned = a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && !i.isSigned();
                    return new IntsAsLongs(unsigned);
                }
                if (want instanceof DoubleType) return new IntsAsDoubles();
                return new Ints();
            case INT64:
                if (want instanceof DecimalType d) {
                    boolean unsigned = a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && !i.isSigned();
                    return unsigned ? new UnsignedLongDecimals() : new Decimals(scaleOf(p), d.scale());
                }
                if ((want instanceof TimestampType || want instanceof dev.sluice.types.TimestampNTZType)
                        && a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts
                        && ts.getUnit() == LogicalTypeAnnotation.TimeUnit.MILLIS) {
                    return new Longs(1000);
                }
                if (want instanceof dev.sluice.types.TimeType) return new Longs(1000);   // TIME(MICROS) to nanos of the day
                return new Longs(1);
            default:   // BINARY, FIXED_LEN_BYTE_ARRAY
                if (want instanceof DecimalType d) return new Decimals(scaleOf(p), d.scale());
                return new Bytes();
        }
    }

    /** Whether a file value of type {@code has} can be read as {@code want}. */
    static boolean compatible(DataType has, DataType want) {
        if (has.equals(want)) return true;
        if (has instanceof dev.sluice.types.StringType) return want instanceof dev.sluice.types.StringType;   // any collation: same bytes
        if (has instanceof dev.sluice.types.TimeType) return want instanceof dev.sluice.types.TimeType;   // any precision
        if (has.equals(dev.sluice.types.DataTypes.INT)) return want instanceof LongType || want instanceof DoubleType;
        // narrower integers widen on read (INT32 underneath); a wider column is never read as a narrower one
        if (has instanceof dev.sluice.types.ByteType) return want.isIntegral() || want instanceof DoubleType;
        if (has instanceof dev.sluice.types.ShortType) {
            return (want.isIntegral() && !(want instanceof dev.sluice.types.ByteType)) || want instanceof DoubleType;
        }
        // Spark reads a timestamp_ntz column as timestamp (the wall clock at UTC), never the reverse
        if (has instanceof dev.sluice.types.TimestampNTZType) return want instanceof TimestampType;
        if (has.equals(dev.sluice.types.DataTypes.FLOAT)) return want instanceof DoubleType;
        if (has instanceof DecimalType h && want instanceof DecimalType w) {
            return w.scale() >= h.scale() && w.precision() - w.scale() >= h.precision() - h.scale();
        }
        return false;
    }

    static SluiceException mismatch(org.apache.parquet.schema.Type p, DataType has, DataType want) {
        return SluiceException.of(ErrorCode.TYPE_MISMATCH)
                .with("expression", "the Parquet column `" + p.getName() + "` (" + has.simpleString() + " in the file)")
                .with("expected", "a type that can be read as " + want.simpleString())
                .with("actual", has.simpleString())
                .build();
    }

    private static int scaleOf(PrimitiveType p) {
        LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
        return a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d ? d.getScale() : 0;
    }

    /** Base: the converter is the node. */
    private abstract static class Base<V extends FlatVector> extends PrimitiveConverter implements VectorNode {
        V out;

        @Override public Converter converter() { return this; }

        @SuppressWarnings("unchecked")
        @Override public void bind(FlatVector target) { out = (V) target; }
    }

    private static final class Booleans extends Base<BooleanVector> {
        @Override public void addBoolean(boolean value) { out.append(value); }
    }

    private static final class Ints extends Base<IntVector> {
        @Override public void addInt(int value) { out.append(value); }
    }

    private static final class IntsAsLongs extends Base<LongVector> {
        private final boolean unsigned;

        IntsAsLongs(boolean unsigned) { this.unsigned = unsigned; }

        @Override public void addInt(int value) { out.append(unsigned ? Integer.toUnsignedLong(value) : value); }
    }

    private static final class IntsAsDoubles extends Base<DoubleVector> {
        @Override public void addInt(int value) { out.append(value); }
    }

    /** INT64, scaled by {@code factor} (1000 turns TIMESTAMP(MILLIS) into microseconds). */
    private static final class Longs extends Base<LongVector> {
        private final long factor;

        Longs(long factor) { this.factor = factor; }

        @Override public void addLong(long value) { out.append(factor == 1 ? value : Math.multiplyExact(value, factor)); }
    }

    private static final class Floats extends Base<FloatVector> {
        @Override public void addFloat(float value) { out.append(value); }
    }

    private static final class FloatsAsDoubles extends Base<DoubleVector> {
        @Override public void addFloat(float value) { out.append(value); }
    }

    private static final class Doubles extends Base<DoubleVector> {
        @Override public void addDouble(double value) { out.append(value); }
    }

    /** INT96: nanoseconds of the day (8 bytes) then the Julian day (4 bytes), little-endian, as Spark writes. */
    private static final class Int96Timestamps extends Base<LongVector> {
        @Override public void addBinary(Binary value) { out.append(Int96.toMicros(value.toByteBuffer())); }
    }

    /** Unscaled decimal values of any physical type, rescaled when the query reads a wider scale. */
    private static final class Decimals extends Base<DecimalVector> {
        private final int fileScale;
        private final int scale;

        Decimals(int fileScale, int scale) {
            this.fileScale = fileScale;
            this.scale = scale;
        }

        @Override public void addInt(int value) { addLong(value); }

        /** INT32/INT64 values are the unscaled longs a decimal of at most 18 digits holds: no BigDecimal. */
        @Override public void addLong(long value) {
            if (out.compact()) {
                try {
                    out.appendUnscaled(LongDecimals.rescale(value, fileScale, scale));   // widening: exact
                    return;
                } catch (ArithmeticException e) {
                    // beyond a long: the BigDecimal path says so
                }
            }
            append(BigDecimal.valueOf(value, fileScale));
        }

        @Override public void addBinary(Binary value) {
            append(new BigDecimal(new BigInteger(value.getBytesUnsafe()), fileScale));
        }

        private void append(BigDecimal d) { out.append(fileScale == scale ? d : d.setScale(scale)); }
    }

    private static final class UnsignedLongDecimals extends Base<DecimalVector> {
        @Override public void addLong(long value) {
            out.append(value >= 0 ? BigDecimal.valueOf(value) : new BigDecimal(new BigInteger(Long.toUnsignedString(value))));
        }
    }

    /** Strings and binary; dictionary pages are decoded once per column chunk, not once per value. */
    private static final class Bytes extends Base<BytesVector> {
        private byte[][] dictionary;

        @Override public void addBinary(Binary value) {
            ByteBuffer b = value.toByteBuffer();
            if (b.hasArray()) out.append(b.array(), b.arrayOffset() + b.position(), b.remaining());
            else out.append(value.getBytes());
        }

        @Override public boolean hasDictionarySupport() { return true; }

        @Override public void setDictionary(Dictionary d) {
            dictionary = new byte[d.getMaxId() + 1][];
            for (int i = 0; i <= d.getMaxId(); i++) dictionary[i] = d.decodeToBinary(i).getBytes();
        }

        @Override public void addValueFromDictionary(int id) {
            byte[] v = dictionary[id];
            out.append(v, 0, v.length);
        }
    }
}
