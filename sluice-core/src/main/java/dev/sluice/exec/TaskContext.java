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

    public TaskContext(long jobId, int partition, AtomicBoolean cancelled, JobListener listener) {
        this.jobId = jobId;
        this.partition = partition;
        this.cancelled = cancelled;
        this.listener = listener;
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
