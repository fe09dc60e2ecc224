package dev.sluice.io;

import dev.sluice.vector.Batch;

/** Writes one task's rows. Used by one thread; ends with exactly one {@link #commit} or {@link #abort}. */
public interface TaskWriter {
    void write(Batch batch);

    /** Makes the task's output part of the job (still invisible until the job commits). */
    TaskCommit commit();

    /** Removes the task's partial output. Safe after any failure, also after a failed commit, and twice. */
    void abort();
}
