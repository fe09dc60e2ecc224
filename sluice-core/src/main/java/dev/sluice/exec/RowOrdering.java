package dev.sluice.exec;

import dev.sluice.expr.SortOrder;
import dev.sluice.expr.ValueComparator;
import dev.sluice.types.DataType;
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

    /** Negative when row i of {@code a} sorts before row j of {@code b}. */
    int compare(ColumnVector[] a, int i, ColumnVector[] b, int j) {
        for (int k = 0; k < comparators.length; k++) {
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
        if (type.storesLong()) return (a, i, b, j) -> Long.compare(a.getLong(i), b.getLong(j));
        if (type instanceof DoubleType) return (a, i, b, j) -> {
            double x = a.getDouble(i), y = b.getDouble(j);
            return x == y ? 0 : Double.compare(x, y);   // -0.0 equals 0.0; NaN equals NaN and is largest
        };
        if (type instanceof StringType) return (a, i, b, j) -> a.compareBytes(i, b, j);
        return (a, i, b, j) -> ValueComparator.compare(type, a, i, b, j);
    }
}
