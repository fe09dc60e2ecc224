package dev.sluice.exec;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.PartitionScope;
import dev.sluice.types.SessionZone;
import dev.sluice.vector.Batch;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * The batches of every partition, in partition order, computed ahead on the workers but never further ahead of the
 * reader than its {@link Lookahead} allows, each partition buffering at most {@link #QUEUE_BATCHES} batches: memory
 * stays bounded whatever the result size (toLocalIterator), and a reader that stops early (a global limit) closes
 * it, which stops every partition still running and skips those not started.
 *
 * <p>A partition is computed by whoever claims it first: a worker, or (when {@code readerRuns}) the reader itself
 * once it reaches a partition no worker has started. A reader that is itself a worker (a limit inside a task) so
 * never waits for work stuck behind it in the pool's queue: a full pool degrades to reading in order on the
 * reader's thread, as before, never to a deadlock.
 */
final class OrderedStream implements Iterator<Batch>, AutoCloseable {
    static final int QUEUE_BATCHES = 2;
    private static final Object END = new Object();
    /** Left by a producer that stopped because another one failed or the reader closed. */
    private static final Object STOPPED = new Object();
    private static final int FREE = 0, WORKER = 1, READER = 2, SKIPPED = 3;

    /** How many partitions have been started, as the reader advances. */
    interface Lookahead {
        /**
         * The partitions that should have started (an exclusive bound, at least {@code finished + 1}) once the
         * reader has read {@code finished} partitions to their end, which gave {@code rows} rows.
         */
        int startUpTo(int finished, long rows);

        /** Always {@code window} partitions from the reader's one on. */
        static Lookahead fixed(int window) {
            int w = Math.max(1, window);
            return (finished, rows) -> finished + w;
        }
    }

    interface TaskContextFactory {
        TaskContext create(int partition, AtomicBoolean cancelled);
    }

    /** One partition's production: who computes it, and what it hands over. */
    private static final class Slot {
        final int partition;
        final AtomicInteger owner = new AtomicInteger(FREE);
        final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES + 1);
        /** Counted down when a worker that claimed the partition has closed its stream. */
        final CountDownLatch workerDone = new CountDownLatch(1);
        /** The reader's own stream of the partition, and the partition's scope it computes it in. */
        BatchStream stream;
        PartitionScope scope;

        Slot(int partition) { this.partition = partition; }
    }

    private final ExecNode root;
    private final ExecutorService pool;
    private final Lookahead lookahead;
    private final boolean readerRuns;
    private final BooleanSupplier outerCancelled;
    private final TaskContextFactory contexts;
    private final SessionZone.Captured sessionZone;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    /** The failure to report: the first real one, rather than the cancellations it caused in other partitions. */
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Slot[] slots;
    private int current;
    private int started;
    private long rowsOfFinished;
    private long rowsOfCurrent;
    private Batch pending;

    /** What toLocalIterator reads: {@code window} partitions ahead on the workers, the reader only waits. */
    OrderedStream(ExecNode root, ExecutorService pool, int window, SessionZone.Captured sessionZone, TaskContextFactory contexts) {
        this(root, pool, Lookahead.fixed(window), false, () -> false, sessionZone, contexts);
    }

    OrderedStream(ExecNode root, ExecutorService pool, Lookahead lookahead, boolean readerRuns,
                  BooleanSupplier outerCancelled, SessionZone.Captured sessionZone, TaskContextFactory contexts) {
        if (pool == null && !readerRuns) throw new IllegalArgumentException("without workers the reader must run the partitions");
        this.root = root;
        this.pool = pool;
        this.lookahead = lookahead;
        this.readerRuns = readerRuns;
        this.outerCancelled = outerCancelled;
        this.sessionZone = sessionZone;
        this.contexts = contexts;
        this.slots = new Slot[root.partitionCount()];
    }

    /**
     * The partitions of {@code input} in order, read by the task of {@code ctx} with the job's workers computing
     * ahead as {@code lookahead} allows (without workers, one after another on the task's thread). Each partition
     * runs in its own scope, so {@code spark_partition_id()} and {@code rand(seed)} see its real index.
     */
    static OrderedStream forTask(ExecNode input, TaskContext ctx, Lookahead lookahead) {
        Workers workers = ctx.workers();
        return new OrderedStream(input, workers == null ? null : workers.pool(), lookahead, true, ctx::isCancelled,
                SessionZone.capture(), ctx::forInputPartition);
    }

    @Override public boolean hasNext() {
        while (pending == null) {
            if (current >= slots.length) return false;
            if (outerCancelled.getAsBoolean()) fail(SluiceException.of(ErrorCode.JOB_CANCELLED).build());
            startUpTo(lookahead.startUpTo(current, rowsOfFinished));
            Slot slot = slots[current];
            boolean mine = readerRuns && (slot.owner.get() == READER || slot.owner.compareAndSet(FREE, READER));
            Object item = mine ? readItself(slot) : take(slot.queue);
            if (item == END) {
                current++;
                rowsOfFinished += rowsOfCurrent;
                rowsOfCurrent = 0;
            } else if (item instanceof Throwable || item == STOPPED) {
                fail(null);
            } else {
                pending = (Batch) item;
                rowsOfCurrent += pending.rowCount();
            }
        }
        return true;
    }

    @Override public Batch next() {
        if (!hasNext()) throw new NoSuchElementException();
        Batch b = pending;
        pending = null;
        return b;
    }

    /** Closes the stream and throws the failure to report (a partition's real one before any cancellation). */
    private void fail(Throwable cause) {
        if (cause != null) failure.accumulateAndGet(cause, OrderedStream::moreTelling);
        try {
            close();
        } catch (RuntimeException closing) {
            failure.accumulateAndGet(closing, OrderedStream::moreTelling);
        }
        Throwable t = failure.get();
        throw Scheduler.asSluiceException(t != null ? t : SluiceException.of(ErrorCode.JOB_CANCELLED).build());
    }

    private void startUpTo(int limit) {
        int bound = Math.min(Math.max(limit, current + 1), slots.length);
        while (started < bound) {
            Slot slot = new Slot(started++);
            slots[slot.partition] = slot;
            // the reader computes its own partition when it may: no hand-over through a queue
            if (pool != null && !(readerRuns && slot.partition == current)) pool.submit(() -> produce(slot));
        }
    }

    private void produce(Slot slot) {
        if (!slot.owner.compareAndSet(FREE, WORKER)) return;   // the reader took it, or the stream was closed
        BlockingQueue<Object> queue = slot.queue;
        try {
            TaskContext ctx = contexts.create(slot.partition, cancelled);
            try (SessionZone zone = SessionZone.enter(sessionZone);
                 PartitionScope scope = PartitionScope.enter(slot.partition);
                 BatchStream stream = root.execute(slot.partition, ctx)) {
                Batch b;
                while ((b = stream.next()) != null) {
                    if (!put(queue, b)) {
                        stop(queue, STOPPED);
                        return;
                    }
                }
                if (!put(queue, END)) stop(queue, STOPPED);
            } catch (Throwable t) {
                failure.accumulateAndGet(t, OrderedStream::moreTelling);
                cancelled.set(true);
                stop(queue, t);
            }
        } finally {
            slot.workerDone.countDown();
        }
    }

    /** The next item of a partition the reader computes itself, in that partition's scope. */
    private Object readItself(Slot slot) {
        try {
            if (slot.stream == null) {
                slot.scope = PartitionScope.unentered(slot.partition);
                try (PartitionScope.Active active = slot.scope.activate()) {
                    slot.stream = root.execute(slot.partition, contexts.create(slot.partition, cancelled));
                }
            }
            Batch b;
            try (PartitionScope.Active active = slot.scope.activate()) {
                b = slot.stream.next();
            }
            if (b != null) return b;
            closeOwnStream(slot);
            return END;
        } catch (Throwable t) {
            failure.accumulateAndGet(t, OrderedStream::moreTelling);
            cancelled.set(true);
            try {
                closeOwnStream(slot);
            } catch (Throwable suppressed) {
                t.addSuppressed(suppressed);
            }
            return t;
        }
    }

    private static void closeOwnStream(Slot slot) {
        BatchStream stream = slot.stream;
        if (stream == null) return;
        slot.stream = null;
        try (PartitionScope.Active active = slot.scope.activate()) {
            stream.close();
        }
    }

    /** Replaces what the queue holds by a last item, so a reader waiting on it wakes up and never blocks. */
    private static void stop(BlockingQueue<Object> queue, Object last) {
        queue.clear();
        queue.offer(last);
    }

    /** A partition's own failure tells more than the cancellation it caused in the others. */
    private static Throwable moreTelling(Throwable kept, Throwable candidate) {
        if (kept == null) return candidate;
        return Scheduler.isCancellation(kept) && !Scheduler.isCancellation(candidate) ? candidate : kept;
    }

    /** Waits for room unless the stream was closed; false when it was. */
    private boolean put(BlockingQueue<Object> queue, Object item) {
        try {
            while (!cancelled.get()) {
                if (queue.offer(item, 50, TimeUnit.MILLISECONDS)) return true;
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The next item a worker hands over; a cancel of the reader's own job stops the wait. */
    private Object take(BlockingQueue<Object> queue) {
        try {
            while (true) {
                Object item = queue.poll(50, TimeUnit.MILLISECONDS);
                if (item != null) return item;
                if (outerCancelled.getAsBoolean()) {
                    failure.accumulateAndGet(SluiceException.of(ErrorCode.JOB_CANCELLED).build(), OrderedStream::moreTelling);
                    return STOPPED;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw SluiceException.of(ErrorCode.JOB_CANCELLED).cause(e).build();
        }
    }

    /** Removes this stream's cancellation flag from the scheduler's list of running jobs. */
    void forgetFlag(java.util.List<AtomicBoolean> running) { running.remove(cancelled); }

    /**
     * Stops every producer and waits for them: when this returns, their streams and files are closed. Partitions no
     * worker has started are skipped, never waited for (they may sit in the pool's queue behind the caller).
     */
    @Override public void close() {
        cancelled.set(true);
        for (Slot slot : slots) {
            if (slot == null) continue;
            if (slot.owner.compareAndSet(FREE, SKIPPED)) continue;
            slot.queue.clear();
        }
        Throwable closeFailure = null;
        for (Slot slot : slots) {
            if (slot == null) continue;
            int owner = slot.owner.get();
            if (owner == READER) {
                try {
                    closeOwnStream(slot);
                } catch (Throwable t) {
                    if (closeFailure == null) closeFailure = t;
                }
            } else if (owner == WORKER) {
                try {
                    slot.workerDone.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        if (closeFailure != null) throw Scheduler.asSluiceException(closeFailure);
    }
}
