package dev.sluice.connect;

import dev.sluice.types.DataType;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatRows;
import dev.sluice.vector.FlatVector;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVectorHelper;

/**
 * Writers of fixed-width Arrow vectors. Each resolves the column once per call ({@link FlatRows}: a filter's selection,
 * a slice or a constant over a flat vector) and copies from the flat vector's array; any other column is read through
 * its typed getters. A column whose type is not the one the schema names goes through {@link ObjectWriter}.
 */
final class FixedWidthWriters {
    private FixedWidthWriters() {}

    /** The rows to read: a flat base and its row per result row, or null to read through the getters. */
    private static FlatRows flat(ColumnVector src, Class<? extends FlatVector> base) {
        FlatRows f = FlatRows.of(src);
        return f != null && base.isInstance(f.base()) ? f : null;
    }

    /** 4-byte values: int, date (days), year-month interval (months). */
    record Ints(BaseFixedWidthVector dst, DataType type, ObjectWriter fallback) implements ArrowColumnWriter {
        @Override public long write(ColumnVector src, int from, int count, int at) {
            if (!src.type().equals(type)) return fallback.write(src, from, count, at);
            ArrowCapacity.rows(dst, at + count);
            ArrowBuf values = dst.getDataBuffer(), validity = dst.getValidityBuffer();
            FlatRows f = flat(src, dev.sluice.vector.IntVector.class);
            if (f != null) {
                int[] a = ((dev.sluice.vector.IntVector) f.base()).values();
                boolean nulls = !f.noNulls();
                for (int i = 0; i < count; i++) {
                    int r = f.row(from + i);
                    if (nulls && f.base().isNull(r)) continue;
                    values.setInt((long) (at + i) << 2, a[r]);
                    BitVectorHelper.setBit(validity, at + i);
                }
            } else {
                for (int i = 0; i < count; i++) {
                    if (src.isNull(from + i)) continue;
                    values.setInt((long) (at + i) << 2, src.getInt(from + i));
                    BitVectorHelper.setBit(validity, at + i);
                }
            }
            return count * 4L + (count >> 3);
        }
    }

    /** 8-byte values: bigint, timestamp and timestamp_ntz (microseconds), time (nanoseconds), day-time interval. */
    record Longs(BaseFixedWidthVector dst, DataType type, ObjectWriter fallback) implements ArrowColumnWriter {
        @Override public long write(ColumnVector src, int from, int count, int at) {
            if (!src.type().equals(type)) return fallback.write(src, from, count, at);
            ArrowCapacity.rows(dst, at + count);
            ArrowBuf values = dst.getDataBuffer(), validity = dst.getValidityBuffer();
            FlatRows f = flat(src, dev.sluice.vector.LongVector.class);
            if (f != null) {
                long[] a = ((dev.sluice.vector.LongVector) f.base()).values();
                boolean nulls = !f.noNulls();
                for (int i = 0; i < count; i++) {
                    int r = f.row(from + i);
                    if (nulls && f.base().isNull(r)) continue;
                    values.setLong((long) (at + i) << 3, a[r]);
                    BitVectorHelper.setBit(validity, at + i);
                }
            } else {
                for (int i = 0; i < count; i++) {
                    if (src.isNull(from + i)) continue;
                    values.setLong((long) (at + i) << 3, src.getLong(from + i));
                    BitVectorHelper.setBit(validity, at + i);
                }
            }
            return count * 8L + (count >> 3);
        }
    }

