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
    private volatile Runnable sharedSpiller;
    private volatile long bytes;
    private volatile boolean mergeReaders;
    private volatile Thread thread;   // the thread that last reserved through it; null once its task has finished

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
        spillRequested = false;
        if (!pool.tryAcquire(this, more, false)) throw pool.exhausted(this, more);
        bytes += more;
    }

    /**
     * Reserves {@code more} bytes if the owner's fair share and the pool allow (making room by spilling
     * others only while the owner holds less than its minimum share); false means: spill your own state, then
     * {@link #grow}.
     */
    public boolean tryGrow(long more) {
        if (more <= 0) return true;
        if (!pool.tryAcquire(this, more, true)) return false;
        bytes += more;
        return true;
    }

    /**
     * Reserves {@code more} bytes only if the pool has them for this owner now (no spilling of others, no
     * waiting): for owners whose spill is cheap, like a partial aggregation that flushes its table downstream.
     */
    public boolean tryGrowNow(long more) {
        if (more <= 0) return true;
        if (!pool.tryAcquire(this, more, true, false)) return false;
        bytes += more;
        return true;
    }

    /**
     * Counts {@code more} bytes at once, even past the budget: never waits, never fails. For small memory that is
     * held whatever the pool says and whose refusal would free nothing (a spilled run's first keys, the minimum
     * block buffers of spill partitions): charged, the others see it and spill or wait for it, instead of it sitting
     * outside the budget. Not for state that grows with the input (a global sort's first keys still do: one per
     * spilled block).
     */
    public synchronized void charge(long more) {
        if (more <= 0) return;
        pool.charge(this, more);
        bytes += more;
    }

    public synchronized void shrink(long less) {
        long l = Math.min(less, bytes);
        if (l <= 0) return;
        bytes -= l;
        pool.release(this, l, false);
    }

    /**
     * Gives back all but {@code keep} bytes, and those too unless the pool lets this owner keep them: nobody is
     * waiting for memory and they are within its fair share. For buffers an owner empties and refills (a sort's run
     * buffers after a spill) rather than dropping and allocating anew; false: everything was given back, drop them.
     */
    public synchronized boolean shrinkRetaining(long keep) {
        boolean kept = keep > 0 && keep <= bytes && pool.mayRetain(this, keep);
        shrink(bytes - (kept ? keep : 0));
        return kept;
    }

    /**
     * Hands {@code amount} of what this reservation holds (at most all of it) to {@code to}, the pool's total unchanged:
     * for buffers passed from one owner to another (a finished sort task's emptied run buffers to its stage, then to
     * the next task), reserved all the way instead of released by one and reserved again by the other.
     */
    public void transferTo(Reservation to, long amount) {
        long moved;
        synchronized (this) {
            moved = Math.min(amount, bytes);
            if (moved <= 0) return;
            bytes -= moved;
        }
        synchronized (to) {
            to.bytes += moved;
        }
        pool.transferred(this, to);
    }

    public long bytes() { return bytes; }

    public String owner() { return owner; }

    /** The budget of the pool this reservation draws from. */
    public long budget() { return pool.budget(); }

    /** The pool spills through this manager. */
    public SpillManager spills() { return pool.spills(); }

    boolean spillable() { return spillable; }

    void markMergeReaders() { mergeReaders = true; }

    boolean mergeReaders() { return mergeReaders; }

    BooleanSupplier cancelled() { return cancelled; }

    /**
     * Lets any thread short of memory spill this owner's state by calling {@code spiller} (exchange buffers,
     * finished sort runs): it must be safe to call at any time, concurrently with the owner, and shrink this
     * reservation. Null withdraws it (the state is about to be read as it is).
     */
    public void setSharedSpiller(Runnable spiller) { this.sharedSpiller = spiller; }

    boolean hasSharedSpiller() { return sharedSpiller != null; }

    /** Runs the shared spiller, if any, on the caller's thread (the owner writing out its own finished state). */
    public void spillSharedNow() { spillShared(); }

    void spillShared() {
        Runnable s = sharedSpiller;
        if (s != null) s.run();
    }

    /**
     * The owner's task has finished filling this reservation: what it holds waits for readers (exchange buckets,
     * a sort's finished runs, a broadcast build side), and no thread of its own will release it while others wait
     * for memory. Reserving through it again attaches it to the reserving thread.
     */
    public void detachFromTask() {
        this.thread = null;
        pool.sharesChanged();
    }

    /** Called by the pool under its lock. */
    void attachTo(Thread t) {
        if (thread == t) return;
        this.thread = t;
        pool.sharesChanged();
    }

    Thread thread() { return thread; }

    void requestSpill() { spillRequested = true; }

    /** True when another task asked this owner to spill and it has not yet been told. */
    boolean spillRequestPending() { return spillRequested; }

    /** True (once) when another task asked this owner to spill. */
    boolean takeSpillRequest() {
        boolean r = spillRequested;
        spillRequested = false;
        return r;
    }

    @Override public synchronized void close() {
        sharedSpiller = null;
        long b = bytes;
        bytes = 0;
        pool.release(this, b, true);
    }
}
