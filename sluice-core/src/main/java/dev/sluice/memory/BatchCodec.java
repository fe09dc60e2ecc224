package dev.sluice.memory;

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
import dev.sluice.types.StructType;
import dev.sluice.types.TimestampType;
import dev.sluice.vector.ArrayVector;
import dev.sluice.vector.Batch;
import dev.sluice.vector.BooleanVector;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.DecimalVector;
import dev.sluice.vector.DoubleVector;
import dev.sluice.vector.FlatRows;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.FloatVector;
import dev.sluice.vector.IntVector;
import dev.sluice.vector.LongVector;
import dev.sluice.vector.MapVector;
import dev.sluice.vector.StructVector;
import dev.sluice.vector.Vectors;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The spill format of one batch: column after column, each a null bitmap (or a byte saying there are no
 * nulls) and then its values: fixed-width values packed, strings and binaries as lengths then bytes, decimals
 * of at most 18 digits as packed unscaled longs and wider ones as unscaled bytes, structs as their fields' columns, arrays and maps as lengths then their elements' column.
 * Reads any encoding (views, dictionaries, constants); decodes into flat vectors.
 */
public final class BatchCodec {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private BatchCodec() {}

    public static byte[] encode(Batch batch) {
        Buffer out = new Buffer(1024 + batch.rowCount() * 16);
        int length = encode(batch, out);
        return Arrays.copyOf(out.array(), length);
    }

