package dev.sluice.exec;

import dev.sluice.expr.SortOrder;
import dev.sluice.memory.SpillFile;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;

import java.util.List;

/**
 * A sorted run written to disk in blocks of at most {@link #BLOCK_ROWS} rows, with the sort keys of each
 * block's first row kept in memory: they are the run's sample for range cuts and let a reader start at the
 * block where an output partition's range begins.
 */
final class SpilledRun {
    static final int BLOCK_ROWS = 1024;

    final SpillFile file;
    final FlatVector[] firstKeys;   // one row per block
    final long rows;

    SpilledRun(SpillFile file, FlatVector[] firstKeys, long rows) {
        this.file = file;
        this.firstKeys = firstKeys;
        this.rows = rows;
    }

    int blocks() { return file.blockCount(); }

    /** The first block that may hold a row above {@code bound} (the last block starting at or below it). */
    int startBlock(RowOrdering ordering, ColumnVector[] boundKeys, int boundRow) {
        int lo = 0, hi = blocks();
        while (lo < hi) {   // first block whose first key is above the bound
            int mid = (lo + hi) >>> 1;
            if (ordering.compare(firstKeys, mid, boundKeys, boundRow) <= 0) lo = mid + 1;
            else hi = mid;
        }
        return Math.max(0, lo - 1);
    }

    /** Writes the merged output of {@code merger} (batches of at most {@link #BLOCK_ROWS}) as one run. */
    static SpilledRun writeMerged(SpillFile file, RunMerger merger, List<SortOrder> orders) {
        return writeMerged(file, merger::next, orders);
    }

    /** Writes the batches of {@code merged} (already in order, at most {@link #BLOCK_ROWS} each; null at the end) as one run. */
    static SpilledRun writeMerged(SpillFile file, java.util.function.Supplier<Batch> merged, List<SortOrder> orders) {
        FlatVector[] firstKeys = new FlatVector[orders.size()];
        for (int k = 0; k < firstKeys.length; k++) firstKeys[k] = dev.sluice.vector.Vectors.allocate(orders.get(k).dataType(), 64);
        long rows = 0;
        for (Batch b = merged.get(); b != null; b = merged.get()) {
            if (b.rowCount() == 0) continue;
            for (int k = 0; k < firstKeys.length; k++) firstKeys[k].appendFrom(orders.get(k).evaluate(b), 0);
            file.write(b);
            rows += b.rowCount();
        }
        file.finishWriting();
        return new SpilledRun(file, firstKeys, rows);
    }

    /** Writes {@code rows} rows of {@code columns} in the order {@code order}, as blocks. */
    static SpilledRun write(SpillFile file, StructType schema, ColumnVector[] columns, ColumnVector[] keys, List<SortOrder> orders,
                            int[] order, int rows) {
        FlatVector[] firstKeys = new FlatVector[keys.length];
        for (int k = 0; k < keys.length; k++) firstKeys[k] = dev.sluice.vector.Vectors.allocate(orders.get(k).dataType(), rows / BLOCK_ROWS + 1);
        for (int from = 0; from < rows; from += BLOCK_ROWS) {
            int n = Math.min(BLOCK_ROWS, rows - from);
            int[] ids = java.util.Arrays.copyOfRange(order, from, from + n);
            ColumnVector[] out = new ColumnVector[columns.length];
            for (int c = 0; c < out.length; c++) out[c] = columns[c].select(ids, n);
            file.write(out.length == 0 ? Batch.ofRowCount(n) : new Batch(out, n));
            for (int k = 0; k < keys.length; k++) firstKeys[k].appendFrom(keys[k], order[from]);
        }
        file.finishWriting();
        return new SpilledRun(file, firstKeys, rows);
    }
}
