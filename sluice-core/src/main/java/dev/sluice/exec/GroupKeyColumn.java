package dev.sluice.exec;

import dev.sluice.expr.ValueComparator;
import dev.sluice.expr.ValueHasher;
import dev.sluice.types.BinaryType;
import dev.sluice.types.DataType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.StringType;
import dev.sluice.vector.ByteWords;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.DecimalVector;
import dev.sluice.vector.DoubleVector;
import dev.sluice.vector.FlatRows;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.IntVector;
import dev.sluice.vector.LongVector;
import dev.sluice.vector.RowCalls;

import java.util.Arrays;

/**
 * One grouping-key column of a {@link GroupTable}, with its hashing and equality chosen once for the key's
 * type instead of per row. Each batch's vector is bound once ({@link #bind}): the typed kinds resolve its views
 * to the flat vector below ({@link FlatRows}) and then read that vector's arrays in plain loops. A vector that
 * does not resolve, and any type without a typed kind, takes the generic path ({@link ValueHasher},
 * {@link ValueComparator}); both paths give the same hashes and the same equality (tests compare them).
 */
abstract class GroupKeyColumn {
    final DataType type;
    ColumnVector vector;

    GroupKeyColumn(DataType type) { this.type = type; }

    /** The typed kind for {@code type}, or the generic one when {@code typed} is false or none fits. */
    static GroupKeyColumn of(DataType type, boolean typed) {
        if (!typed) return new Generic(type);
        if (type.storesInt()) return new Ints(type);
        if (type.storesLong()) return new Longs(type);
        if (type instanceof DecimalType d && d.fitsInLong()) return new CompactDecimals(d);
        if (type instanceof DoubleType) return new Doubles(type);
        if (type instanceof StringType || type instanceof BinaryType) return new Bytes(type);
        return new Generic(type);
    }

    /** Makes {@code v} (one batch's key column) the vector that {@link #hash} and {@link #same} read. */
    void bind(ColumnVector v) { vector = v; }

    /** {@code out[r]} = {@link ValueHasher#hash} of row r, for r in [0, n). */
    final void hash(long[] out, int n) { hash(out, null, n); }

    /** {@code out[j]} = {@link ValueHasher#hash} of row {@code at[j]} (of row j when {@code at} is null), j in [0, n). */
    void hash(long[] out, int[] at, int n) {
        for (int j = 0; j < n; j++) out[j] = ValueHasher.hash(type, vector, at == null ? j : at[j]);
    }

    /** {@link #storedRows} of a column whose every row reads one stored row. */
    static final int[] CONSTANT = new int[0];

    /**
     * The stored row each row of the bound vector reads, as the selection array it came with (rows with equal
     * entries have equal keys), {@link #CONSTANT}, or null when the column cannot tell (a range, a generic view).
     */
    int[] storedRows() { return null; }

    /** True when group {@code group}'s stored key equals row {@code row} (NULL = NULL, NaN = NaN, -0.0 = 0.0). */
    boolean same(FlatVector stored, int group, int row) {
        return ValueComparator.compareNullable(type, stored, group, vector, row) == 0;
    }

    /** Per row through the vector's getters: any type, any vector. */
    static final class Generic extends GroupKeyColumn {
        Generic(DataType type) { super(type); }
    }

    /** A typed kind: resolves the bound vector, falling back to the generic loops when it does not resolve. */
    private abstract static class Typed<V extends FlatVector> extends GroupKeyColumn {
        private final Class<V> flatClass;
        FlatRows rows;     // null: the bound vector did not resolve
        V base;

        Typed(DataType type, Class<V> flatClass) {
            super(type);
            this.flatClass = flatClass;
        }

        @Override final void bind(ColumnVector v) {
            super.bind(v);
            FlatRows resolved = v == null ? null : FlatRows.of(v);
            if (resolved != null && flatClass.isInstance(resolved.base())) {
                rows = resolved;
                base = flatClass.cast(resolved.base());
                bound();
            } else {
                rows = null;
                base = null;
            }
        }

        /** Caches the base's arrays after a bind. */
        abstract void bound();

        @Override final int[] storedRows() {
            if (rows == null) return null;
            if (rows.constant()) return CONSTANT;
            return rows.ids();
        }

        @Override final void hash(long[] out, int[] at, int n) {
            if (rows == null) {
                super.hash(out, at, n);
                return;
            }
            boolean noNulls = rows.noNulls();
            RowCalls.run(n, (from, to) -> hashRows(out, at, noNulls, from, to));
        }

