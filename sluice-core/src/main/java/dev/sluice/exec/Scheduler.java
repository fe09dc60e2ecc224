package dev.sluice.exec;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.PartitionScope;
import dev.sluice.types.SessionZone;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs jobs on a fixed pool of worker threads: one task per partition, at most {@code parallelism} at once.
 * The first failing task cancels the others; the job then waits for every task to stop (each closes its
 * streams and files) and rethrows the first failure. Results never depend on the number of workers: tasks
 * hand their output to a {@link PartitionTask} by partition number.
 */
public final class Scheduler implements AutoCloseable {
    private static final AtomicLong JOB_IDS = new AtomicLong();
    private static final AtomicLong QUERY_IDS = new AtomicLong();


    private final int parallelism;
    private final ExecutorService pool;
    private final Workers workers;
    private final List<JobListener> listeners;
    private final List<AtomicBoolean> running = new CopyOnWriteArrayList<>();

    public Scheduler(int parallelism) { this(parallelism, new CopyOnWriteArrayList<>()); }

    /**
     * A scheduler reporting to {@code listeners}, a thread-safe list its owner may change at any time. Tasks run in
     * the session time zone ({@link SessionZone}) of the thread that starts their job, so sessions with different
     * zones can share one scheduler.
     */
    /** Stack reserved per worker thread: system property {@code sluice.worker.stackBytes}, default 256 MiB. */
    static final long WORKER_STACK_BYTES = Long.getLong("sluice.worker.stackBytes", 256L << 20);

    public Scheduler(int parallelism, List<JobListener> listeners) {
        this.listeners = listeners;
        if (parallelism < 1) throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
        this.parallelism = parallelism;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            // a large reserved stack (committed only as it is used) so values nested thousands of levels deep,
            // read and written by recursive code, fit; beyond it a coded LIMIT_EXCEEDED (asSluiceException)
            Thread t = new Thread(null, r, "sluice-worker-" + n.incrementAndGet(), WORKER_STACK_BYTES);
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(parallelism, threads);
        this.workers = new Workers(pool, parallelism);
    }

    public int parallelism() { return parallelism; }

    public void addListener(JobListener listener) { listeners.add(listener); }

    public void removeListener(JobListener listener) { listeners.remove(listener); }

    /** A listener that forwards to every registered one. */
    JobListener broadcast() {
        return new JobListener() {
            @Override public void onJobStart(long jobId, String description, int totalTasks, long totalBytes) {
                for (JobListener l : listeners) l.onJobStart(jobId, description, totalTasks, totalBytes);
            }

            @Override public void onProgress(long jobId, long bytesDelta, long rowsDelta) {
                for (JobListener l : listeners) l.onProgress(jobId, bytesDelta, rowsDelta);
            }

            @Override public void onTaskEnd(long jobId, int partition, boolean succeeded) {
                for (JobListener l : listeners) l.onTaskEnd(jobId, partition, succeeded);
            }

            @Override public void onJobEnd(long jobId, Throwable failure) {
                for (JobListener l : listeners) l.onJobEnd(jobId, failure);
            }

            @Override public void onQueryStart(long queryId, String description, ExecNode root) {
                for (JobListener l : listeners) l.onQueryStart(queryId, description, root);
            }

            @Override public void onQueryEnd(long queryId, Throwable failure) {
                for (JobListener l : listeners) l.onQueryEnd(queryId, failure);
            }

            @Override public void onFileSkipped(long jobId, String path, String code, String reason) {
                for (JobListener l : listeners) l.onFileSkipped(jobId, path, code, reason);
            }

            @Override public void onTaskTimed(long jobId, String stage, int partition, String worker, long startNanos,
                                              long endNanos, boolean succeeded) {
                for (JobListener l : listeners) l.onTaskTimed(jobId, stage, partition, worker, startNanos, endNanos, succeeded);
            }
        };
    }

    /**
     * Runs a job: first the input stages of every stage boundary under {@code root} (bottom-up), then every
     * partition of {@code root} through {@code task}; returns when all are done. Boundaries are released
     * whatever happens.
     */
    public void run(ExecNode root, String description, long totalBytes, PartitionTask task) {
        run(root, description, totalBytes, task, null);
    }

