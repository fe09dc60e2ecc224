package dev.sluice.io.orc;

import dev.sluice.io.WriteMemory;

/**
 * The heap an ORC file's writer buffers, reserved from the task's memory budget: ORC's writer holds a whole
 * stripe (every column's encoded streams, string dictionaries, the index) until its estimate passes the stripe
 * size. The stripe is sized to what the budget grants when the file opens (the requested size, halved while
 * refused, down to {@link #MIN_STRIPE}, which is reserved even if it has to wait), and the reservation follows the
 * writer's own estimate when it overshoots (ORC checks the size only every so many rows). ORC sizes its
 * compression buffers from the stripe size (a stripe / (20 × columns), at most the buffer size asked for), so a
 * smaller stripe also means smaller buffers.
 */
final class StripeMemory implements AutoCloseable {
    /** The smallest stripe a refused writer falls back to. */
    static final long MIN_STRIPE = 1L << 20;
    /**
     * Heap held per byte of ORC's estimate: its streams grow in whole buffers, the compressor has its own working
     * buffers, and a string dictionary's tree arrays run ahead of what it reports.
     */
    static final int HEAP_PER_ESTIMATED_BYTE = 2;

    private final WriteMemory memory;
    private long reserved;

    StripeMemory(WriteMemory memory) { this.memory = memory; }

    /** Reserves the heap of a stripe of at most {@code wanted} bytes and returns the stripe size granted. */
    long reserveStripe(long wanted) {
        long size = Math.max(wanted, 1);
        while (size > MIN_STRIPE) {
            if (memory.tryReserve(heapFor(size))) {
                reserved += heapFor(size);
                return size;
            }
            size = Math.max(MIN_STRIPE, size / 2);
        }
        memory.reserve(heapFor(size));
        reserved += heapFor(size);
        return size;
    }

    /** Grows the reservation when the writer holds more than reserved ({@code estimated}: ORC's own estimate). */
    void cover(long estimated) {
        long need = heapFor(estimated);
        if (need <= reserved) return;
        memory.reserve(need - reserved);
        reserved = need;
    }

    long reserved() { return reserved; }

    private static long heapFor(long estimatedBytes) { return estimatedBytes * HEAP_PER_ESTIMATED_BYTE; }

    @Override public void close() {
        memory.release(reserved);
        reserved = 0;
    }
}
