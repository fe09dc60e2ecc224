package dev.sluice.exec;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.PartitionScope;
import dev.sluice.types.SessionZone;
import dev.sluice.vector.Batch;

import java.time.ZoneId;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The batches of every partition, in partition order, computed ahead on the workers but never more than
 * {@code window} partitions ahead of the reader, each buffering at most {@link #QUEUE_BATCHES} batches:
 * memory stays bounded whatever the result size (toLocalIterator).
 */
final class OrderedStream implements Iterator<Batch>, AutoCloseable {
    static final int QUEUE_BATCHES = 2;
    private static final Object END = new Object();
    /** Left by a producer that stopped because another one failed or the reader closed. */
    private static final Object STOPPED = new Object();

    private final ExecNode root;
    private final ExecutorService pool;
    private final int window;
    private final TaskContextFactory contexts;
    private final ZoneId sessionZone;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    /** The failure to report: the first real one, rather than the cancellations it caused in other partitions. */
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final BlockingQueue<Object>[] queues;
    private int current;
    private int submitted;
    private Batch pending;
    private final java.util.List<java.util.concurrent.Future<?>> producers = new java.util.ArrayList<>();

    interface TaskContextFactory {
        TaskContext create(int partition, AtomicBoolean cancelled);
    }

    @SuppressWarnings("unchecked")
    OrderedStream(ExecNode root, ExecutorService pool, int window, ZoneId sessionZone, TaskContextFactory contexts) {
        this.sessionZone = sessionZone;
        this.root = root;
        this.pool = pool;
        this.window = Math.max(1, window);
        this.contexts = contexts;
        this.queues = new BlockingQueue[root.partitionCount()];
    }

    @Override public boolean hasNext() {
        while (pending == null) {
            if (current >= queues.length) return false;
            submitUpTo(current + window);
            Object item = take(queues[current]);
            if (item == END) {
                queues[current++] = null;
            } else if (item instanceof Throwable || item == STOPPED) {
                close();
                Throwable t = failure.get();
                throw Scheduler.asSluiceException(t != null ? t : SluiceException.of(ErrorCode.JOB_CANCELLED).build());
            } else {
                pending = (Batch) item;
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

    private void submitUpTo(int limit) {
        while (submitted < Math.min(limit, queues.length)) {
            int partition = submitted++;
            BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES + 1);
            queues[partition] = queue;
            producers.add(pool.submit(() -> produce(partition, queue)));
        }
    }

    private void produce(int partition, BlockingQueue<Object> queue) {
        TaskContext ctx = contexts.create(partition, cancelled);
        try (SessionZone zone = SessionZone.enter(sessionZone);
             PartitionScope scope = PartitionScope.enter(partition);
             BatchStream stream = root.execute(partition, ctx)) {
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

    private Object take(BlockingQueue<Object> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw SluiceException.of(ErrorCode.JOB_CANCELLED).cause(e).build();
        }
    }

    /** Removes this stream's cancellation flag from the scheduler's list of running jobs. */
    void forgetFlag(java.util.List<AtomicBoolean> running) { running.remove(cancelled); }

    /** Stops every producer and waits for them: when this returns, their streams and files are closed. */
    @Override public void close() {
        cancelled.set(true);
        for (int i = 0; i < queues.length; i++) if (queues[i] != null) queues[i].clear();
        for (java.util.concurrent.Future<?> f : producers) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException ignored) {
                // its failure was handed to the reader through the queue
            }
        }
    }
}
