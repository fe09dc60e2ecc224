package dev.sluice.io;

import java.util.List;

/**
 * One running write. Task writers may be opened and used on several threads at once; {@link #commit} and
 * {@link #abort} are called once, from the driving thread, after every task finished.
 */
public interface WriteJob {
    /** A writer for one attempt of task {@code partition}; a retried task simply opens another. */
    TaskWriter openTask(int partition);

    /** As {@link #openTask(int)}, with the task's share of the memory budget for what its files buffer. */
    default TaskWriter openTask(int partition, WriteMemory memory) { return openTask(partition); }

    /**
     * Publishes the output of exactly these committed tasks (one per partition). If it fails, the target is
     * left as it was before the job and the error is rethrown; no {@link #abort} is needed then.
     */
    WriteSummary commit(List<TaskCommit> tasks);

    /** Discards everything the job wrote (a failed or cancelled job); the target stays as it was. Idempotent. */
    void abort();
}
