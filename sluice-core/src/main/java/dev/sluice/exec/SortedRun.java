package dev.sluice.exec;

import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.util.Arrays;

/**
 * One partition's rows, owned (flat vectors), with their sort key values and the row ids in sorted order.
 * Read-only once built; batches of it are views (no copy).
 */
final class SortedRun {
    final ColumnVector[] columns;
    final ColumnVector[] keys;
    final int[] order;
    final int rows;
    /** {@link RowOrdering#prefixes} of the keys by row id, or null: compared first, the keys only on a tie. */
    final KeyPrefixes prefix;

    SortedRun(ColumnVector[] columns, ColumnVector[] keys, int[] order, int rows) {
        this(columns, keys, order, rows, null);
    }

    SortedRun(ColumnVector[] columns, ColumnVector[] keys, int[] order, int rows, KeyPrefixes prefix) {
        this.columns = columns;
        this.keys = keys;
        this.order = order;
        this.rows = rows;
        this.prefix = prefix;
    }

    /** Rows {@code [from, to)} of the sorted order as one batch of dictionary views. */
    Batch viewOf(int from, int to) {
        int n = to - from;
        if (columns.length == 0) return Batch.ofRowCount(n);
        int[] ids = Arrays.copyOfRange(order, from, to);
        ColumnVector[] out = new ColumnVector[columns.length];
        for (int c = 0; c < out.length; c++) out[c] = columns[c].select(ids, n);
        return new Batch(out, n);
    }
}