    /** Encodes {@code batch} into {@code out} (from its start, growing it as needed); returns the length. */
    public static int encode(Batch batch, Buffer out) {
        out.pos = 0;
        int n = batch.rowCount();
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) rows[i] = i;
        for (int c = 0; c < batch.columnCount(); c++) {
            ColumnVector v = batch.column(c);
            if (!encodeFlat(v.type(), v, n, out)) encode(v.type(), v, rows, n, out);
        }
        return out.pos;
    }

    /**
     * The bulk path of a column without nulls whose values live in one flat vector (the vector itself, a slice, a
     * selection): values read from the base's arrays, the string bytes of a range of rows in one copy. Writes the
     * same bytes as the generic path below; false (nothing written) for anything else.
     */
    private static boolean encodeFlat(DataType type, ColumnVector v, int n, Buffer out) {
        FlatRows flat = FlatRows.of(v);
        if (flat == null || flat.constant() || flat.base().mayHaveNulls() || flat.size() < n) return false;
        FlatVector base = flat.base();
        int[] ids = flat.ids();
        int first = n == 0 ? 0 : flat.row(0);
        if (type.storesInt() && base instanceof IntVector iv) {
            out.put(0);
            out.ensure(4L * n);
            int[] values = iv.values();
            byte[] data = out.data;
            int pos = out.pos;
            for (int i = 0; i < n; i++, pos += 4) INT.set(data, pos, values[ids == null ? first + i : ids[i]]);
            out.pos = pos;
            return true;
        }
        if (type.storesLong() && base instanceof LongVector lv) {
            out.put(0);
            out.ensure(8L * n);
            long[] values = lv.values();
            byte[] data = out.data;
            int pos = out.pos;
            for (int i = 0; i < n; i++, pos += 8) LONG.set(data, pos, values[ids == null ? first + i : ids[i]]);
            out.pos = pos;
            return true;
        }
        if (type instanceof DoubleType && base instanceof DoubleVector dv) {
            out.put(0);
            out.ensure(8L * n);
            double[] values = dv.values();
            byte[] data = out.data;
            int pos = out.pos;
            for (int i = 0; i < n; i++, pos += 8) LONG.set(data, pos, Double.doubleToRawLongBits(values[ids == null ? first + i : ids[i]]));
            out.pos = pos;
            return true;
        }
        if ((type instanceof StringType || type instanceof BinaryType) && base instanceof BytesVector bv) {
            out.put(0);
            out.ensure(4L * n);
            byte[] data = out.data;
            int pos = out.pos;
            for (int i = 0; i < n; i++, pos += 4) INT.set(data, pos, bv.bytesLength(ids == null ? first + i : ids[i]));
            out.pos = pos;
            byte[] bytes = bv.buffer();
            if (ids == null) {
                // a range of rows of a vector without nulls: their bytes are contiguous
                if (n > 0) {
                    int start = bv.bytesStart(first);
                    out.put(bytes, start, bv.bytesStart(first + n - 1) + bv.bytesLength(first + n - 1) - start);
                }
            } else {
                for (int i = 0; i < n; i++) out.put(bytes, bv.bytesStart(ids[i]), bv.bytesLength(ids[i]));
            }
            return true;
        }
        return false;
    }

    public static Batch decode(StructType schema, byte[] data, int rowCount) {
        In in = new In(data);
        ColumnVector[] columns = new ColumnVector[schema.size()];
        for (int c = 0; c < columns.length; c++) columns[c] = decode(schema.field(c).dataType(), in, rowCount);
        return columns.length == 0 ? Batch.ofRowCount(rowCount) : new Batch(columns, rowCount);
    }

    private static void encode(DataType type, ColumnVector v, int[] rows, int n, Buffer out) {
        boolean nulls = false;
        if (v.mayHaveNulls()) for (int i = 0; i < n && !nulls; i++) nulls = v.isNull(rows[i]);
        out.put(nulls ? 1 : 0);
        if (nulls) {
            byte[] bits = new byte[(n + 7) >>> 3];
            for (int i = 0; i < n; i++) if (v.isNull(rows[i])) bits[i >>> 3] |= (byte) (1 << (i & 7));
            out.put(bits, 0, bits.length);
        }
        if (type.storesInt()) {
            out.ensure(4L * n);
            for (int i = 0; i < n; i++) out.putInt(nulls && v.isNull(rows[i]) ? 0 : v.getInt(rows[i]));
        } else if (type.storesLong()) {
            out.ensure(8L * n);
            for (int i = 0; i < n; i++) out.putLong(nulls && v.isNull(rows[i]) ? 0 : v.getLong(rows[i]));
        } else if (type instanceof DoubleType) {
            out.ensure(8L * n);
            for (int i = 0; i < n; i++) out.putLong(nulls && v.isNull(rows[i]) ? 0 : Double.doubleToRawLongBits(v.getDouble(rows[i])));
        } else if (type instanceof FloatType) {
            out.ensure(4L * n);
            for (int i = 0; i < n; i++) out.putInt(nulls && v.isNull(rows[i]) ? 0 : Float.floatToRawIntBits(v.getFloat(rows[i])));
        } else if (type instanceof BooleanType) {
            out.ensure(n);
            for (int i = 0; i < n; i++) out.put(!(nulls && v.isNull(rows[i])) && v.getBoolean(rows[i]) ? 1 : 0);
        } else if (type instanceof StringType || type instanceof BinaryType || type instanceof dev.sluice.types.CalendarIntervalType) {
            out.ensure(4L * n);
            for (int i = 0; i < n; i++) out.putInt(nulls && v.isNull(rows[i]) ? 0 : v.bytesLength(rows[i]));
            for (int i = 0; i < n; i++) {
                int r = rows[i];
                if (nulls && v.isNull(r)) continue;
                out.put(v.bytesArray(r), v.bytesStart(r), v.bytesLength(r));
            }
        } else if (type instanceof DecimalType d && d.fitsInLong()) {
            out.ensure(8L * n);
            for (int i = 0; i < n; i++) out.putLong(nulls && v.isNull(rows[i]) ? 0 : v.getLong(rows[i]));
        } else if (type instanceof DecimalType) {
            for (int i = 0; i < n; i++) {
                if (nulls && v.isNull(rows[i])) continue;
                byte[] unscaled = v.getDecimal(rows[i]).unscaledValue().toByteArray();
                out.putInt(unscaled.length);
                out.put(unscaled, 0, unscaled.length);
            }
        } else if (type instanceof NullType) {
            // nothing but the nulls
        } else if (type instanceof StructType s) {
            for (int f = 0; f < s.size(); f++) encode(s.field(f).dataType(), v.child(f), rows, n, out);
        } else if (type instanceof ArrayType || type instanceof MapType) {
            long total = 0;
            out.ensure(4L * n);
            for (int i = 0; i < n; i++) {
                int len = nulls && v.isNull(rows[i]) ? 0 : v.arrayLength(rows[i]);
                out.putInt(len);
                total += len;
            }
            int[] elementRows = new int[(int) total];
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (nulls && v.isNull(rows[i])) continue;
                int offset = v.arrayOffset(rows[i]), len = v.arrayLength(rows[i]);
                for (int e = 0; e < len; e++) elementRows[k++] = offset + e;
            }
            if (type instanceof ArrayType a) {
                encode(a.elementType(), v.elements(), elementRows, k, out);
            } else {
                MapType m = (MapType) type;
                encode(m.keyType(), v.elements(), elementRows, k, out);
                encode(m.valueType(), v.mapValues(), elementRows, k, out);
            }
        } else {
            throw dev.sluice.error.SluiceException.internal("cannot spill a column of type " + type);
        }
    }

    private static FlatVector decode(DataType type, In in, int n) {
        boolean[] isNull = null;
        if (in.get() != 0) {
            isNull = new boolean[n];
            int bytes = (n + 7) >>> 3;
            for (int i = 0; i < bytes; i++) {
                int b = in.get();
                for (int j = 0; j < 8 && i * 8 + j < n; j++) isNull[i * 8 + j] = (b & (1 << j)) != 0;
            }
        }
        FlatVector out;
        // fixed-width values are packed, a null's as 0 (the vectors' placeholder): one bulk copy each
        if (type.storesInt()) {
            IntVector v = new IntVector(type, n);
            v.appendLittleEndian(in.data, in.pos, n, isNull);
            in.pos += 4 * n;
            out = v;
        } else if (type.storesLong()) {
            LongVector v = new LongVector(type, n);
            v.appendLittleEndian(in.data, in.pos, n, isNull);
            in.pos += 8 * n;
            out = v;
        } else if (type instanceof DoubleType) {
            DoubleVector v = new DoubleVector(type, n);
            v.appendLittleEndian(in.data, in.pos, n, isNull);
            in.pos += 8 * n;
            out = v;
        } else if (type instanceof FloatType) {
            FloatVector v = new FloatVector(type, n);
            for (int i = 0; i < n; i++) {
                int x = in.getInt();
                if (isNull != null && isNull[i]) v.appendNull();
                else v.append(Float.intBitsToFloat(x));
            }
            out = v;
        } else if (type instanceof BooleanType) {
            BooleanVector v = new BooleanVector(type, n);
            for (int i = 0; i < n; i++) {
                int x = in.get();
                if (isNull != null && isNull[i]) v.appendNull();
                else v.append(x != 0);
            }
            out = v;
        } else if (type instanceof StringType || type instanceof BinaryType || type instanceof dev.sluice.types.CalendarIntervalType) {
            // the lengths become the row ends; the values are contiguous (a null has length 0): one copy
            int[] ends = new int[Math.max(4, n)];
            long total = 0;
            for (int i = 0; i < n; i++) {
                total += in.getInt();
                if (total > Integer.MAX_VALUE - 16) throw new IllegalStateException("spilled string column over 2 GB");
                ends[i] = (int) total;
            }
            int bytes = (int) total;
            byte[] values = new byte[Math.max(16, bytes)];
            System.arraycopy(in.data, in.pos, values, 0, bytes);
            in.pos += bytes;
            out = BytesVector.adopt(type, values, bytes, ends, isNull, n);
        } else if (type instanceof DecimalType d && d.fitsInLong()) {
            DecimalVector v = new DecimalVector(d, n);
            for (int i = 0; i < n; i++) {
                long x = in.getLong();
                if (isNull != null && isNull[i]) v.appendNull();
                else v.appendUnscaled(x);
            }
            out = v;
        } else if (type instanceof DecimalType d) {
            DecimalVector v = new DecimalVector(d, n);
            for (int i = 0; i < n; i++) {
                if (isNull != null && isNull[i]) {
                    v.appendNull();
                    continue;
                }
                int len = in.getInt();
                byte[] unscaled = Arrays.copyOfRange(in.data, in.pos, in.pos + len);
                in.pos += len;
                v.append(new BigDecimal(new BigInteger(unscaled), d.scale()));
            }
            out = v;
        } else if (type instanceof NullType) {
            out = Vectors.allocate(type, n);
            for (int i = 0; i < n; i++) out.appendNull();
        } else if (type instanceof StructType s) {
            FlatVector[] fields = new FlatVector[s.size()];
            for (int f = 0; f < fields.length; f++) fields[f] = decode(s.field(f).dataType(), in, n);
            StructVector v = (StructVector) Vectors.allocate(s, n);
            for (int i = 0; i < n; i++) {
                if (isNull != null && isNull[i]) {
                    v.appendNull();
                    continue;
                }
                for (int f = 0; f < fields.length; f++) v.writableChild(f).appendFrom(fields[f], i);
                v.finishRow();
            }
            out = v;
        } else if (type instanceof ArrayType || type instanceof MapType) {
            int[] lengths = new int[n];
            int total = 0;
            for (int i = 0; i < n; i++) total += lengths[i] = in.getInt();
            if (type instanceof ArrayType a) {
                FlatVector elements = decode(a.elementType(), in, total);
                ArrayVector v = (ArrayVector) Vectors.allocate(a, n);
                int e = 0;
                for (int i = 0; i < n; i++) {
                    if (isNull != null && isNull[i]) {
                        v.appendNull();
                        continue;
                    }
                    for (int j = 0; j < lengths[i]; j++) v.writableElements().appendFrom(elements, e++);
                    v.finishRow();
                }
                out = v;
            } else {
                MapType m = (MapType) type;
                FlatVector keys = decode(m.keyType(), in, total);
                FlatVector values = decode(m.valueType(), in, total);
                MapVector v = (MapVector) Vectors.allocate(m, n);
                int e = 0;
                for (int i = 0; i < n; i++) {
                    if (isNull != null && isNull[i]) {
                        v.appendNull();
                        continue;
                    }
                    for (int j = 0; j < lengths[i]; j++, e++) {
                        v.writableKeys().appendFrom(keys, e);
                        v.writableValues().appendFrom(values, e);
                    }
                    v.finishRow();
                }
                out = v;
            }
        } else {
            throw dev.sluice.error.SluiceException.internal("cannot read a spilled column of type " + type);
        }
        return out;
    }

    /** A growable little-endian byte buffer, reusable across blocks. */
    public static final class Buffer {
        private byte[] data;
        private int pos;

        public Buffer(int capacity) { data = new byte[Math.max(64, capacity)]; }

        /** The bytes written so far start at 0 of this array (valid until the next encode). */
        public byte[] array() { return data; }

        /** Drops a buffer grown past {@code limit} bytes (one unusually large block) back to a small one. */
        public void trim(int limit) {
            if (data.length > limit) data = new byte[64 * 1024];
        }

        void ensure(long extra) {
            long needed = pos + extra;
            if (needed > data.length) {
                if (needed > Integer.MAX_VALUE - 64) throw new IllegalStateException("spill block over 2 GB");
                // doubled, but kept below half a G1 region while the block fits there (HeapRegions)
                long capacity = HeapRegions.grownCapacity(data.length, needed, HeapRegions.BUFFER_LIMIT);
                data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 64, capacity));
            }
        }

        void put(int b) {
            ensure(1);
            data[pos++] = (byte) b;
        }

        void put(byte[] bytes, int offset, int length) {
            ensure(length);
            System.arraycopy(bytes, offset, data, pos, length);
            pos += length;
        }

        void putInt(int x) {
            ensure(4);
            INT.set(data, pos, x);
            pos += 4;
        }

        void putLong(long x) {
            ensure(8);
            LONG.set(data, pos, x);
            pos += 8;
        }

    }

    private static final class In {
        final byte[] data;
        int pos;

        In(byte[] data) { this.data = data; }

        int get() { return data[pos++] & 0xff; }

        int getInt() {
            int x = (int) INT.get(data, pos);
            pos += 4;
            return x;
        }

        long getLong() {
            long x = (long) LONG.get(data, pos);
            pos += 8;
            return x;
        }
    }
}
