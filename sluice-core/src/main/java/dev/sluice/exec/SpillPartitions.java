package dev.sluice.exec;

import dev.sluice.expr.ValueHasher;
import dev.sluice.memory.MemoryPool;
import dev.sluice.memory.Reservation;
import dev.sluice.memory.SpillFile;
import dev.sluice.memory.SpillListener;
import dev.sluice.memory.SpillManager;
import dev.sluice.types.DataType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.BatchSizes;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

/**
 * Rows spilled into {@code fanout} files by the hash of their keys (grace hashing): equal keys land in the
 * same file, in the order they were added, so each file can be processed on its own. The partition of a row
 * depends on the recursion level: a file that is still too big is split again with another seed.
 * <p>Each partition gathers its rows in a buffer and writes them as one block when the buffer is full, so
 * blocks stay large however many partitions the rows are spread over and however small the batches that
 * arrive (a batch split 16 ways at each of three levels would otherwise leave blocks of one row). The buffers
 * are reserved from the pool when it has room ({@link #bufferBytes(MemoryPool, int)}), else they shrink to
 * {@link #minBlockBytes} per partition (16 KiB, less under a small budget shared by many tasks), charged to the pool
 * even past the budget (never waiting: see {@link Reservation#charge}). The buffers are released by {@link #finish}
 * (or {@link #flush}): an operator finishes partitioning before it processes the partitions, so that their tables
 * have the memory.
 */
final class SpillPartitions implements AutoCloseable {
    /** The fan-out when nothing is known about the size of what will be spilled. */
    static final int FANOUT = 16;
    /** The largest fan-out (open files and their buffers grow with it). */
    static final int MAX_FANOUT = 128;
    static final int MAX_LEVEL = 4;
    /** The target size of one block (encoded, before compression). */
    static final long MAX_BLOCK_BYTES = 256 << 10;
    /** The smallest block buffer of a partition under a budget large enough (charged past the budget when the pool has no room). */
    static final long MIN_BLOCK_BYTES = 16 << 10;
    /** The smallest block buffer under any budget. */
    static final long FLOOR_BLOCK_BYTES = 1 << 10;
    /** The most rows of one block written straight from a large batch. */
    static final int MAX_BLOCK_ROWS = 8192;

    private final SpillManager manager;
    private final SpillListener listener;
    private final String purpose;
    private final int level;
    private final int fanout;
    private final SpillFile[] files;
    private final MemoryPool pool;
    private final long wantedBufferBytes;
    private final FlatVector[][] pending;
    private final int[] pendingRows;
    private Reservation buffers;
    private boolean compress = true;
    private long blockBytes;
    private int blockRows;

    /** {@link #FANOUT} partitions, their block buffers reserved from {@code pool}. */
    SpillPartitions(SpillManager manager, SpillListener listener, String purpose, int level, MemoryPool pool) {
        this(manager, listener, purpose, level, FANOUT, pool);
    }

    /**
     * {@code fanout} partitions (at most {@link #MAX_FANOUT}); their block buffers are reserved from {@code pool}.
     */
    SpillPartitions(SpillManager manager, SpillListener listener, String purpose, int level, int fanout, MemoryPool pool) {
        if (fanout < 2 || fanout > MAX_FANOUT) throw new IllegalArgumentException("fan-out " + fanout);
        this.manager = manager;
        this.listener = listener;
        this.purpose = purpose;
        this.level = level;
        this.fanout = fanout;
        this.files = new SpillFile[fanout];
        this.pool = pool;
        this.wantedBufferBytes = bufferBytes(pool, fanout);
        this.pending = new FlatVector[fanout][];
        this.pendingRows = new int[fanout];
    }

    /** The block buffers wanted for {@code fanout} partitions: a block of at most 256 KiB each, all within 1/8 of the budget. */
    static long bufferBytes(MemoryPool pool, int fanout) {
        return Math.max(fanout * minBlockBytes(pool, fanout), Math.min(fanout * MAX_BLOCK_BYTES, pool.budget() / 8));
    }

