package dev.sluice.exec;

import java.util.concurrent.ExecutorService;

/**
 * The scheduler's worker pool as a task sees it: where an operator that reads several input partitions (a global
 * limit) starts them in parallel, and how many can run at once. A task handing work to the pool never waits for
 * work that has not started: it computes that itself (see {@link OrderedStream}), so a busy pool cannot deadlock it.
 */
public record Workers(ExecutorService pool, int parallelism) {
    public Workers {
        if (parallelism < 1) throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
    }
}
