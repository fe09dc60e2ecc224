package dev.sluice.exec;

/**
 * Receives progress of the jobs a session runs (the CLI's progress bar, the job report). Called from
 * worker threads: implementations must be thread-safe and quick.
 */
public interface JobListener {
    /** A job starts: {@code totalTasks} partitions, {@code totalBytes} input bytes (0 if unknown). */
    default void onJobStart(long jobId, String description, int totalTasks, long totalBytes) {}

    /** Some progress inside a task: input bytes read and rows produced since the last call. */
    default void onProgress(long jobId, long bytesDelta, long rowsDelta) {}

    /** A task (one partition) finished. */
    default void onTaskEnd(long jobId, int partition, boolean succeeded) {}

    /**
     * A query starts: the operators it runs (metrics fill in as it runs). A query runs as one or more stages,
     * each reported as a job ({@link #onJobStart} ... {@link #onJobEnd}) between this and {@link #onQueryEnd}.
     */
    default void onQueryStart(long queryId, String description, ExecNode root) {}

    /** The query ended; {@code failure} is null on success. */
    default void onQueryEnd(long queryId, Throwable failure) {}

    /** A task ran on {@code worker} from {@code startNanos} to {@code endNanos} ({@link System#nanoTime}). */
    default void onTaskTimed(long jobId, String stage, int partition, String worker, long startNanos, long endNanos, boolean succeeded) {}

    /**
     * A reader skipped a file (or the rest of one) because the user set ignoreMissingFiles or ignoreCorruptFiles;
     * {@code code} is the error it would have raised.
     */
    default void onFileSkipped(long jobId, String path, String code, String reason) {}

    /** The job ended; {@code failure} is null on success. */
    default void onJobEnd(long jobId, Throwable failure) {}
}