    /** As {@link #run(ExecNode, String, long, PartitionTask)}, also telling {@code queryListener} about this query only. */
    public void run(ExecNode root, String description, long totalBytes, PartitionTask task, JobListener queryListener) {
        List<StageBoundary> boundaries = new ArrayList<>();
        JobListener listener = queryListener == null ? broadcast() : JobListeners.combine(broadcast(), queryListener);
        long queryId = QUERY_IDS.incrementAndGet();
        listener.onQueryStart(queryId, description, root);
        Throwable failure = null;
        AtomicBoolean query = new AtomicBoolean();   // one token for the whole query: a cancel between stages is kept
        running.add(query);
        try {
            prepareStages(root, boundaries, query, listener);
            runStage(root, description, totalBytes, task, query, listener);
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            running.remove(query);
            for (StageBoundary b : boundaries) b.release();
            listener.onQueryEnd(queryId, failure);
        }
    }

    /** Materializes the stage boundaries under {@code node}, deepest first. */
    private void prepareStages(ExecNode node, List<StageBoundary> prepared, AtomicBoolean query, JobListener listener) {
        for (ExecNode child : node.children()) prepareStages(child, prepared, query, listener);
        if (node instanceof StageBoundary boundary) {
            if (query.get()) throw SluiceException.of(ErrorCode.JOB_CANCELLED).build();
            prepared.add(boundary);
            boundary.materialize((stageRoot, description, task) -> runStage(stageRoot, description, 0, task, query, listener));
        }
    }

