package dev.sluice.io;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The fsyncs of one write job's committed task files, run off the task threads. A task's files only have to be
 * durable before the job's commit point (a staging directory of a job that never committed is discarded whole,
 * whatever survived a crash of it), so the task that wrote them hands their syncs here and goes on to its next
 * task instead of waiting on the disk; {@link #awaitAll} before the job's first publishing step waits for every
 * one and rethrows the first failure, which then fails the job exactly as it would have failed the task.
 * <p>Thread-safe: tasks submit from their threads, the job waits from its own.
 */
final class BackgroundSyncs {
    private final Storage storage;
    private final ConcurrentLinkedQueue<Future<?>> pending = new ConcurrentLinkedQueue<>();

    BackgroundSyncs(Storage storage) { this.storage = storage; }

    /** Starts making {@code path}'s content durable. */
    void submit(String path) {
        pending.add(Pool.SYNCS.submit(() -> storage.sync(path)));
    }

    /** Waits for every sync submitted so far; the first failure is rethrown (as the storage raised it). */
    void awaitAll() {
        RuntimeException first = null;
        for (Future<?> f; (f = pending.poll()) != null; ) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelAll();
                throw SluiceException.of(ErrorCode.JOB_CANCELLED).build();
            } catch (ExecutionException e) {
                RuntimeException failure = asRuntime(e.getCause());
                if (first == null) first = failure;
                else first.addSuppressed(failure);
            }
        }
        if (first != null) throw first;
    }

    /**
     * Drops the syncs not started and waits for the running ones, ignoring their outcome: the job is being undone,
     * and its files must not be opened by a sync after their directory is removed.
     */
    void cancelAll() {
        boolean interrupted = false;
        for (Future<?> f; (f = pending.poll()) != null; ) {
            f.cancel(false);
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException | CancellationException e) {
                    break;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private static RuntimeException asRuntime(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return SluiceException.internal("a background fsync failed: " + t);
    }

    /**
     * Daemon threads shared by every job of the JVM, as many as the cores (at least two): an fsync waits on the disk, not
     * on a core, and a write of many files syncs as many at once as its tasks did when each synced its own. Idle
     * threads end after a few seconds.
     */
    private static final class Pool {
        static final ExecutorService SYNCS = pool(Math.max(2, Runtime.getRuntime().availableProcessors()));

        private static ExecutorService pool(int threads) {
            ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "sluice-write-sync");
                t.setDaemon(true);
                return t;
            });
            pool.allowCoreThreadTimeOut(true);
            return pool;
        }
    }
}
