package dev.sluice.io;

/**
 * The heap one open file's writer buffers before it reaches storage, reserved from the task's {@link WriteMemory}:
 * Parquet's row group (pages, dictionaries, the page being encoded) or ORC's stripe (every column's encoded
 * streams, string dictionaries, the index). The buffer is sized to what the budget grants when the file opens (the
 * requested size, halved while refused, down to {@link #MIN_BUFFER}, which is reserved even if it has to wait), and
 * the reservation follows the writer's own measure of what it holds when that overshoots (both libraries check
 * their size only every so many rows).
 */
public final class WriteBufferMemory implements AutoCloseable {
    /** The smallest buffer a refused writer falls back to (DuckDB writes row groups of ~1 MiB for narrow rows). */
    public static final long MIN_BUFFER = 1L << 20;
    /**
     * Heap held per byte the writer reports: buffers grow in slabs or whole compression buffers, dictionary
     * encoders keep hash maps or trees of the values beside the encoded data, and compressors have working
     * buffers, so what is allocated runs ahead of what the libraries report.
     */
    public static final int HEAP_PER_REPORTED_BYTE = 2;

    private final WriteMemory memory;
    private long reserved;

    public WriteBufferMemory(WriteMemory memory) { this.memory = memory; }

    /** Reserves the heap of a buffer of at most {@code wanted} bytes and returns the buffer size granted. */
    public long reserveBuffer(long wanted) {
        long size = Math.max(wanted, 1);
        while (size > MIN_BUFFER) {
            if (memory.tryReserve(heapFor(size))) {
                reserved += heapFor(size);
                return size;
            }
            size = Math.max(MIN_BUFFER, size / 2);
        }
        memory.reserve(heapFor(size));
        reserved += heapFor(size);
        return size;
    }

    /** Grows the reservation when the writer holds more than reserved ({@code reportedBytes}: its own measure). */
    public void cover(long reportedBytes) {
        long need = heapFor(reportedBytes);
        if (need <= reserved) return;
        memory.reserve(need - reserved);
        reserved = need;
    }

    public long reserved() { return reserved; }

    private static long heapFor(long reportedBytes) { return reportedBytes * HEAP_PER_REPORTED_BYTE; }

    @Override public void close() {
        memory.release(reserved);
        reserved = 0;
    }
}
