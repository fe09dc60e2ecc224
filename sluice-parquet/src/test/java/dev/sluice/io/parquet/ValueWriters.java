package dev.sluice.io.parquet;

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
import dev.sluice.vector.ColumnVector;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes one non-null value of a vector row through parquet-java's {@link RecordConsumer}, in the layout of
 * {@link SparkParquetSchema}. One writer per column, chosen once from the type, so the per-row work is a
 * virtual call and the value's own encoding.
 */
interface ValueWriters {
    void write(RecordConsumer rc, ColumnVector v, int row);

    static ValueWriters of(DataType type, ParquetWriteOptions.TimestampType ts) {
        if (type instanceof BooleanType) return (rc, v, r) -> rc.addBoolean(v.getBoolean(r));
        if (type.storesInt()) return (rc, v, r) -> rc.addInteger(v.getInt(r));
        if (type instanceof LongType || type instanceof dev.sluice.types.TimestampNTZType) return (rc, v, r) -> rc.addLong(v.getLong(r));
        if (type instanceof FloatType) return (rc, v, r) -> rc.addFloat(v.getFloat(r));
        if (type instanceof DoubleType) return (rc, v, r) -> rc.addDouble(v.getDouble(r));
        if (type instanceof StringType || type instanceof BinaryType) {
            // "reused": parquet copies the bytes it keeps (dictionary), so batches are not retained
            return (rc, v, r) -> rc.addBinary(Binary.fromReusedByteArray(v.bytesArray(r), v.bytesStart(r), v.bytesLength(r)));
        }
        if (type instanceof TimestampType) {
            switch (ts) {
                case TIMESTAMP_MICROS: return (rc, v, r) -> rc.addLong(v.getLong(r));
                case TIMESTAMP_MILLIS: return (rc, v, r) -> rc.addLong(Math.floorDiv(v.getLong(r), 1000L));
                default: return (rc, v, r) -> rc.addBinary(Binary.fromConstantByteArray(Int96.fromMicros(v.getLong(r))));
            }
        }
        if (type instanceof DecimalType d) return decimal(d);
        if (type instanceof StructType s) return struct(s, ts);
        if (type instanceof ArrayType a) return array(a, ts);
        if (type instanceof MapType m) return map(m, ts);
        throw SluiceException.internal("no Parquet writer for type " + type);
    }

    private static ValueWriters decimal(DecimalType d) {
        int scale = d.scale();
        if (d.precision() <= 9) return (rc, v, r) -> rc.addInteger(unscaled(v.getDecimal(r), scale).intValueExact());
        if (d.precision() <= 18) return (rc, v, r) -> rc.addLong(unscaled(v.getDecimal(r), scale).longValueExact());
        int width = SparkParquetSchema.minBytes(d.precision());
        return (rc, v, r) -> {
            byte[] minimal = unscaled(v.getDecimal(r), scale).toByteArray();
            if (minimal.length > width) {
                throw SluiceException.internal("the value " + v.getDecimal(r) + " exceeds its type " + d.simpleString());
            }
            byte[] fixed = new byte[width];
            byte pad = (byte) (minimal[0] < 0 ? 0xFF : 0);   // sign extension
            int offset = width - minimal.length;
            for (int i = 0; i < offset; i++) fixed[i] = pad;
            System.arraycopy(minimal, 0, fixed, offset, minimal.length);
            rc.addBinary(Binary.fromConstantByteArray(fixed));
        };
    }

    private static java.math.BigInteger unscaled(BigDecimal value, int scale) {
        return (value.scale() == scale ? value : value.setScale(scale, RoundingMode.UNNECESSARY)).unscaledValue();
    }

    private static ValueWriters struct(StructType s, ParquetWriteOptions.TimestampType ts) {
        Fields fields = new Fields(s, ts);
        return (rc, v, r) -> {
            rc.startGroup();
            fields.write(rc, v::child, r);
            rc.endGroup();
        };
    }

    private static ValueWriters array(ArrayType a, ParquetWriteOptions.TimestampType ts) {
        ValueWriters element = of(a.elementType(), ts);
        boolean nullable = a.containsNull();
        return (rc, v, r) -> {
            rc.startGroup();
            int n = v.arrayLength(r);
            if (n > 0) {
                ColumnVector elements = v.elements();
                int offset = v.arrayOffset(r);
                rc.startField("list", 0);
                for (int i = offset; i < offset + n; i++) {
                    rc.startGroup();
                    if (!elements.isNull(i)) {
                        rc.startField("element", 0);
                        element.write(rc, elements, i);
                        rc.endField("element", 0);
                    } else if (!nullable) {
                        throw Fields.nullInRequired("element");
                    }
                    rc.endGroup();
                }
                rc.endField("list", 0);
            }
            rc.endGroup();
        };
    }

    private static ValueWriters map(MapType m, ParquetWriteOptions.TimestampType ts) {
        ValueWriters key = of(m.keyType(), ts);
        ValueWriters value = of(m.valueType(), ts);
        boolean nullable = m.valueContainsNull();
        return (rc, v, r) -> {
            rc.startGroup();
            int n = v.arrayLength(r);
            if (n > 0) {
                ColumnVector keys = v.elements();
                ColumnVector values = v.mapValues();
                int offset = v.arrayOffset(r);
                rc.startField("key_value", 0);
                for (int i = offset; i < offset + n; i++) {
                    rc.startGroup();
                    rc.startField("key", 0);
                    key.write(rc, keys, i);
                    rc.endField("key", 0);
                    if (!values.isNull(i)) {
                        rc.startField("value", 1);
                        value.write(rc, values, i);
                        rc.endField("value", 1);
                    } else if (!nullable) {
                        throw Fields.nullInRequired("value");
                    }
                    rc.endGroup();
                }
                rc.endField("key_value", 0);
            }
            rc.endGroup();
        };
    }

    /** The fields of a struct or of the whole row: absent when null, as Parquet encodes nulls. */
    final class Fields {
        private final String[] names;
        private final boolean[] nullable;
        private final ValueWriters[] writers;

        Fields(StructType s, ParquetWriteOptions.TimestampType ts) {
            names = new String[s.size()];
            nullable = new boolean[s.size()];
            writers = new ValueWriters[s.size()];
            for (int i = 0; i < names.length; i++) {
                StructField f = s.field(i);
                names[i] = f.name();
                nullable[i] = f.nullable();
                writers[i] = of(f.dataType(), ts);
            }
        }

        void write(RecordConsumer rc, java.util.function.IntFunction<ColumnVector> column, int row) {
            for (int i = 0; i < names.length; i++) {
                ColumnVector v = column.apply(i);
                if (v.isNull(row)) {
                    if (!nullable[i]) throw nullInRequired(names[i]);
                    continue;
                }
                rc.startField(names[i], i);
                writers[i].write(rc, v, row);
                rc.endField(names[i], i);
            }
        }

        static SluiceException nullInRequired(String name) {
            return SluiceException.internal("a null reached the non-nullable field `" + name + "` while writing Parquet");
        }
    }
}
