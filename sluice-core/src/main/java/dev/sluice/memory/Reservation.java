package dev.sluice.memory;

/** Memory held by one operator instance: grows as it buffers, shrinks or closes when it lets go. */
public final class Reservation implements AutoCloseable {
    private final MemoryPool pool;
    private final String owner;
    private long bytes;

    Reservation(MemoryPool pool, String owner) {
        this.pool = pool;
        this.owner = owner;
    }

    /** Reserves {@code more} bytes; MEMORY_EXHAUSTED if the pool refuses. */
    public void grow(long more) {
        if (more <= 0) return;
        pool.acquire(more, owner);
        bytes += more;
    }

    public void shrink(long less) {
        long l = Math.min(less, bytes);
        if (l <= 0) return;
        pool.release(l);
        bytes -= l;
    }

    public long bytes() { return bytes; }

    @Override public void close() {
        pool.release(bytes);
        bytes = 0;
    }
}