    /**
     * The smallest block buffer of a partition, charged when the pool has no room for more: {@link #MIN_BLOCK_BYTES},
     * or less when the partitioners of the tasks running at once would hold more than a quarter of the budget that
     * way (1 MiB shared by 7 tasks: about 2 KiB for 16 partitions), at least {@link #FLOOR_BLOCK_BYTES}.
     */
    static long minBlockBytes(MemoryPool pool, int fanout) {
        long share = pool.budget() / 4 / ((long) fanout * pool.taskSlots());
        return Math.max(FLOOR_BLOCK_BYTES, Math.min(MIN_BLOCK_BYTES, share));
    }

    /**
     * The fan-out of a first spill, when the size of what is still to come is unknown: as many partitions as
     * blocks of {@link #MIN_BLOCK_BYTES} fit in 1/8 of the budget, a power of two from {@link #FANOUT} to
     * {@link #MAX_FANOUT}. A large budget thus splits a large input in one pass where 16 partitions would need
     * a second level (each level writes and reads both sides once more); a small budget keeps few open files.
     */
    static int firstFanout(MemoryPool pool) {
        long affordable = pool.budget() / 8 / MIN_BLOCK_BYTES;
        int f = FANOUT;
        while (f < MAX_FANOUT && f * 2L <= affordable) f <<= 1;
        return f;
    }

    /**
     * The fan-out that splits {@code rows} rows into partitions of which each should fit where {@code fitRows}
     * rows fit (with a margin for uneven partitions): a power of two from 2 to {@link #MAX_FANOUT}.
     */
    static int fanoutFor(long rows, long fitRows) {
        double wanted = 1.5 * rows / Math.max(1, fitRows);
        int f = 2;
        while (f < MAX_FANOUT && f < wanted) f <<= 1;
        return f;
    }

    int level() { return level; }

    /**
     * Stores the partitions' blocks without trying LZ4 ({@link SpillFile#storeUncompressed}): for partitions read back
     * once, soon after (an aggregation's grace partitions), where compressing cost more CPU than writing and reading
     * the larger blocks. Call before the first row is added.
     */
    SpillPartitions storeUncompressed() {
        compress = false;
        return this;
    }

    int fanout() { return fanout; }

    /** Adds every row of {@code batch}; {@code keys} are its key columns (NULL keys hash like any value). */
    void add(Batch batch, ColumnVector[] keys, DataType[] keyTypes) {
        int n = batch.rowCount();
        if (n == 0) return;
        if (blockRows == 0) startBuffering(batch);
        int[] target = new int[n];
        int[] starts = new int[fanout + 1];
        for (int r = 0; r < n; r++) {
            long h = keyTypes.length == 0 ? 0 : ValueHasher.hashRow(keyTypes, keys, r);
            int p = TableHash.partition(h, level, fanout);
            target[r] = p;
            starts[p + 1]++;
        }
        for (int p = 0; p < fanout; p++) starts[p + 1] += starts[p];
        int[] order = new int[n];   // the rows grouped by partition, each group in row order
        int[] fill = java.util.Arrays.copyOf(starts, fanout);
        for (int r = 0; r < n; r++) order[fill[target[r]]++] = r;
        int columns = batch.columnCount();
        for (int p = 0; p < fanout; p++) {
            int from = starts[p], count = starts[p + 1] - from;
            if (count == 0) continue;
            if (count >= blockRows && pendingRows[p] == 0) {
                // rows that fill a block on their own are written as they are, in blocks of at most MAX_BLOCK_ROWS
                for (int at = from; at < from + count; at += MAX_BLOCK_ROWS) {
                    int m = Math.min(MAX_BLOCK_ROWS, from + count - at);
                    file(p).write(m == n ? batch : batch.select(java.util.Arrays.copyOfRange(order, at, at + m), m));
                }
                continue;
            }
            FlatVector[] buffer = pending[p];
            if (buffer == null) buffer = pending[p] = newBuffer(batch);   // kept and refilled after each block
            for (int c = 0; c < columns; c++) buffer[c].appendRows(batch.column(c), order, from, from + count);
            pendingRows[p] += count;
            if (pendingRows[p] >= blockRows) writePending(p);
        }
    }

