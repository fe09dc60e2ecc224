package dev.sluice.memory;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The session's memory budget for blocking operators (aggregation tables, join build sides, sort buffers,
 * exchange buffers, window partitions). Operators reserve before they grow. A refused reservation follows
 * one protocol, whoever asks:
 * <ol>
 *   <li>a spillable requester over its fair share is told no ({@link Reservation#tryGrow} returns false): it
 *       spills its own state and tries again;</li>
 *   <li>otherwise the pool asks the other spillable consumers holding more than their minimum share to spill
 *       (they do at their next reservation, on their own thread) and waits, bounded and cancellable, for
 *       memory that running tasks release;</li>
 *   <li>only then does it fail with MEMORY_EXHAUSTED, never an OutOfMemoryError.</li>
 * </ol>
 * Fairness follows Spark's rule: with N active consumers each may hold up to 1/N of the budget, and one that
 * holds less than 1/(2N) waits for memory instead of being made to spill, so no task starves the others.
 */
public final class MemoryPool implements AutoCloseable {
    /** How long a refused reservation waits for memory released by other tasks before it fails. */
    static final long DEFAULT_WAIT_MILLIS = 5_000;

    private final long budget;
    private final long waitMillis;
    private final Set<Reservation> active = new LinkedHashSet<>();
    private final SpillManager spills;
    private long used;
    private long peak;
    private long waits;

    public MemoryPool(long budgetBytes) { this(budgetBytes, SpillManager.defaultDirectory(), DEFAULT_WAIT_MILLIS); }

    /** A pool whose spill files go under {@code spillDirectory} (a per-session directory is created in it). */
    public MemoryPool(long budgetBytes, Path spillDirectory, long waitMillis) {
        if (budgetBytes <= 0) throw new IllegalArgumentException("memory budget must be positive");
        this.budget = budgetBytes;
        this.waitMillis = waitMillis;
        this.spills = new SpillManager(spillDirectory);
    }

    /** The default budget: 60% of the JVM's maximum heap. */
    public static long defaultBudget() { return (long) (Runtime.getRuntime().maxMemory() * 0.6); }

    public long budget() { return budget; }

    public synchronized long used() { return used; }

    /** The highest reserved total seen, for the job report. */
    public synchronized long peak() { return peak; }

    /** How many reservations had to wait for memory released by others. */
    public synchronized long waits() { return waits; }

    /** Where spilling operators write their files. */
    public SpillManager spills() { return spills; }

    /** A reservation that cannot spill (it fails with MEMORY_EXHAUSTED when nothing can be freed for it). */
    public Reservation newReservation(String owner) { return new Reservation(this, owner, false, () -> false); }

    /**
     * A reservation of an operator that can write its state to disk: {@link Reservation#tryGrow} says no when
     * it should spill, and the pool may ask it to spill for others. {@code cancelled} stops a wait early.
     */
    public Reservation newSpillableReservation(String owner, BooleanSupplier cancelled) {
        return new Reservation(this, owner, true, cancelled);
    }

    /** The share a consumer may hold when {@code n} consumers are active. */
    long maxShare(int n) { return budget / Math.max(1, n); }

    boolean tryAcquire(Reservation r, long bytes, boolean mayWait) {
        int decision = decide(r, bytes, mayWait);
        if (decision != WAIT) return decision == GRANTED;
        // finished consumers (a sort's completed runs) cannot spill on their own thread: spill them here,
        // outside the pool's lock, before waiting for running tasks
        for (Reservation idle : idleCandidates(r)) {
            idle.spillIdle();
            decision = decide(r, bytes, mayWait);
            if (decision != WAIT) return decision == GRANTED;
        }
        return awaitMemory(r, bytes);
    }

    private static final int GRANTED = 0, REFUSED = 1, WAIT = 2;

    private synchronized int decide(Reservation r, long bytes, boolean mayWait) {
        if (r.spillable() && r.takeSpillRequest() && r.bytes() > 0) return REFUSED;   // asked to spill by another task
        active.add(r);
        int n = active.size();
        if (r.spillable() && r.bytes() > 0 && r.bytes() + bytes > maxShare(n)) return REFUSED;
        if (used + bytes <= budget) {
            grant(bytes);
            return GRANTED;
        }
        // the pool is full: a spillable consumer holding its minimum share spills first
        if (r.spillable() && r.bytes() > 0 && r.bytes() + bytes > budget / (2L * n)) return REFUSED;
        return mayWait ? WAIT : REFUSED;
    }

    private synchronized java.util.List<Reservation> idleCandidates(Reservation requester) {
        java.util.List<Reservation> out = new java.util.ArrayList<>();
        for (Reservation other : active) if (other != requester && other.bytes() > 0 && other.hasIdleSpiller()) out.add(other);
        out.sort((a, b) -> Long.compare(b.bytes(), a.bytes()));   // the biggest first
        return out;
    }

    private synchronized boolean awaitMemory(Reservation r, long bytes) {
        requestSpills(r, active.size());
        long deadline = System.nanoTime() + waitMillis * 1_000_000L;
        waits++;
        while (used + bytes > budget) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || r.cancelled().getAsBoolean()) return false;
            try {
                wait(Math.max(1, Math.min(50, left / 1_000_000L)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            requestSpills(r, active.size());
        }
        grant(bytes);
        return true;
    }

    /** Asks every other spillable consumer above its minimum share to spill at its next reservation. */
    private void requestSpills(Reservation requester, int n) {
        long minimum = budget / (2L * Math.max(1, n));
        for (Reservation other : active) {
            if (other != requester && other.spillable() && other.bytes() > minimum) other.requestSpill();
        }
    }

    private void grant(long bytes) {
        used += bytes;
        peak = Math.max(peak, used);
    }

    SluiceException exhausted(Reservation r, long bytes) {
        long inUse;
        synchronized (this) {
            inUse = used;
        }
        return SluiceException.of(ErrorCode.MEMORY_EXHAUSTED)
                .with("reason", r.owner() + " needs " + bytes + " more bytes, but " + inUse + " of the "
                        + budget + "-byte budget are in use and nothing more could be spilled")
                .build();
    }

    synchronized void release(Reservation r, long bytes, boolean closing) {
        used -= bytes;
        if (closing) active.remove(r);
        notifyAll();
    }

    /** Deletes this session's spill directory (files of operators still open are gone too). */
    @Override public void close() { spills.close(); }
}