    record Doubles(BaseFixedWidthVector dst, DataType type, ObjectWriter fallback) implements ArrowColumnWriter {
        @Override public long write(ColumnVector src, int from, int count, int at) {
            if (!src.type().equals(type)) return fallback.write(src, from, count, at);
            ArrowCapacity.rows(dst, at + count);
            ArrowBuf values = dst.getDataBuffer(), validity = dst.getValidityBuffer();
            FlatRows f = flat(src, dev.sluice.vector.DoubleVector.class);
            if (f != null) {
                double[] a = ((dev.sluice.vector.DoubleVector) f.base()).values();
                boolean nulls = !f.noNulls();
                for (int i = 0; i < count; i++) {
                    int r = f.row(from + i);
                    if (nulls && f.base().isNull(r)) continue;
                    values.setDouble((long) (at + i) << 3, a[r]);
                    BitVectorHelper.setBit(validity, at + i);
                }
            } else {
                for (int i = 0; i < count; i++) {
                    if (src.isNull(from + i)) continue;
                    values.setDouble((long) (at + i) << 3, src.getDouble(from + i));
                    BitVectorHelper.setBit(validity, at + i);
                }
            }
            return count * 8L + (count >> 3);
        }
    }

    record Floats(BaseFixedWidthVector dst, DataType type, ObjectWriter fallback) implements ArrowColumnWriter {
        @Override public long write(ColumnVector src, int from, int count, int at) {
            if (!src.type().equals(type)) return fallback.write(src, from, count, at);
            ArrowCapacity.rows(dst, at + count);
            ArrowBuf values = dst.getDataBuffer(), validity = dst.getValidityBuffer();
            for (int i = 0; i < count; i++) {
                if (src.isNull(from + i)) continue;
                values.setFloat((long) (at + i) << 2, src.getFloat(from + i));
                BitVectorHelper.setBit(validity, at + i);
            }
            return count * 4L + (count >> 3);
        }
    }

    /** Booleans, one bit each in Arrow's value buffer. */
    record Booleans(BaseFixedWidthVector dst, DataType type, ObjectWriter fallback) implements ArrowColumnWriter {
        @Override public long write(ColumnVector src, int from, int count, int at) {
            if (!src.type().equals(type)) return fallback.write(src, from, count, at);
            ArrowCapacity.rows(dst, at + count);
            ArrowBuf values = dst.getDataBuffer(), validity = dst.getValidityBuffer();
            for (int i = 0; i < count; i++) {
                if (src.isNull(from + i)) continue;
                if (src.getBoolean(from + i)) BitVectorHelper.setBit(values, at + i);
                BitVectorHelper.setBit(validity, at + i);
            }
            return count >> 2;
        }
    }

    /** tinyint and smallint: 1- and 2-byte Arrow ints from Sluice's int slots. */
    record Narrow(BaseFixedWidthVector dst, DataType type, int width, ObjectWriter fallback) implements ArrowColumnWriter {
        @Override public long write(ColumnVector src, int from, int count, int at) {
            if (!src.type().equals(type)) return fallback.write(src, from, count, at);
            ArrowCapacity.rows(dst, at + count);
            ArrowBuf values = dst.getDataBuffer(), validity = dst.getValidityBuffer();
            for (int i = 0; i < count; i++) {
                if (src.isNull(from + i)) continue;
                int v = src.getInt(from + i);
                if (width == 1) values.setByte(at + i, v);
                else values.setShort((long) (at + i) << 1, (short) v);
                BitVectorHelper.setBit(validity, at + i);
            }
            return (long) count * width + (count >> 3);
        }
    }

    /**
     * Decimal128: a decimal of at most 18 digits is its unscaled long, written sign-extended into the 16-byte slot as
     * {@link ArrowDecimals} writes it; a wider one goes through {@link ArrowDecimals#set}.
     */
    record Decimals(org.apache.arrow.vector.DecimalVector dst, dev.sluice.types.DecimalType type, ObjectWriter fallback)
            implements ArrowColumnWriter {
        @Override public long write(ColumnVector src, int from, int count, int at) {
            if (!src.type().equals(type)) return fallback.write(src, from, count, at);
            ArrowCapacity.rows(dst, at + count);
            if (type.fitsInLong()) {
                for (int i = 0; i < count; i++) {
                    if (!src.isNull(from + i)) dst.set(at + i, src.getLong(from + i));
                }
            } else {
                for (int i = 0; i < count; i++) {
                    if (!src.isNull(from + i)) ArrowDecimals.set(dst, at + i, src.getDecimal(from + i));
                }
            }
            return count * 16L + (count >> 3);
        }
    }
}
