package dev.sluice.exec;

import dev.sluice.expr.SortOrder;
import dev.sluice.expr.ValueComparator;
import dev.sluice.types.DataType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.DateType;
import dev.sluice.types.LongType;
import dev.sluice.types.StringType;
import dev.sluice.types.TimestampType;
import dev.sluice.vector.ColumnVector;

import java.util.List;

/**
 * Compares rows by sort keys (one vector per key): Spark's value ordering ({@link ValueComparator}: NaN
 * above every number, -0.0 equal to 0.0, strings by UTF-8 bytes), each key with its own direction and null
 * placement. Nulls nested inside structs and arrays come first in ascending order, last in descending.
 */
final class RowOrdering {
    @FunctionalInterface
    private interface KeyComparator {
        int compare(ColumnVector a, int i, ColumnVector b, int j);
    }

    private final KeyComparator[] comparators;
    private final boolean[] ascending;
    private final boolean[] nullsFirst;

    RowOrdering(List<SortOrder> orders) {
        int n = orders.size();
        comparators = new KeyComparator[n];
        ascending = new boolean[n];
        nullsFirst = new boolean[n];
        for (int k = 0; k < n; k++) {
            SortOrder o = orders.get(k);
            comparators[k] = comparatorFor(o.dataType());
            ascending[k] = o.ascending();
            nullsFirst[k] = o.nullsFirst();
        }
    }

    int keyCount() { return comparators.length; }

    /**
     * The normalized prefixes of the first two keys of rows {@code [0, rows)}, compared before the keys themselves
     * (see {@link KeyPrefixes}); null when the first key has none.
     */
    KeyPrefixes prefixes(ColumnVector[] keys, int rows) {
        if (keys.length == 0 || rows == 0) return null;
        long[] first = prefixes(keys[0], 0, rows);
        if (first == null) return null;
        boolean firstExact = exactPrefix(keys[0].type());
        // the second key's prefix only counts when equal first prefixes mean equal first keys
        long[] second = firstExact && keys.length > 1 ? prefixes(keys[1], 1, rows) : null;
        return new KeyPrefixes(first, firstExact, second, second != null && exactPrefix(keys[1].type()));
    }

    /**
     * Normalized prefixes of key {@code k} (vector {@code v}) for rows {@code [0, rows)}: longs whose signed order is
     * the key's order, direction included (equal prefixes say nothing more unless {@link #exactPrefix}). Null when
     * the key's type has no such form here or a row's key is null. Ints, longs and doubles are exact (-0.0 as 0.0,
     * NaN above everything), and so are decimals of at most 18 digits (their unscaled longs); strings give their
     * first 8 UTF-8 bytes.
     */
    private long[] prefixes(ColumnVector v, int k, int rows) {
        DataType type = v.type();
        boolean longs = type.storesLong() || compactDecimal(type);
        boolean supported = type.storesInt() || longs || type instanceof DoubleType || type instanceof StringType;
        if (!supported) return null;
        if (v.mayHaveNulls()) for (int r = 0; r < rows; r++) if (v.isNull(r)) return null;
        long[] out = new long[rows];
        if (type.storesInt()) for (int r = 0; r < rows; r++) out[r] = v.getInt(r);
        else if (longs) for (int r = 0; r < rows; r++) out[r] = v.getLong(r);
        else if (type instanceof DoubleType) for (int r = 0; r < rows; r++) out[r] = doublePrefix(v.getDouble(r));
        else for (int r = 0; r < rows; r++) out[r] = bytesPrefix(v.bytesArray(r), v.bytesStart(r), v.bytesLength(r));
        if (!ascending[k]) for (int r = 0; r < rows; r++) out[r] = ~out[r];   // reverses the order exactly
        return out;
    }

    /** A decimal held as unscaled longs at one scale: ordered as the longs. */
    private static boolean compactDecimal(DataType type) {
        return type instanceof DecimalType d && d.fitsInLong();
    }

    /** True when equal prefixes of a key of this type mean equal keys (the value itself, not a part of it). */
    private static boolean exactPrefix(DataType type) {
        return type.storesInt() || type.storesLong() || type instanceof DoubleType || compactDecimal(type);
    }

    /**
     * As {@link #compare(ColumnVector[], int, ColumnVector[], int)}, deciding by the rows' prefixes ({@code pa} of
     * {@code a}'s rows, {@code pb} of {@code b}'s, by row id; either may be null) where they can.
     */
    int compare(KeyPrefixes pa, ColumnVector[] a, int i, KeyPrefixes pb, ColumnVector[] b, int j) {
        if (pa == null || pb == null) return compareFrom(0, a, i, b, j);
        long x = pa.first()[i], y = pb.first()[j];
        if (x != y) return Long.compare(x, y);
        if (!pa.firstExact() || !pb.firstExact()) return compareFrom(0, a, i, b, j);
        if (pa.second() == null || pb.second() == null) return compareFrom(1, a, i, b, j);
        x = pa.second()[i];
        y = pb.second()[j];
        if (x != y) return Long.compare(x, y);
        return compareFrom(pa.secondExact() && pb.secondExact() ? 2 : 1, a, i, b, j);
    }

    private static long doublePrefix(double d) {
        if (d == 0.0) d = 0.0;   // -0.0 equals 0.0
        long bits = Double.isNaN(d) ? 0x7ff8000000000000L : Double.doubleToRawLongBits(d);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);   // negatives: larger magnitude sorts lower
    }

    private static long bytesPrefix(byte[] bytes, int start, int length) {
        long p = 0;
        for (int i = 0; i < 8; i++) p = (p << 8) | (i < length ? bytes[start + i] & 0xff : 0);
        return p ^ Long.MIN_VALUE;   // unsigned byte order as signed order
    }

    /** Negative when row i of {@code a} sorts before row j of {@code b}. */
    int compare(ColumnVector[] a, int i, ColumnVector[] b, int j) { return compareFrom(0, a, i, b, j); }

    /** As {@link #compare(ColumnVector[], int, ColumnVector[], int)} from key {@code first} on (the keys before it are equal). */
    private int compareFrom(int first, ColumnVector[] a, int i, ColumnVector[] b, int j) {
        for (int k = first; k < comparators.length; k++) {
            ColumnVector va = a[k], vb = b[k];
            boolean na = va.isNull(i), nb = vb.isNull(j);
            int c;
            if (na || nb) {
                if (na == nb) continue;
                c = na == nullsFirst[k] ? -1 : 1;   // null placement does not flip with the direction
                return c;
            }
            c = comparators[k].compare(va, i, vb, j);
            if (c != 0) return ascending[k] ? c : -c;
        }
        return 0;
    }

    /** Specialized for the common key types (no type dispatch per comparison). */
    private static KeyComparator comparatorFor(DataType type) {
        if (type.storesInt()) return (a, i, b, j) -> Integer.compare(a.getInt(i), b.getInt(j));
        if (type.storesLong() || compactDecimal(type)) return (a, i, b, j) -> Long.compare(a.getLong(i), b.getLong(j));
        if (type instanceof DoubleType) return (a, i, b, j) -> {
            double x = a.getDouble(i), y = b.getDouble(j);
            return x == y ? 0 : Double.compare(x, y);   // -0.0 equals 0.0; NaN equals NaN and is largest
        };
        if (type instanceof StringType) return (a, i, b, j) -> a.compareBytes(i, b, j);
        return (a, i, b, j) -> ValueComparator.compare(type, a, i, b, j);
    }
}
