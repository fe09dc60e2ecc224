package dev.sluice.exec;

import dev.sluice.expr.SortOrder;
import dev.sluice.memory.SpillFile;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.util.List;

/**
 * A sorted run written to disk in blocks of at most {@link #BLOCK_ROWS} rows and about
 * {@link MergeReaders#blockBytes} bytes (so that a merge reading many runs at once holds one small block of each),
 * with, when a global sort reads it by key range, a sparse {@link BlockIndex} of its blocks' first keys kept in
 * memory: the run's sample for range cuts, and where a reader starts for an output partition's range.
 */
final class SpilledRun {
    static final int BLOCK_ROWS = 1024;

    final SpillFile file;
    /** Null for a run read only from its start (an input run, a run that goes through merge passes). */
    final BlockIndex index;
    final long rows;

    SpilledRun(SpillFile file, BlockIndex index, long rows) {
        this.file = file;
        this.index = index;
        this.rows = rows;
    }

    int blocks() { return file.blockCount(); }

    /** What the index holds: charged while the run is kept. */
    long keyBytes() { return index == null ? 0 : index.bytes(); }

    /** The first keys of {@code runs} together. */
    static long keyBytes(List<SpilledRun> runs) {
        long total = 0;
        for (SpilledRun r : runs) total += r.keyBytes();
        return total;
    }

    /** This run with an index of at most {@code maxIndexBytes}, read back from its file when it has none. */
    SpilledRun indexed(StructType schema, List<SortOrder> orders, long maxIndexBytes) {
        if (index != null) return this;
        return new SpilledRun(file, BlockIndex.read(file, schema, orders, maxIndexBytes), rows);
    }



    /** The first block that may hold a row above {@code bound} (the run must be indexed). */
    int startBlock(RowOrdering ordering, ColumnVector[] boundKeys, int boundRow) {
        return index.startBlock(ordering, boundKeys, boundRow);
    }

    /**
     * Writes the batches of {@code merged} (already in order; null at the end) as one run, in blocks of at most
     * {@code blockBytes}, indexed in at most {@code indexBytes} (0: no index, for a run read only from its start:
     * one written by a merge inside a task, or by a merge pass whose output goes through another pass).
     */
    static SpilledRun writeMerged(SpillFile file, java.util.function.Supplier<Batch> merged, List<SortOrder> orders,
                                  long blockBytes, long indexBytes) {
        BlockIndex index = indexBytes > 0 ? new BlockIndex(orders, indexBytes) : null;
        long rows = 0;
        for (Batch b = merged.get(); b != null; b = merged.get()) {
            if (b.rowCount() == 0) continue;
            ColumnVector[] keys = null;
            if (index != null) {
                keys = new ColumnVector[orders.size()];
                for (int k = 0; k < keys.length; k++) keys[k] = orders.get(k).evaluate(b);
            }
            int blocksBefore = file.blockCount();
            file.write(b, blockBytes);
            index(file, blocksBefore, index, keys, null, 0);
            rows += b.rowCount();
        }
        file.finishWriting();
        return new SpilledRun(file, index, rows);
    }

    /**
     * Writes {@code rows} rows of {@code columns} in the order {@code order}, as blocks of at most {@code blockBytes},
     * indexed in at most {@code indexBytes} (0: no index, for a run only ever read from its start).
     */
    static SpilledRun write(SpillFile file, StructType schema, ColumnVector[] columns, ColumnVector[] keys, List<SortOrder> orders,
                            int[] order, int rows, long blockBytes, long indexBytes) {
        BlockIndex index = indexBytes > 0 ? new BlockIndex(orders, indexBytes) : null;
        for (int from = 0; from < rows; from += BLOCK_ROWS) {
            int n = Math.min(BLOCK_ROWS, rows - from);
            int[] ids = java.util.Arrays.copyOfRange(order, from, from + n);
            ColumnVector[] out = new ColumnVector[columns.length];
            for (int c = 0; c < out.length; c++) out[c] = columns[c].select(ids, n);
            int blocksBefore = file.blockCount();
            file.write(out.length == 0 ? Batch.ofRowCount(n) : new Batch(out, n), blockBytes);
            index(file, blocksBefore, index, keys, order, from);
        }
        file.finishWriting();
        return new SpilledRun(file, index, rows);
    }

    /**
     * Adds to {@code index} (if any) the blocks written since {@code blocksBefore}: one, or several when the file cut
     * a large batch into blocks (under G1, below half a heap region). Row i of the batch is row {@code order[from + i]}
     * of {@code keys} ({@code order} null: row {@code from + i}).
     */
    private static void index(SpillFile file, int blocksBefore, BlockIndex index, ColumnVector[] keys, int[] order, int from) {
        if (index == null) return;
        int row = from;
        for (int b = blocksBefore; b < file.blockCount(); b++) {
            int source = order == null ? row : order[row];
            index.add(keys, source, file.blockRows(b));
            row += file.blockRows(b);
        }
    }
}