        /** {@link #hash} of rows [from, to): a method of its own called through {@link RowCalls}, so that it is compiled once. */
        private void hashRows(long[] out, int[] at, boolean noNulls, int from, int to) {
            for (int j = from; j < to; j++) {
                int p = rows.row(at == null ? j : at[j]);
                out[j] = noNulls || !base.isNull(p) ? hashAt(p) : ValueHasher.NULL_HASH;
            }
        }

        @SuppressWarnings("unchecked")   // the table stores keys in the vector class the type allocates, V
        @Override final boolean same(FlatVector stored, int group, int row) {
            if (rows == null) return super.same(stored, group, row);
            int p = rows.row(row);
            boolean storedNull = stored.isNull(group), rowNull = base.isNull(p);
            if (storedNull || rowNull) return storedNull == rowNull;
            return sameAt((V) stored, group, p);
        }

        /** The hash of the base's non-null row {@code p}. */
        abstract long hashAt(int p);

        /** True when the stored key of {@code group} equals the base's non-null row {@code p}. */
        abstract boolean sameAt(V stored, int group, int p);
    }

    private static final class Ints extends Typed<IntVector> {
        private int[] values;
        Ints(DataType type) { super(type, IntVector.class); }
        @Override void bound() { values = base.values(); }
        @Override long hashAt(int p) { return ValueHasher.hashInt(values[p]); }
        @Override boolean sameAt(IntVector stored, int group, int p) { return stored.values()[group] == values[p]; }
    }

    private static final class Longs extends Typed<LongVector> {
        private long[] values;
        Longs(DataType type) { super(type, LongVector.class); }
        @Override void bound() { values = base.values(); }
        @Override long hashAt(int p) { return ValueHasher.hashLong(values[p]); }
        @Override boolean sameAt(LongVector stored, int group, int p) { return stored.values()[group] == values[p]; }
    }

    /** Decimals of at most 18 digits: their unscaled longs, hashed as {@link ValueHasher} hashes decimals. */
    private static final class CompactDecimals extends Typed<DecimalVector> {
        private final int scale;
        private long[] values;
        CompactDecimals(DecimalType type) {
            super(type, DecimalVector.class);
            scale = type.scale();
        }
        @Override void bound() { values = base.unscaledValues(); }
        @Override long hashAt(int p) { return ValueHasher.hashDecimal(values[p], scale); }
        @Override boolean sameAt(DecimalVector stored, int group, int p) { return stored.unscaledValues()[group] == values[p]; }
    }

    private static final class Doubles extends Typed<DoubleVector> {
        private double[] values;
        Doubles(DataType type) { super(type, DoubleVector.class); }
        @Override void bound() { values = base.values(); }
        @Override long hashAt(int p) { return ValueHasher.hashDouble(values[p]); }
        @Override boolean sameAt(DoubleVector stored, int group, int p) {
            double x = stored.values()[group], y = values[p];
            return x == y || (x != x && y != y);   // == makes -0.0 equal 0.0; NaN equals NaN
        }
    }

    private static final class Bytes extends Typed<BytesVector> {
        private byte[] data;
        Bytes(DataType type) { super(type, BytesVector.class); }
        @Override void bound() { data = base.buffer(); }
        @Override long hashAt(int p) { return ValueHasher.hashBytes(data, base.bytesStart(p), base.bytesLength(p)); }
        @Override boolean sameAt(BytesVector stored, int group, int p) {
            int length = stored.bytesLength(group);
            if (length != base.bytesLength(p)) return false;
            byte[] a = stored.buffer();
            int s1 = stored.bytesStart(group), s2 = base.bytesStart(p);
            if (length > 16) return Arrays.equals(a, s1, s1 + length, data, s2, s2 + length);
            // Keys of 1-16 bytes a word or two at a time, each word inside the array: 9-16 bytes as their first 8 and
            // their last 8 (overlapping); 1-8 bytes as the 8 bytes ending at the key's end shifted down, when 8 bytes
            // precede that end in both arrays (all but a buffer's first keys). No test of the arrays' ends: a buffer's
            // last key is rare enough that C2 compiles the untaken branch as a trap (the first version did so in Q2).
            if (length > 8) {
                return ByteWords.longAt(a, s1) == ByteWords.longAt(data, s2)
                        && ByteWords.longAt(a, s1 + length - 8) == ByteWords.longAt(data, s2 + length - 8);
            }
            if (length > 0 && s1 + length >= 8 && s2 + length >= 8) {
                int below = (8 - length) << 3;
                return ByteWords.longAt(a, s1 + length - 8) >>> below == ByteWords.longAt(data, s2 + length - 8) >>> below;
            }
            for (int i = 0; i < length; i++) {   // short keys: a plain loop beats the intrinsic's set-up
                if (a[s1 + i] != data[s2 + i]) return false;
            }
            return true;
        }
    }
}
