package dev.sluice.expr.agg;

import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.DoubleVector;
import dev.sluice.vector.FlatRows;
import dev.sluice.vector.RowCalls;

import java.util.Arrays;

/**
 * Per-group double sums, each with the count of values added to it: the state of a double {@code sum(x)} (NULL
 * while the count is 0) and of a double {@code avg(x)}. Values are added in row order (as Spark; the result of a
 * float sum depends on the order). One class and one per-row loop for both aggregates, so that the JIT warms up and
 * compiles one loop instead of two (Q2 runs both over its two million exploded rows: docs/benchmark.md, "q2").
 */
final class CountedDoubleSums {
    double[] sums = new double[0];
    long[] counts = new long[0];

    void ensureGroups(int groups) {
        if (groups > sums.length) {
            int cap = Growth.capacity(sums.length, groups);
            sums = Arrays.copyOf(sums, cap);
            counts = Arrays.copyOf(counts, cap);
        }
    }

    /** Adds each non-null row {@code r} of {@code v} to group {@code groupIds[r]}. */
    void add(ColumnVector v, int[] groupIds, int rowCount) {
        FlatRows rows = FlatRows.of(v);
        if (rows != null && rows.base() instanceof DoubleVector base) {   // the loop over the flat array
            RowCalls.run(rowCount, (from, to) -> addFlat(base, rows, groupIds, from, to));
            return;
        }
        for (int r = 0; r < rowCount; r++) {
            if (v.isNull(r)) continue;
            int g = groupIds[r];
            sums[g] += v.getDouble(r);
            counts[g]++;
        }
    }

    /** Rows [from, to): a method of its own called through {@link RowCalls}, compiled once without the view resolution around it. */
    private void addFlat(DoubleVector base, FlatRows rows, int[] groupIds, int from, int to) {
        double[] values = base.values();
        double[] sums = this.sums;
        long[] counts = this.counts;
        boolean nulls = !rows.noNulls();
        for (int r = from; r < to; r++) {
            int p = rows.row(r);
            if (nulls && base.isNull(p)) continue;
            int g = groupIds[r];
            sums[g] += values[p];
            counts[g]++;
        }
    }

    /** Empties every group, keeping the arrays. */
    void clear() {
        Arrays.fill(sums, 0);
        Arrays.fill(counts, 0L);
    }

    long bytes() { return sums.length * 16L; }
}