    private void runStage(ExecNode root, String description, long totalBytes, PartitionTask task, AtomicBoolean query,
                          JobListener listener) {
        if (query.get()) throw SluiceException.of(ErrorCode.JOB_CANCELLED).build();   // checked at every stage start
        long jobId = JOB_IDS.incrementAndGet();
        AtomicBoolean cancelled = new AtomicBoolean();
        running.add(cancelled);
        int partitions = root.partitionCount();
        listener.onJobStart(jobId, description, partitions, totalBytes > 0 ? totalBytes : inputBytes(root));
        SessionZone.Captured zone = SessionZone.capture();   // the caller's session settings, for every task of the stage
        List<Future<?>> futures = new ArrayList<>(partitions);
        Throwable failure = null;
        try {
            for (int p = 0; p < partitions; p++) {
                int partition = p;
                futures.add(pool.submit(() -> {
                    try (SessionZone scope = SessionZone.enter(zone)) {
                        runTask(root, description, task, new TaskContext(jobId, partition, cancelled, listener, workers), listener);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (failure == null || isCancellation(failure) && !isCancellation(e.getCause())) failure = e.getCause();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancelled.set(true);
                    if (failure == null) failure = SluiceException.of(ErrorCode.JOB_CANCELLED).cause(e).build();
                }
            }
            // a task skipped because of a cancel must never pass for a finished job with partial results
            if (failure == null && (cancelled.get() || query.get())) failure = SluiceException.of(ErrorCode.JOB_CANCELLED).build();
        } finally {
            running.remove(cancelled);
            listener.onJobEnd(jobId, failure);
        }
        if (failure != null) throw asSluiceException(failure);
    }

    private static void runTask(ExecNode root, String stage, PartitionTask task, TaskContext ctx, JobListener listener) throws Exception {
        if (ctx.isCancelled()) return;
        boolean ok = false;
        long start = System.nanoTime();
        try (PartitionScope scope = PartitionScope.enter(ctx.partition());
             BatchStream stream = root.execute(ctx.partition(), ctx)) {
            task.run(ctx.partition(), stream, ctx);
            ok = true;
        } catch (Throwable t) {
            ctx.cancelJob();   // the first failure stops the other tasks at their next batch
            throw t;
        } finally {
            listener.onTaskTimed(ctx.jobId(), stage, ctx.partition(), Thread.currentThread().getName(), start, System.nanoTime(), ok);
            listener.onTaskEnd(ctx.jobId(), ctx.partition(), ok);
        }
    }

    static boolean isCancellation(Throwable t) {
        return t instanceof SluiceException s && s.code() == ErrorCode.JOB_CANCELLED;
    }

    /**
     * Streams the batches of {@code root} in partition order with bounded read-ahead (toLocalIterator).
     * Close the iterator to stop the job early.
     */
    public CloseableIterator<dev.sluice.vector.Batch> streamInOrder(ExecNode root, String description) {
        List<StageBoundary> boundaries = new ArrayList<>();
        JobListener listener = broadcast();
        long queryId = QUERY_IDS.incrementAndGet();
        listener.onQueryStart(queryId, description, root);
        AtomicBoolean query = new AtomicBoolean();
        running.add(query);
        try {
            prepareStages(root, boundaries, query, listener);
        } catch (RuntimeException | Error e) {
            running.remove(query);
            for (StageBoundary b : boundaries) b.release();
            listener.onQueryEnd(queryId, e);
            throw e;
        }
        long jobId = JOB_IDS.incrementAndGet();
        listener.onJobStart(jobId, description, root.partitionCount(), inputBytes(root));
        running.remove(query);
        OrderedStream stream = new OrderedStream(root, pool, parallelism, SessionZone.capture(),
                (partition, cancelled) -> {
                    if (!running.contains(cancelled)) running.add(cancelled);   // one flag for the whole stream
                    return new TaskContext(jobId, partition, cancelled, listener, workers);
                });
        StreamEnd end = new StreamEnd(stream, running, boundaries, listener, jobId, queryId);
        CloseableIterator<dev.sluice.vector.Batch> iterator = new CloseableIterator<>() {
            @Override public boolean hasNext() {
                boolean more = stream.hasNext();
                if (!more) end.finished();
                return more;
            }

            @Override public dev.sluice.vector.Batch next() { return stream.next(); }

            @Override public void close() { end.run(); }
        };
        CLEANER.register(iterator, end);   // an iterator dropped without close() still frees its workers, memory and files
        return iterator;
    }

    /** Releases abandoned iterators' streams (their workers, memory and spill files) once they are unreachable. */
    private static final java.lang.ref.Cleaner CLEANER = java.lang.ref.Cleaner.create();

    /**
     * The end of a streamed job: on success, or on close (explicit, or by the cleaner when the iterator was
     * dropped). It must not refer to the iterator, or the cleaner would never run.
     */
    private static final class StreamEnd implements Runnable {
        private final OrderedStream stream;
        private final List<AtomicBoolean> running;
        private final List<StageBoundary> boundaries;
        private final JobListener listener;
        private final long jobId;
        private final long queryId;
        private boolean ended;
        private boolean closed;

        StreamEnd(OrderedStream stream, List<AtomicBoolean> running, List<StageBoundary> boundaries, JobListener listener,
                  long jobId, long queryId) {
            this.stream = stream;
            this.running = running;
            this.boundaries = boundaries;
            this.listener = listener;
            this.jobId = jobId;
            this.queryId = queryId;
        }

        synchronized void finished() {
            if (ended) return;
            ended = true;
            stream.forgetFlag(running);
            for (StageBoundary b : boundaries) b.release();
            listener.onJobEnd(jobId, null);
            listener.onQueryEnd(queryId, null);
        }

        @Override public synchronized void run() {
            if (closed) return;
            closed = true;
            stream.close();
            finished();
        }
    }

    /** The bytes the scans under {@code node} will read, for progress (0 when unknown). */
    static long inputBytes(ExecNode node) {
        long total = 0;
        if (node instanceof ScanExec scan) {
            for (dev.sluice.io.Split split : scan.splits()) total += split.sizeInBytes();
        }
        for (ExecNode child : node.children()) total += inputBytes(child);
        return total;
    }

    /** Cancels every running job: their tasks stop within one batch and close their files. */
    public void cancelAll() {
        for (AtomicBoolean flag : running) flag.set(true);
    }

    static SluiceException asSluiceException(Throwable t) {
        if (t instanceof SluiceException s) return s;
        if (t instanceof StackOverflowError) {
            return SluiceException.of(ErrorCode.LIMIT_EXCEEDED).with("what", "The nesting of a value or an expression (a worker's stack ran out)")
                    .with("limit", WORKER_STACK_BYTES + " bytes of stack per worker")
                    .with("remedy", "Raise -Dsluice.worker.stackBytes, or read the deeply nested field as STRING.").cause(t).build();
        }
        if (t instanceof OutOfMemoryError) {
            return SluiceException.of(ErrorCode.MEMORY_EXHAUSTED).with("reason", "the JVM heap ran out").cause(t).build();
        }
        return SluiceException.of(ErrorCode.INTERNAL_ERROR).with("reason", t.toString()).cause(t).build();
    }

    @Override public void close() { pool.shutdownNow(); }
}
