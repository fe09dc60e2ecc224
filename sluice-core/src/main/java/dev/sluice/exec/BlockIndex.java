package dev.sluice.exec;

import dev.sluice.expr.SortOrder;
import dev.sluice.expr.agg.RowBytes;
import dev.sluice.memory.SpillFile;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

import java.util.Arrays;
import java.util.List;

/**
 * A sparse index of a sorted run's blocks, bounded whatever the run's length: the sort keys of the first row of
 * blocks 0, s, 2s... (the stride s a power of two) and the rows each entry stands for (its block and the s - 1
 * after it). When the entries pass {@link #maxBytes} (and there are more than {@link #MIN_ENTRIES}), every other
 * one is dropped and the stride doubles. A global sort samples the entries for its range bounds (weighted by their
 * rows) and starts reading an output partition's range at the entry at or below its lower bound: up to s - 1
 * blocks early, the cursor skipping the rows below the bound.
 */
final class BlockIndex {
    /** Entries kept however wide the keys are (a wide key thins the index down to this, no further). */
    static final int MIN_ENTRIES = 16;
    /**
     * Index bytes per run as a part of the budget: at most {@link MergeReaders#MAX_GLOBAL_FAN_IN} runs are indexed at
     * once, so together at most 1/16 of the budget.
     */
    static final int BUDGET_DIVISOR = 16 * MergeReaders.MAX_GLOBAL_FAN_IN;
    /** An index built by reading a run back reads at most about this many blocks. */
    static final int READ_ENTRIES = 256;

    private final List<SortOrder> orders;
    private final long maxBytes;
    private FlatVector[] keys;
    private long[] rows = new long[16];
    private long keyBytes;   // estimated bytes of the kept entries' key rows
    private int entries;
    private int stride;
    private int blocks;

    BlockIndex(List<SortOrder> orders, long maxBytes) { this(orders, maxBytes, 1); }

    private BlockIndex(List<SortOrder> orders, long maxBytes, int stride) {
        this.orders = orders;
        this.maxBytes = maxBytes;
        this.stride = stride;
        this.keys = allocate(16);
    }

    /** The index bytes one run may hold under {@code budget}. */
    static long maxBytes(long budget) { return Math.max(1, budget / BUDGET_DIVISOR); }

    private FlatVector[] allocate(int capacity) {
        FlatVector[] k = new FlatVector[orders.size()];
        for (int i = 0; i < k.length; i++) k[i] = Vectors.allocate(orders.get(i).dataType(), capacity);
        return k;
    }

    /** True when the next block added becomes an entry (its first keys are needed). */
    boolean wantsNext() { return blocks % stride == 0; }

    /**
     * Adds the next block of the run, of {@code blockRows} rows, whose first row is row {@code row} of
     * {@code firstKeys} (read only when {@link #wantsNext}).
     */
    void add(ColumnVector[] firstKeys, int row, int blockRows) {
        if (wantsNext()) {
            if (entries == rows.length) rows = Arrays.copyOf(rows, entries * 2);
            for (int k = 0; k < keys.length; k++) {
                keys[k].appendFrom(firstKeys[k], row);
                keyBytes += RowBytes.estimate(firstKeys[k], row);
            }
            rows[entries++] = 0;
        }
        rows[entries - 1] += blockRows;
        blocks++;
        if (entries > MIN_ENTRIES && bytes() > maxBytes && (blocks % (2 * stride) == 0)) thin();
    }

    /**
     * Keeps entries 0, 2, 4... (blocks 0, 2s, 4s...), each now standing for the rows of the entry dropped after
     * it. Only at a block count that is a multiple of the new stride, so that the next block added is where it
     * belongs.
     */
    private void thin() {
        int kept = (entries + 1) / 2;
        FlatVector[] next = allocate(Math.max(16, kept));
        long bytes = 0;
        for (int e = 0; e < entries; e += 2) {
            for (int k = 0; k < keys.length; k++) {
                next[k].appendFrom(keys[k], e);
                bytes += RowBytes.estimate(keys[k], e);
            }
            rows[e / 2] = rows[e] + (e + 1 < entries ? rows[e + 1] : 0);
        }
        keys = next;
        keyBytes = bytes;
        entries = kept;
        stride *= 2;
    }

    /** What the index holds: the key rows (vectors grown by doubling: twice their estimate) and the row counts. */
    long bytes() { return 2 * keyBytes + 8L * rows.length + 64; }

    int entries() { return entries; }

    int stride() { return stride; }

    /** The first block of entry {@code e}. */
    int block(int e) { return e * stride; }

    /** The rows entry {@code e} stands for. */
    long rows(int e) { return rows[e]; }

    /** The entries' first keys (entry e is row e). */
    ColumnVector[] keys() { return keys; }

    /** The first block that may hold a row above the bound: that of the last entry whose key is at or below it. */
    int startBlock(RowOrdering ordering, ColumnVector[] boundKeys, int boundRow) {
        int lo = 0, hi = entries;
        while (lo < hi) {   // the first entry whose key is above the bound
            int mid = (lo + hi) >>> 1;
            if (ordering.compare(keys, mid, boundKeys, boundRow) <= 0) lo = mid + 1;
            else hi = mid;
        }
        return block(Math.max(0, lo - 1));
    }

    /**
     * Builds the index of a run written without one, reading back only the blocks that become entries (the stride
     * starts where about {@link #READ_ENTRIES} are read, and grows if the keys pass {@code maxBytes}).
     */
    static BlockIndex read(SpillFile file, StructType schema, List<SortOrder> orders, long maxBytes) {
        int stride = 1;
        while ((file.blockCount() + stride - 1) / stride > READ_ENTRIES) stride *= 2;
        BlockIndex index = new BlockIndex(orders, maxBytes, stride);
        for (int b = 0; b < file.blockCount(); b++) {
            if (!index.wantsNext()) {
                index.add(null, 0, file.blockRows(b));
                continue;
            }
            try (SpillFile.Reader reader = file.reader(schema, b)) {
                Batch block = reader.next();
                ColumnVector[] first = new ColumnVector[orders.size()];
                for (int k = 0; k < first.length; k++) first[k] = orders.get(k).evaluate(block.slice(0, 1));
                index.add(first, 0, block.rowCount());
            }
        }
        return index;
    }
}
