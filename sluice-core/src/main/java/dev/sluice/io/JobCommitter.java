package dev.sluice.io;

import java.io.OutputStream;
import java.util.List;

/**
 * How one write job makes its output appear atomically: the calls a {@link FileSink} and its task writers
 * make. {@link FileCommitProtocol} does it with renames on a storage whose renames are atomic; a storage
 * without atomic rename ({@link Storage#atomicRename()} false, e.g. an object store) supplies its own
 * through {@link Storage#jobCommitter}.
 *
 * <p>Call order: {@link #setupJob}, then per task {@link #setupTask}, {@link #newTaskFile} and
 * {@link #openTaskFile}…, {@link #commitTask} or {@link #abortTask}; then {@link #commitJob} or
 * {@link #abortJob}. Tasks may run on different threads; job calls come from one.
 */
public interface JobCommitter {
    /**
     * Prepares the job. Returns false when the save mode says to skip it (IGNORE and the target exists):
     * then nothing was written and no other method may be called. ERROR_IF_EXISTS with an existing target
     * fails with PATH_ALREADY_EXISTS.
     */
    boolean setupJob();

    /** Starts one attempt of task {@code partition}. */
    TaskAttempt setupTask(int partition);

    /**
     * The path of the task's next output file inside {@code subdirectory} of the output (a partition
     * directory such as {@code year=2026}; empty for the top level), with {@code extension}.
     */
    String newTaskFile(TaskAttempt task, String extension, String subdirectory);

    /**
     * Opens a file {@link #newTaskFile} named, for writing. The default creates it on {@code storage};
     * a committer that publishes without rename may return a stream whose data stays invisible until the
     * job commits.
     */
    default OutputStream openTaskFile(Storage storage, TaskAttempt task, String path) { return storage.create(path); }

    /** Commits a task's files; returns their names relative to the task's output. */
    List<String> commitTask(TaskAttempt task);

    /** Discards a failed task's files. Safe to call after any failure, and more than once. */
    void abortTask(TaskAttempt task);

    /**
     * Publishes the committed tasks {@code partitions} (tasks not listed are discarded) and writes
     * {@code _SUCCESS} last. On failure the target is left as it was and the error is rethrown.
     */
    void commitJob(List<Integer> partitions);

    /** Undoes the job; the target stays as it was. Does nothing after a successful commit; idempotent. */
    void abortJob();
}
