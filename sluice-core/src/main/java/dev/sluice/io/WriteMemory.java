package dev.sluice.io;

/**
 * The memory budget a task's writer buffers in (the engine's memory pool, seen from the io layer): a format that
 * holds output in the heap before it reaches storage (Parquet's row group) reserves it here, so the buffer counts
 * against the same budget as the sort or aggregation feeding the write instead of sitting outside it.
 */
public interface WriteMemory {
    /** Reserves {@code bytes} if the budget has them for this task now; false means: buffer less. */
    boolean tryReserve(long bytes);

    /** Reserves {@code bytes}, waiting for others to release memory; MEMORY_EXHAUSTED when nothing can be freed. */
    void reserve(long bytes);

    /** Gives back {@code bytes} reserved before. */
    void release(long bytes);

    /** No budget: every reservation succeeds (writers used outside a query, tests of a format alone). */
    WriteMemory UNBOUNDED = new WriteMemory() {
        @Override public boolean tryReserve(long bytes) { return true; }

        @Override public void reserve(long bytes) {}

        @Override public void release(long bytes) {}
    };
}
