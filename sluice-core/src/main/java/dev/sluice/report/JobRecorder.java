package dev.sluice.report;

import dev.sluice.exec.ExecNode;
import dev.sluice.exec.JobListener;
import dev.sluice.io.SkippedFile;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records what a session runs, for the job report: each query's operators (with their live metrics), its
 * stages, and every task's worker and times. Stages and tasks belong to the query running when they start
 * (queries of one session run one after another; concurrent queries would share a report entry).
 */
public final class JobRecorder implements JobListener {
    /** One task of one stage, as it ran. */
    public record TaskRun(String stage, int partition, String worker, long startNanos, long endNanos, boolean succeeded) {}

    /** One query: its plan, stages, tasks and outcome. */
    public static final class QueryRun {
        final long id;
        final String description;
        final ExecNode root;
        final long startNanos;
        long endNanos;
        String failure;
        final List<TaskRun> tasks = new ArrayList<>();
        final AtomicLong bytesRead = new AtomicLong();
        final List<SkippedFile> skippedFiles = new ArrayList<>();

        QueryRun(long id, String description, ExecNode root, long startNanos) {
            this.id = id;
            this.description = description;
            this.root = root;
            this.startNanos = startNanos;
        }

        public String description() { return description; }

        public ExecNode root() { return root; }

        public synchronized List<TaskRun> tasks() { return List.copyOf(tasks); }

        public long durationNanos() { return Math.max(0, endNanos - startNanos); }

        public String failure() { return failure; }

        public long bytesRead() { return bytesRead.get(); }

        /** Files skipped under ignoreMissingFiles / ignoreCorruptFiles, with why. */
        public synchronized List<SkippedFile> skippedFiles() { return List.copyOf(skippedFiles); }
    }

    private final List<QueryRun> queries = new ArrayList<>();
    private volatile QueryRun current;

    @Override public synchronized void onQueryStart(long queryId, String description, ExecNode root) {
        current = new QueryRun(queryId, description, root, System.nanoTime());
        queries.add(current);
    }

    @Override public synchronized void onQueryEnd(long queryId, Throwable failure) {
        for (QueryRun q : queries) {
            if (q.id == queryId) {
                q.endNanos = System.nanoTime();
                q.failure = failure == null ? null : failure.getMessage();
            }
        }
        if (current != null && current.id == queryId) current = null;
    }

    @Override public void onProgress(long jobId, long bytesDelta, long rowsDelta) {
        QueryRun q = current;
        if (q != null) q.bytesRead.addAndGet(bytesDelta);
    }

    @Override public void onTaskTimed(long jobId, String stage, int partition, String worker, long startNanos, long endNanos,
                                      boolean succeeded) {
        QueryRun q = current;
        if (q == null) return;
        synchronized (q) {
            q.tasks.add(new TaskRun(stage, partition, worker, startNanos, endNanos, succeeded));
        }
    }

    @Override public void onFileSkipped(long jobId, String path, String code, String reason) {
        QueryRun q = current;
        if (q == null) return;
        synchronized (q) {
            q.skippedFiles.add(new SkippedFile(path, code, reason));
        }
    }

    public synchronized List<QueryRun> queries() { return List.copyOf(queries); }
}
