package dev.sluice.exec;

import dev.sluice.expr.SortOrder;
import dev.sluice.memory.SpillFile;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;

import java.util.List;

/**
 * A sorted run written to disk in blocks of at most {@link #BLOCK_ROWS} rows and about
 * {@link MergeReaders#blockBytes} bytes (so that a merge reading many runs at once holds one small block of each),
 * with the sort keys of each block's first row kept in memory: they are the run's sample for range cuts and let a
 * reader start at the block where an output partition's range begins.
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

    /** What the first keys hold (one row per block; vectors grown by doubling): charged while the run is kept. */
    long keyBytes() { return firstKeys.length == 0 ? 0 : 2 * dev.sluice.vector.BatchSizes.estimate(new Batch(firstKeys, blocks())); }

    /** The first keys of {@code runs} together. */
    static long keyBytes(List<SpilledRun> runs) {
        long total = 0;
        for (SpilledRun r : runs) total += r.keyBytes();
        return total;
    }

    /** Leaves {@code reservation} holding exactly {@code bytes}: shrunk, or charged the difference. */
    static void holdExactly(dev.sluice.memory.Reservation reservation, long bytes) {
        if (reservation.bytes() > bytes) reservation.shrink(reservation.bytes() - bytes);
        else reservation.charge(bytes - reservation.bytes());
    }


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

    /**
     * Writes the batches of {@code merged} (already in order; null at the end) as one run, in blocks of at most
     * {@code blockBytes}. {@code keepKeys}: keep each block's first keys (a run read only from its start, written
     * by a merge inside a task, needs none).
     */
    static SpilledRun writeMerged(SpillFile file, java.util.function.Supplier<Batch> merged, List<SortOrder> orders,
                                  long blockBytes, boolean keepKeys) {
        FlatVector[] firstKeys = new FlatVector[keepKeys ? orders.size() : 0];
        for (int k = 0; k < firstKeys.length; k++) firstKeys[k] = dev.sluice.vector.Vectors.allocate(orders.get(k).dataType(), 64);
        long rows = 0;
        for (Batch b = merged.get(); b != null; b = merged.get()) {
            if (b.rowCount() == 0) continue;
            ColumnVector[] keys = new ColumnVector[firstKeys.length];
            for (int k = 0; k < keys.length; k++) keys[k] = orders.get(k).evaluate(b);
            int blocksBefore = file.blockCount();
            file.write(b, blockBytes);
            appendFirstKeys(file, blocksBefore, firstKeys, keys, null, 0);
            rows += b.rowCount();
        }
        file.finishWriting();
        return new SpilledRun(file, firstKeys, rows);
    }

    /**
     * Writes {@code rows} rows of {@code columns} in the order {@code order}, as blocks of at most {@code blockBytes}.
     * {@code keepKeys}: keep each block's first keys (for range cuts; a run only ever read from its start needs none).
     */
    static SpilledRun write(SpillFile file, StructType schema, ColumnVector[] columns, ColumnVector[] keys, List<SortOrder> orders,
                            int[] order, int rows, long blockBytes, boolean keepKeys) {
        FlatVector[] firstKeys = new FlatVector[keepKeys ? keys.length : 0];
        for (int k = 0; k < firstKeys.length; k++) firstKeys[k] = dev.sluice.vector.Vectors.allocate(orders.get(k).dataType(), rows / BLOCK_ROWS + 1);
        for (int from = 0; from < rows; from += BLOCK_ROWS) {
            int n = Math.min(BLOCK_ROWS, rows - from);
            int[] ids = java.util.Arrays.copyOfRange(order, from, from + n);
            ColumnVector[] out = new ColumnVector[columns.length];
            for (int c = 0; c < out.length; c++) out[c] = columns[c].select(ids, n);
            int blocksBefore = file.blockCount();
            file.write(out.length == 0 ? Batch.ofRowCount(n) : new Batch(out, n), blockBytes);
            appendFirstKeys(file, blocksBefore, firstKeys, keys, order, from);
        }
        file.finishWriting();
        return new SpilledRun(file, firstKeys, rows);
    }

    /**
     * The first keys of the blocks written since {@code blocksBefore}: one, or several when the file cut a large
     * batch into blocks (under G1, below half a heap region). Row i of the batch is row {@code order[from + i]} of
     * {@code keys} ({@code order} null: row {@code from + i}).
     */
    private static void appendFirstKeys(SpillFile file, int blocksBefore, FlatVector[] firstKeys, ColumnVector[] keys,
                                        int[] order, int from) {
        int row = from;
        for (int b = blocksBefore; b < file.blockCount(); b++) {
            int source = order == null ? row : order[row];
            for (int k = 0; k < firstKeys.length; k++) firstKeys[k].appendFrom(keys[k], source);
            row += file.blockRows(b);
        }
    }
}
