package dev.sluice.exec;

import dev.sluice.expr.SortOrder;
import dev.sluice.memory.SpillFile;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.util.List;

/**
 * A position in a sorted run as {@link RunMerger} reads it: the current block (a {@link SortedRun}) and the
 * rows {@code [pos, end)} of its sorted order still to read. An in-memory slice is one block; a spilled run
 * reads its blocks from disk one at a time, keeping only rows above a lower bound and up to an upper bound.
 */
abstract class RunCursor implements AutoCloseable {
    SortedRun run;
    int pos;
    int end;

    /** Loads the next block; false when the cursor is done. */
    abstract boolean refill();

    @Override public void close() { }

    /** Rows {@code [from, to)} of an in-memory run. */
    static RunCursor of(SortedRun run, int from, int to) {
        RunCursor c = new RunCursor() {
            @Override boolean refill() { return false; }
        };
        c.run = run;
        c.pos = from;
        c.end = to;
        return c;
    }

    /** The rows of a spilled run above {@code lower} (null: from the start) and not above {@code upper} (null: to the end). */
    static RunCursor spilled(SpilledRun spilled, StructType schema, List<SortOrder> orders, RowOrdering ordering,
                             Bound lower, Bound upper, int readBuffer) {
        return new SpilledCursor(spilled, schema, orders, ordering, lower, upper, readBuffer);
    }

    /** Row ids 0, 1, 2... for blocks of spilled runs (at most {@link SpilledRun#BLOCK_ROWS} rows), shared: never written. */
    private static final int[] IDENTITY = identity(SpilledRun.BLOCK_ROWS);

    private static int[] identity(int n) {
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) ids[i] = i;
        return ids;
    }

    /** A sort key value: row {@code row} of {@code keys}. */
    record Bound(ColumnVector[] keys, int row) {}

    private static final class SpilledCursor extends RunCursor {
        private final List<SortOrder> orders;
        private final RowOrdering ordering;
        private final Bound lower;
        private final Bound upper;
        private final SpillFile.Reader reader;
        private boolean pastLower;
        private boolean done;

        SpilledCursor(SpilledRun spilled, StructType schema, List<SortOrder> orders, RowOrdering ordering, Bound lower, Bound upper,
                      int readBuffer) {
            this.orders = orders;
            this.ordering = ordering;
            this.lower = lower;
            this.upper = upper;
            this.pastLower = lower == null;
            int first = lower == null ? 0 : spilled.startBlock(ordering, lower.keys(), lower.row());
            this.reader = spilled.file.reader(schema, first, readBuffer);
        }

        @Override boolean refill() {
            while (!done) {
                Batch b = reader.next();
                if (b == null) {
                    done = true;
                    break;
                }
                int n = b.rowCount();
                ColumnVector[] keys = new ColumnVector[orders.size()];
                for (int k = 0; k < keys.length; k++) keys[k] = orders.get(k).evaluate(b);
                int[] order = n <= IDENTITY.length ? IDENTITY : identity(n);   // a block is in order: read-only ids
                run = new SortedRun(b.columns(), keys, order, n, ordering.prefixes(keys, n));
                pos = 0;
                end = n;
                if (!pastLower) {
                    pos = above(keys, 0, n, lower);
                    if (pos < n) pastLower = true;
                }
                if (upper != null) {
                    end = above(keys, pos, n, upper);
                    if (end < n) done = true;   // the rest of the run belongs to later partitions
                }
                if (pos < end) return true;
            }
            close();
            return false;
        }

        /** The first row in {@code [lo, hi)} whose key is above the bound (rows are sorted). */
        private int above(ColumnVector[] keys, int lo, int hi, Bound bound) {
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (ordering.compare(keys, mid, bound.keys(), bound.row()) <= 0) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }

        @Override public void close() { reader.close(); }
    }
}
