package dev.sluice.io.parquet;

import dev.sluice.error.SluiceException;
import dev.sluice.types.BinaryType;
import dev.sluice.types.BooleanType;
import dev.sluice.types.DataType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.types.LongType;
import dev.sluice.types.StringType;
import dev.sluice.types.TimestampNTZType;
import dev.sluice.types.TimestampType;
import dev.sluice.vector.ColumnVector;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.api.Binary;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

/**
 * A primitive field: writes values straight to its column's {@link ColumnWriter}, in the physical layout of
 * {@link SparkParquetSchema}. One subclass per physical encoding, each with its own loop over a top-level
 * column, so the per-value work is the getter and the encoder, with no per-row dispatch on the type.
 */
abstract class LeafWriter extends LevelWriter {
    final ColumnDescriptor descriptor;
    ColumnWriter out;

    LeafWriter(String name, int definition, boolean optional, ColumnDescriptor descriptor) {
        super(name, definition, optional);
        this.descriptor = descriptor;
    }

    static LeafWriter of(String name, DataType type, ParquetWriteOptions.TimestampType ts, int definition,
                         boolean optional, ColumnDescriptor d) {
        if (type instanceof BooleanType) return new Booleans(name, definition, optional, d);
        if (type.storesInt()) return new Ints(name, definition, optional, d);
        if (type instanceof LongType || type instanceof TimestampNTZType) return new Longs(name, definition, optional, d, 1);
        if (type instanceof dev.sluice.types.TimeType) return new Longs(name, definition, optional, d, 1000);   // nanos of the day to TIME(MICROS)
        if (type instanceof FloatType) return new Floats(name, definition, optional, d);
        if (type instanceof DoubleType) return new Doubles(name, definition, optional, d);
        if (type instanceof StringType || type instanceof BinaryType) return new Bytes(name, definition, optional, d);
        if (type instanceof TimestampType) {
            switch (ts) {
                case TIMESTAMP_MICROS: return new Longs(name, definition, optional, d, 1);
                case TIMESTAMP_MILLIS: return new Longs(name, definition, optional, d, 1000);
                default: return new Int96s(name, definition, optional, d);
            }
        }
        if (type instanceof DecimalType dec) {
            if (dec.precision() <= 9) return new Decimal32s(name, definition, optional, d, dec.scale());
            if (dec.precision() <= 18) return new Decimal64s(name, definition, optional, d, dec.scale());
            return new FixedDecimals(name, definition, optional, d, dec);
        }
        throw SluiceException.internal("no Parquet writer for type " + type);
    }

    /** Points this leaf at its column in the row group being written. */
    final void bind(ColumnWriteStore store) { out = store.getColumnWriter(descriptor); }

    /** Writes the non-null value {@code v[row]} at repetition level {@code rl}. */
    abstract void writeValue(ColumnVector v, int row, int rl);

    @Override final void write(ColumnVector v, int row, int rl) {
        if (v.isNull(row)) writeNull(rl);
        else writeValue(v, row, rl);
    }

    @Override final void writeNulls(int rl, int dl) { out.writeNull(rl, dl); }

    @Override final void collectLeaves(List<LeafWriter> leaves) { leaves.add(this); }

    static final class Booleans extends LeafWriter {
        Booleans(String name, int definition, boolean optional, ColumnDescriptor d) { super(name, definition, optional, d); }

        @Override void writeValue(ColumnVector v, int row, int rl) { out.write(v.getBoolean(row), rl, definition); }
    }

    static final class Ints extends LeafWriter {
        Ints(String name, int definition, boolean optional, ColumnDescriptor d) { super(name, definition, optional, d); }

        @Override void writeValue(ColumnVector v, int row, int rl) { out.write(v.getInt(row), rl, definition); }

        @Override void writeColumn(ColumnVector v, int from, int to) {
            ColumnWriter w = out;
            int d = definition;
            boolean nulls = v.mayHaveNulls();
            for (int r = from; r < to; r++) {
                if (nulls && v.isNull(r)) writeNull(0);
                else w.write(v.getInt(r), 0, d);
            }
        }
    }

    /** INT64; {@code divisor} 1000 turns microseconds into TIMESTAMP(MILLIS), rounding down as Spark does. */
    static final class Longs extends LeafWriter {
        private final long divisor;

        Longs(String name, int definition, boolean optional, ColumnDescriptor d, long divisor) {
            super(name, definition, optional, d);
            this.divisor = divisor;
        }

        @Override void writeValue(ColumnVector v, int row, int rl) {
            long value = v.getLong(row);
            out.write(divisor == 1 ? value : Math.floorDiv(value, divisor), rl, definition);
        }

        @Override void writeColumn(ColumnVector v, int from, int to) {
            if (divisor != 1) {
                super.writeColumn(v, from, to);
                return;
            }
            ColumnWriter w = out;
            int d = definition;
            boolean nulls = v.mayHaveNulls();
            for (int r = from; r < to; r++) {
                if (nulls && v.isNull(r)) writeNull(0);
                else w.write(v.getLong(r), 0, d);
            }
        }
    }

