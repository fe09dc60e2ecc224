package dev.sluice.memory;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
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
 *       (they do at their next reservation, on their own thread, or at once if they are waiting in the pool)
 *       and waits, bounded and cancellable, for memory that running tasks release;</li>
 *   <li>only then does it fail with MEMORY_EXHAUSTED, never an OutOfMemoryError.</li>
 * </ol>
 * Fairness follows Spark's rule: with N active consumers each may hold up to 1/N of the budget, and one that
 * holds less than 1/(2N) waits for memory instead of being made to spill, so no task starves the others.
 * <p>
 * A wait only helps while some other thread can release memory: one that holds a reservation, runs, and is
 * not itself waiting here. Memory held by the waiter's own thread (another operator of its task) or by
 * consumers whose task has finished ({@link Reservation#detachFromTask}: buffers waiting for their readers)
 * is released by nobody while everyone waits. So when every such thread is waiting, a waiter that can spill
 * leaves its wait and spills (the others then get its memory); one that cannot keeps waiting while a waiter
 * that can is still there, and fails otherwise. Tasks below their minimum share therefore never wait for
 * each other into the timeout (the mutual wait that stalled M2 at 10M rows).
 */
public final class MemoryPool implements AutoCloseable {
    /** How long a refused reservation waits for memory released by other tasks before it fails. */
    static final long DEFAULT_WAIT_MILLIS = 2_000;

    private final long budget;
    private final long waitMillis;
    private final Set<Reservation> active = new LinkedHashSet<>();
    /** Bumped when {@link #active} or the task of one of its reservations changes: {@link #fairShareConsumers}'s cache. */
    private final java.util.concurrent.atomic.AtomicInteger sharesVersion = new java.util.concurrent.atomic.AtomicInteger();
    private int cachedSharesVersion = -1;
    private int cachedShares;
    private final Map<Thread, Boolean> waiting = new HashMap<>();   // waiting thread -> can it spill itself
    private final SpillManager spills;
    private long used;
    private long peak;
    private long peakOverBudget;
    private long waits;
    private volatile int taskSlots = 1;

    public MemoryPool(long budgetBytes) { this(budgetBytes, SpillManager.defaultDirectory(), DEFAULT_WAIT_MILLIS); }

    /** A pool whose spill files go under {@code spillDirectory} (a per-session directory is created in it). */
    public MemoryPool(long budgetBytes, Path spillDirectory, long waitMillis) {
        if (budgetBytes <= 0) throw new IllegalArgumentException("memory budget must be positive");
        this.budget = budgetBytes;
        this.waitMillis = waitMillis;
        this.spills = new SpillManager(spillDirectory);
    }

    /** The system property that sets the default budget in bytes. */
    public static final String BUDGET_PROPERTY = "sluice.memory.budget";

    /**
     * The default budget: {@code sluice.memory.budget} if set, else 60% of the maximum heap less 32 MiB (what
     * scans, batches in flight and the growth of buffers need beside the reserved state), at least a quarter
     * of the heap. With {@code -Xmx64m}: 16 MiB; with 1 GiB: about 580 MiB.
     */
    public static long defaultBudget() {
        String configured = System.getProperty(BUDGET_PROPERTY);
        if (configured != null && !configured.isBlank()) return Long.parseLong(configured.trim());
        long heap = Runtime.getRuntime().maxMemory();
        return Math.max(heap / 4, (long) (heap * 0.6) - (32L << 20));
    }

    public long budget() { return budget; }

    public synchronized long used() { return used; }

    /** The highest reserved total seen, for the job report. */
    public synchronized long peak() { return peak; }

    /**
     * The most the reserved total passed the budget by: only {@link Reservation#charge} (spill bookkeeping) can
     * take it past, and this says by how much, for the job report and the tests.
     */
    public synchronized long peakOverBudget() { return peakOverBudget; }

    /** How many reservations had to wait for memory released by others. */
    public synchronized long waits() { return waits; }

    /** Where spilling operators write their files. */
    public SpillManager spills() { return spills; }

    /**
     * How many tasks run at once (the scheduler's workers): operators that plan memory for tasks still to run (a
     * sort planning how many runs its output tasks merge at once) divide by it.
     */
    public int taskSlots() { return taskSlots; }

    public void taskSlots(int n) { this.taskSlots = Math.max(1, n); }

    /**
     * The read buffers of one task's k-way merge of spilled runs: not spillable (a waiting {@link Reservation#grow}
     * for the fewest readers a merge needs); the pool counts them ({@link #mergingTasks}) so that each merge's share
     * follows how many merge at once.
     */
    public Reservation newMergeReservation(String owner, BooleanSupplier cancelled) {
        Reservation r = new Reservation(this, owner, false, cancelled);
        r.markMergeReaders();
        return r;
    }

    /** How many merge reservations ({@link #newMergeReservation}) of running tasks hold memory, {@code except} aside. */
    public synchronized int mergingTasks(Reservation except) {
        int n = 0;
        for (Reservation a : active) if (a != except && a.mergeReaders() && a.bytes() > 0 && a.thread() != null) n++;
        return n;
    }

    /** A reservation that cannot spill (it fails with MEMORY_EXHAUSTED when nothing can be freed for it). */
    public Reservation newReservation(String owner) { return new Reservation(this, owner, false, () -> false); }

    /**
     * A reservation of an operator that can write its state to disk: {@link Reservation#tryGrow} says no when
     * it should spill, and the pool may ask it to spill for others. {@code cancelled} stops a wait early.
     */
    public Reservation newSpillableReservation(String owner, BooleanSupplier cancelled) {
        return new Reservation(this, owner, true, cancelled);
    }

    /**
     * True when {@code r} may keep {@code bytes} of what it holds after spilling (see {@link Reservation#shrinkRetaining}):
     * no task waits for memory, nobody asked it to spill, and they are within its fair share.
     */
    synchronized boolean mayRetain(Reservation r, long bytes) {
        return waiting.isEmpty() && !r.spillRequestPending() && bytes <= maxShare(fairShareConsumers());
    }

    /** The share a consumer may hold when {@code n} consumers are active. */
    long maxShare(int n) { return budget / Math.max(1, n); }

    /**
     * {@code canSpill}: the requester holds state it can write out itself, so the pool refuses at once
     * when the request is over its fair share or the pool is full (step 1); otherwise other consumers are
     * spilled (step 2) and the request waits (step 3).
     */
    boolean tryAcquire(Reservation r, long bytes, boolean canSpill) { return tryAcquire(r, bytes, canSpill, true); }

    /** {@code makeRoom}: false when the requester would rather spill than have others spilled or wait. */
    boolean tryAcquire(Reservation r, long bytes, boolean canSpill, boolean makeRoom) {
        int decision = decide(r, bytes, canSpill);
        if (decision == GRANTED || decision == REFUSED) return decision == GRANTED;
        if (!makeRoom) return false;
        // consumers that can be spilled from any thread (exchange buffers, finished sort runs) go first,
        // the biggest first, outside the pool's lock
        for (Reservation other : sharedSpillCandidates(r)) {
            other.spillShared();
            int next = decide(r, bytes, canSpill);
            if (next == GRANTED || next == REFUSED) return next == GRANTED;
        }
        // a requester above its minimum share spills itself rather than wait for others
        if (decision == SHARED_ONLY) return false;
        return awaitMemory(r, bytes, canSpill);
    }

    /**
     * GRANTED; REFUSED (spill yourself); OTHERS (make room: spill shared consumers, then wait); SHARED_ONLY
     * (spill shared consumers, and spill yourself if that is not enough).
     */
    private static final int GRANTED = 0, REFUSED = 1, OTHERS = 2, SHARED_ONLY = 3;

    private synchronized int decide(Reservation r, long bytes, boolean canSpill) {
        if (active.add(r)) sharesChanged();
        r.attachTo(Thread.currentThread());
        int n = fairShareConsumers();
        boolean selfSpill = canSpill && r.spillable() && r.bytes() > 0;
        if (selfSpill && r.takeSpillRequest()) return REFUSED;   // another task asked this one to spill
        if (selfSpill && r.bytes() + bytes > maxShare(n)) return REFUSED;
        if (used + bytes <= budget) {
            grant(bytes);
            return GRANTED;
        }
        // the pool is full: a requester above its minimum share spills itself, unless buffers that wait for
        // their readers (exchange buckets, finished sort runs) can be written out instead; below it, others make room
        if (selfSpill && r.bytes() + bytes > budget / (2L * n)) return sharedSpillableHeld(r) ? SHARED_ONLY : REFUSED;
        return OTHERS;
    }

    /**
     * The consumers the budget is shared fairly between: those of running tasks. Detached reservations (buffers
     * whose task has finished: exchange buckets, a sort's finished runs, a broadcast table) do not take a
     * share; a task short of memory spills the spillable ones first. Counting them (an exchange has one per input
     * task) left each running operator a sliver of the budget while the buffers held the rest: a hash join's
     * build side was told to spill after one batch when M4 ran at 1M rows, with 21 exchange buffers holding
     * 14 of the 16 MiB. Counted per task (the thread a reservation is attached to), not per reservation: the
     * helpers of an operator (its spill partitions' block buffers, a merge's readers) and a small operator beside
     * a large one (a count above an aggregation) are part of the same task, and counting each of them as a
     * consumer of its own cut the large operator's share: M2's final aggregations got a third of the budget
     * instead of half whenever the other task's spill partitions held buffers, so their grace partitions, sized
     * for half, spilled again.
     */
    private int fairShareConsumers() {
        int version = sharesVersion.get();   // read first: a change while counting leaves the cache stale, not wrong
        if (version == cachedSharesVersion) return cachedShares;
        int n = countFairShareConsumers();
        cachedSharesVersion = version;
        cachedShares = n;
        return n;
    }

    /**
     * Counted again only when the active set or a reservation's task changed ({@link #sharesChanged}): every
     * reservation request asks for the count, and with an exchange's detached buckets (one set per input task)
     * in the active set, walking it each time was about 2% of M4's CPU at 10M rows.
     */
    private int countFairShareConsumers() {
        Thread[] seen = new Thread[8];
        int n = 0;
        for (Reservation a : active) {
            Thread t = a.thread();
            if (t == null) continue;
            boolean counted = false;
            for (int i = 0; i < n && !counted; i++) counted = seen[i] == t;
            if (counted) continue;
            if (n == seen.length) seen = java.util.Arrays.copyOf(seen, n * 2);
            seen[n++] = t;
        }
        return Math.max(1, n);
    }

    /** The active set or a reservation's task changed: the fair share is counted again at the next request. */
    void sharesChanged() { sharesVersion.incrementAndGet(); }

    private boolean sharedSpillableHeld(Reservation requester) {
        for (Reservation other : active) if (other != requester && other.bytes() > 0 && other.hasSharedSpiller()) return true;
        return false;
    }

    private synchronized java.util.List<Reservation> sharedSpillCandidates(Reservation requester) {
        java.util.List<Reservation> out = new java.util.ArrayList<>();
        for (Reservation other : active) if (other != requester && other.bytes() > 0 && other.hasSharedSpiller()) out.add(other);
        out.sort((a, b) -> Long.compare(b.bytes(), a.bytes()));
        return out;
    }

    private synchronized boolean awaitMemory(Reservation r, long bytes, boolean canSpill) {
        // waiting only helps when other consumers hold memory they can give back, and the request fits at all
        if (r.bytes() + bytes > budget || used - r.bytes() <= 0) return false;
        boolean spillsItself = canSpill && r.spillable();
        Thread me = Thread.currentThread();
        requestSpills(r, fairShareConsumers());
        long deadline = System.nanoTime() + waitMillis * 1_000_000L;
        waits++;
        waiting.put(me, spillsItself);
        notifyAll();   // the other waiters look again: this thread will release nothing while it waits
        try {
            while (used + bytes > budget) {
                if (spillsItself && r.bytes() > 0 && r.takeSpillRequest()) return false;   // asked to spill while waiting
                if (!someoneElseCanRelease(me)) {
                    // everyone who could release memory is waiting too: a waiter that can spill gives way
                    if (spillsItself || !anotherWaiterCanSpill(me)) return false;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || r.cancelled().getAsBoolean()) return false;
                try {
                    wait(Math.max(1, Math.min(50, left / 1_000_000L)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                requestSpills(r, fairShareConsumers());
            }
        } finally {
            waiting.remove(me);
            notifyAll();
        }
        grant(bytes);
        return true;
    }

    /**
     * True when a thread other than {@code me} holds a reservation, is alive and is not waiting here: only such
     * a thread can release memory (or read the buffers that hold it) while this one waits.
     */
    private boolean someoneElseCanRelease(Thread me) {
        for (Reservation other : active) {
            Thread t = other.thread();
            if (t != null && t != me && t.isAlive() && !waiting.containsKey(t)) return true;
        }
        return false;
    }

    private boolean anotherWaiterCanSpill(Thread me) {
        for (var w : waiting.entrySet()) if (w.getKey() != me && w.getValue()) return true;
        return false;
    }

    /** Asks every other spillable consumer above its minimum share to spill at its next reservation. */
    private void requestSpills(Reservation requester, int n) {
        long minimum = budget / (2L * Math.max(1, n));
        for (Reservation other : active) {
            if (other != requester && other.spillable() && other.bytes() > minimum) other.requestSpill();
        }
    }

    /**
     * Counts {@code bytes} as used whether or not the budget has them (see {@link Reservation#charge}): the pool
     * then refuses, spills and waits for the others as if they were reserved.
     */
    synchronized void charge(Reservation r, long bytes) {
        if (active.add(r)) sharesChanged();
        r.attachTo(Thread.currentThread());
        grant(bytes);
    }

    private void grant(long bytes) {
        used += bytes;
        peak = Math.max(peak, used);
        peakOverBudget = Math.max(peakOverBudget, used - budget);
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

    /** Bytes moved from {@code from} to {@code to} ({@link Reservation#transferTo}): {@code to} competes now, {@code from} may not. */
    synchronized void transferred(Reservation from, Reservation to) {
        active.add(to);
        if (from.bytes() == 0) active.remove(from);
        notifyAll();
    }

    synchronized void release(Reservation r, long bytes, boolean closing) {
        used -= bytes;
        // a consumer holding nothing is not competing for a share (an exchange whose buckets were all read)
        if ((closing || r.bytes() == 0) && active.remove(r)) sharesChanged();
        notifyAll();
    }

    /** Deletes this session's spill directory (files of operators still open are gone too). */
    @Override public void close() { spills.close(); }
}
