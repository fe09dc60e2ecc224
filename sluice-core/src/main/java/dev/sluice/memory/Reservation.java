package dev.sluice.memory;

import java.util.function.BooleanSupplier;

/**
 * Memory held by one operator instance: grows as it buffers, shrinks or closes when it lets go. A spillable
 * reservation asks with {@link #tryGrow} and spills its owner's state when told no.
 */
public final class Reservation implements AutoCloseable {
    private final MemoryPool pool;
    private final String owner;
    private final boolean spillable;
    private final BooleanSupplier cancelled;
    private volatile boolean spillRequested;
    private volatile Runnable idleSpiller;
    private volatile long bytes;

    Reservation(MemoryPool pool, String owner, boolean spillable, BooleanSupplier cancelled) {
        this.pool = pool;
        this.owner = owner;
        this.spillable = spillable;
        this.cancelled = cancelled;
    }

    /**
     * Reserves {@code more} bytes, waiting (bounded) for other tasks to release memory if it must;
     * MEMORY_EXHAUSTED when nothing can be freed. A spillable owner calls it after spilling what it could.
     */
    public void grow(long more) {
        if (more <= 0) return;
        if (!pool.tryAcquire(this, more, true) && !forceAfterOwnSpill(more)) throw pool.exhausted(this, more);
        bytes += more;
    }

    /** A spillable owner that just spilled (holding nothing) still gets the memory if the pool has it. */
    private boolean forceAfterOwnSpill(long more) {
        if (!spillable) return false;
        spillRequested = false;
        return bytes == 0 && pool.tryAcquire(this, more, true);
    }

    /**
     * Reserves {@code more} bytes if the owner's fair share and the pool allow, waiting for others only while
     * the owner holds less than its minimum share; false means: spill your state, then ask again.
     */
    public boolean tryGrow(long more) {
        if (more <= 0) return true;
        if (!pool.tryAcquire(this, more, true)) return false;
        bytes += more;
        return true;
    }

    public synchronized void shrink(long less) {
        long l = Math.min(less, bytes);
        if (l <= 0) return;
        bytes -= l;
        pool.release(this, l, false);
    }

    public long bytes() { return bytes; }

    public String owner() { return owner; }

    /** The pool spills through this manager. */
    public SpillManager spills() { return pool.spills(); }

    boolean spillable() { return spillable; }

    /**
     * Marks the owner as finished but still holding state (a completed sort run): another task short of
     * memory may call {@code spiller} on its own thread to write that state to disk and shrink this
     * reservation. The spiller must be thread-safe against the owner's release.
     */
    public void whileIdleSpillWith(Runnable spiller) { this.idleSpiller = spiller; }

    boolean hasIdleSpiller() { return idleSpiller != null; }

    void spillIdle() {
        Runnable s = idleSpiller;
        if (s != null) s.run();
    }

    BooleanSupplier cancelled() { return cancelled; }

    void requestSpill() { spillRequested = true; }

    /** True (once) when another task asked this owner to spill. */
    boolean takeSpillRequest() {
        boolean r = spillRequested;
        spillRequested = false;
        return r;
    }

    @Override public synchronized void close() {
        idleSpiller = null;
        long b = bytes;
        bytes = 0;
        pool.release(this, b, true);
    }
}
