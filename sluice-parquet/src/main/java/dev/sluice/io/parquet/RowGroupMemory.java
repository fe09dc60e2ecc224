package dev.sluice.io.parquet;

import dev.sluice.io.WriteMemory;

/**
 * The heap a Parquet file's writer buffers, reserved from the task's memory budget: parquet-java holds a whole
 * row group (pages, dictionaries, the page being encoded) until it reaches the row group size. The row group is
 * sized to what the budget grants when the file opens (the requested size, halved while refused, down to
 * {@link #MIN_ROW_GROUP}, which is reserved even if it has to wait), and the reservation follows the writer's
 * measured buffer when it overshoots (parquet-java checks the size only every so many records).
 */
final class RowGroupMemory implements AutoCloseable {
    /** The smallest row group a refused writer falls back to (DuckDB writes groups of ~1 MiB for narrow rows). */
    static final long MIN_ROW_GROUP = 1L << 20;
    /**
     * Heap held per byte of buffered data: parquet-java's buffers grow in slabs and its dictionary encoders keep
     * a hash map of the values beside the encoded pages, so what is allocated runs ahead of what it reports.
     */
    static final int HEAP_PER_BUFFERED_BYTE = 2;

    private final WriteMemory memory;
    private long reserved;

    RowGroupMemory(WriteMemory memory) { this.memory = memory; }

    /** Reserves the heap of a row group of at most {@code wanted} bytes and returns the size granted. */
    long reserveRowGroup(long wanted) {
        long size = Math.max(wanted, 1);
        while (size > MIN_ROW_GROUP) {
            if (memory.tryReserve(heapFor(size))) {
                reserved += heapFor(size);
                return size;
            }
            size = Math.max(MIN_ROW_GROUP, size / 2);
        }
        memory.reserve(heapFor(size));
        reserved += heapFor(size);
        return size;
    }

    /** Grows the reservation when the writer buffers more than reserved ({@code buffered}: its own measure). */
    void cover(long buffered) {
        long need = heapFor(buffered);
        if (need <= reserved) return;
        memory.reserve(need - reserved);
        reserved = need;
    }

    long reserved() { return reserved; }

    private static long heapFor(long bufferedBytes) { return bufferedBytes * HEAP_PER_BUFFERED_BYTE; }

    @Override public void close() {
        memory.release(reserved);
        reserved = 0;
    }
}
