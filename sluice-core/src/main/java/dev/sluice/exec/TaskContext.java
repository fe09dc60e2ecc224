package dev.sluice.exec;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.util.concurrent.atomic.AtomicBoolean;

/** What a running task may consult: cancellation, progress reporting, its job's id and partition. */
public final class TaskContext {
    private final long jobId;
    private final int partition;
    private final AtomicBoolean cancelled;
    private final JobListener listener;
    private final Workers workers;

    /** A task that has no workers to hand work to: it computes whatever it reads itself. */
    public TaskContext(long jobId, int partition, AtomicBoolean cancelled, JobListener listener) {
        this(jobId, partition, cancelled, listener, null);
    }

    public TaskContext(long jobId, int partition, AtomicBoolean cancelled, JobListener listener, Workers workers) {
        this.jobId = jobId;
        this.partition = partition;
        this.cancelled = cancelled;
        this.listener = listener;
        this.workers = workers;
    }

    /** The scheduler's workers, for an operator that reads its input partitions in parallel; null when there are none. */
    public Workers workers() { return workers; }

    /**
     * The context of the same job's {@code partition} of an input read by this task (a global limit's input
     * partitions), stopped by {@code stopped}: its own flag, so stopping early does not cancel the job.
     */
    public TaskContext forInputPartition(int partition, AtomicBoolean stopped) {
        return new TaskContext(jobId, partition, stopped, listener, workers);
    }

    public long jobId() { return jobId; }

    public int partition() { return partition; }

    /** Operators call this between batches: a cancelled job stops within one batch. */
    public void checkCancelled() {
        if (cancelled.get()) throw SluiceException.of(ErrorCode.JOB_CANCELLED).build();
    }

    /** Stops every task of this job at its next batch (used when one task fails). */
    public void cancelJob() { cancelled.set(true); }

    public boolean isCancelled() { return cancelled.get(); }

    /** A file the scan skipped under ignoreMissingFiles / ignoreCorruptFiles. */
    public void reportSkippedFile(String path, String code, String reason) {
        listener.onFileSkipped(jobId, path, code, reason);
    }

    public void reportProgress(long bytes, long rows) {
        if (bytes != 0 || rows != 0) listener.onProgress(jobId, bytes, rows);
    }
}