    static final class Floats extends LeafWriter {
        Floats(String name, int definition, boolean optional, ColumnDescriptor d) { super(name, definition, optional, d); }

        @Override void writeValue(ColumnVector v, int row, int rl) { out.write(v.getFloat(row), rl, definition); }
    }

    static final class Doubles extends LeafWriter {
        Doubles(String name, int definition, boolean optional, ColumnDescriptor d) { super(name, definition, optional, d); }

        @Override void writeValue(ColumnVector v, int row, int rl) { out.write(v.getDouble(row), rl, definition); }

        @Override void writeColumn(ColumnVector v, int from, int to) {
            ColumnWriter w = out;
            int d = definition;
            boolean nulls = v.mayHaveNulls();
            for (int r = from; r < to; r++) {
                if (nulls && v.isNull(r)) writeNull(0);
                else w.write(v.getDouble(r), 0, d);
            }
        }
    }

    /**
     * Strings and binary. The value is a view of the vector's bytes ("reused"): the encoders copy what they keep
     * (dictionary entries, statistics bounds), so the batch is not retained.
     */
    static final class Bytes extends LeafWriter {
        Bytes(String name, int definition, boolean optional, ColumnDescriptor d) { super(name, definition, optional, d); }

        @Override void writeValue(ColumnVector v, int row, int rl) {
            out.write(Binary.fromReusedByteArray(v.bytesArray(row), v.bytesStart(row), v.bytesLength(row)), rl, definition);
        }

        @Override void writeColumn(ColumnVector v, int from, int to) {
            ColumnWriter w = out;
            int d = definition;
            boolean nulls = v.mayHaveNulls();
            for (int r = from; r < to; r++) {
                if (nulls && v.isNull(r)) writeNull(0);
                else w.write(Binary.fromReusedByteArray(v.bytesArray(r), v.bytesStart(r), v.bytesLength(r)), 0, d);
            }
        }
    }

    /** INT96 timestamps, encoded into one reused 12-byte buffer (the encoders copy what they keep). */
    static final class Int96s extends LeafWriter {
        private final byte[] buffer = new byte[12];

        Int96s(String name, int definition, boolean optional, ColumnDescriptor d) { super(name, definition, optional, d); }

        @Override void writeValue(ColumnVector v, int row, int rl) {
            Int96.fromMicros(v.getLong(row), buffer);
            out.write(Binary.fromReusedByteArray(buffer), rl, definition);
        }
    }

    static final class Decimal32s extends LeafWriter {
        private final int scale;

        Decimal32s(String name, int definition, boolean optional, ColumnDescriptor d, int scale) {
            super(name, definition, optional, d);
            this.scale = scale;
        }

        @Override void writeValue(ColumnVector v, int row, int rl) {
            out.write(Math.toIntExact(unscaledLong(v, row, scale)), rl, definition);
        }
    }

    static final class Decimal64s extends LeafWriter {
        private final int scale;

        Decimal64s(String name, int definition, boolean optional, ColumnDescriptor d, int scale) {
            super(name, definition, optional, d);
            this.scale = scale;
        }

        @Override void writeValue(ColumnVector v, int row, int rl) {
            out.write(unscaledLong(v, row, scale), rl, definition);
        }
    }

    /** Decimals above 18 digits: big-endian two's complement, sign-extended to the type's fixed width. */
    static final class FixedDecimals extends LeafWriter {
        private final DecimalType type;
        private final int width;
        private final byte[] buffer;

        FixedDecimals(String name, int definition, boolean optional, ColumnDescriptor d, DecimalType type) {
            super(name, definition, optional, d);
            this.type = type;
            this.width = SparkParquetSchema.minBytes(type.precision());
            this.buffer = new byte[width];
        }

        @Override void writeValue(ColumnVector v, int row, int rl) {
            byte[] minimal = unscaled(v.getDecimal(row), type.scale()).toByteArray();
            if (minimal.length > width) {
                throw SluiceException.internal("the value " + v.getDecimal(row) + " exceeds its type " + type.simpleString());
            }
            byte pad = (byte) (minimal[0] < 0 ? 0xFF : 0);   // sign extension
            int offset = width - minimal.length;
            java.util.Arrays.fill(buffer, 0, offset, pad);
            System.arraycopy(minimal, 0, buffer, offset, minimal.length);
            out.write(Binary.fromReusedByteArray(buffer), rl, definition);
        }
    }

    /** The unscaled long of a decimal of at most 18 digits: the vector's own long when it holds one at this scale. */
    private static long unscaledLong(ColumnVector v, int row, int scale) {
        if (v.type() instanceof DecimalType t && t.fitsInLong() && t.scale() == scale) return v.getLong(row);
        return unscaled(v.getDecimal(row), scale).longValueExact();
    }

    private static BigInteger unscaled(BigDecimal value, int scale) {
        return (value.scale() == scale ? value : value.setScale(scale, RoundingMode.UNNECESSARY)).unscaledValue();
    }
}