    /** Sizes the blocks from the first batch's row width and the buffer memory the pool grants now. */
    private void startBuffering(Batch first) {
        long granted = 0;
        long minimum = minBlockBytes(pool, fanout);
        buffers = pool.newReservation("spill partition buffers");
        for (long want = wantedBufferBytes; want >= fanout * minimum && granted == 0; want /= 2) {
            if (buffers.tryGrowNow(want)) granted = want;
        }
        if (granted == 0) {
            // the minimum buffers are held whatever the pool says: charged, so that the others see them
            granted = fanout * minimum;
            buffers.charge(granted);
        }
        blockBytes = Math.max(minimum, granted / fanout);
        long rowBytes = Math.max(1, BatchSizes.estimate(first) / first.rowCount());
        // appended buffers grow by half again: count their spare capacity too
        blockRows = (int) Math.max(16, Math.min(1 << 16, blockBytes * 2 / 3 / rowBytes));
    }

    private FlatVector[] newBuffer(Batch like) {
        FlatVector[] buffer = new FlatVector[like.columnCount()];
        for (int c = 0; c < buffer.length; c++) buffer[c] = Vectors.allocate(like.column(c).type(), Math.min(blockRows, 1024));
        return buffer;
    }

    /**
     * Writes partition {@code p}'s buffered rows as a block and empties its buffer for the next rows. The buffer is
     * reused, not dropped: it lives as long as the partitions fill (longer than a young collection at a small
     * heap), so a new one per block became garbage of the old generation and cost full collections.
     */
    private void writePending(int p) {
        int rows = pendingRows[p];
        if (rows == 0) return;
        FlatVector[] buffer = pending[p];
        file(p).write(buffer.length == 0 ? Batch.ofRowCount(rows) : new Batch(buffer, rows));   // encoded at once
        for (FlatVector v : buffer) v.clear();
        pendingRows[p] = 0;
    }

    /** Writes every partition's buffered rows and releases the buffers (more rows may be added afterwards). */
    void flush() {
        for (int p = 0; p < fanout; p++) {
            writePending(p);
            pending[p] = null;
        }
        blockRows = 0;
        if (buffers != null) buffers.close();
        buffers = null;
    }

    private SpillFile file(int p) {
        if (files[p] == null) {
            files[p] = manager.newFile(purpose + "-l" + level + "-p" + p, listener, 0);
            if (!compress) files[p].storeUncompressed();
        }
        return files[p];
    }

    /** Partition {@code p}'s file, or null when no row went there; its buffered rows are written first. */
    SpillFile get(int p) {
        writePending(p);
        SpillFile f = files[p];
        if (f != null) f.finishWriting();
        return f;
    }

    /** Ends writing: every file can be read from now on, by several readers at once. */
    void finish() {
        flush();
        for (SpillFile f : files) if (f != null) f.finishWriting();
    }

    /** Deletes partition {@code p}'s file once it has been processed. */
    void delete(int p) {
        if (files[p] != null) files[p].delete();
        files[p] = null;
        pending[p] = null;
        pendingRows[p] = 0;
    }

    @Override public void close() {
        for (int p = 0; p < fanout; p++) delete(p);
        if (buffers != null) buffers.close();
        buffers = null;
    }

    /** The batches of {@code file} (none when it is null) as a stream. */
    static BatchStream read(SpillFile file, dev.sluice.types.StructType schema) {
        SpillFile.Reader reader = file == null ? null : file.reader(schema);
        return new BatchStream() {
            @Override public Batch next() { return reader == null ? null : reader.next(); }

            @Override public void close() {
                if (reader != null) reader.close();
            }
        };
    }
}
