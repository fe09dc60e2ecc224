package dev.sluice.exec;

import java.util.List;

/** Several listeners as one (a command line's progress display and a job report, say). */
public final class JobListeners {
    private JobListeners() {}

    public static JobListener combine(JobListener... listeners) {
        List<JobListener> all = List.of(listeners);
        return new JobListener() {
            @Override public void onJobStart(long jobId, String description, int totalTasks, long totalBytes) {
                for (JobListener l : all) l.onJobStart(jobId, description, totalTasks, totalBytes);
            }

            @Override public void onProgress(long jobId, long bytesDelta, long rowsDelta) {
                for (JobListener l : all) l.onProgress(jobId, bytesDelta, rowsDelta);
            }

            @Override public void onTaskEnd(long jobId, int partition, boolean succeeded) {
                for (JobListener l : all) l.onTaskEnd(jobId, partition, succeeded);
            }

            @Override public void onQueryStart(long queryId, String description, ExecNode root) {
                for (JobListener l : all) l.onQueryStart(queryId, description, root);
            }

            @Override public void onQueryEnd(long queryId, Throwable failure) {
                for (JobListener l : all) l.onQueryEnd(queryId, failure);
            }

            @Override public void onTaskTimed(long jobId, String stage, int partition, String worker, long startNanos,
                                              long endNanos, boolean succeeded) {
                for (JobListener l : all) l.onTaskTimed(jobId, stage, partition, worker, startNanos, endNanos, succeeded);
            }

            @Override public void onJobEnd(long jobId, Throwable failure) {
                for (JobListener l : all) l.onJobEnd(jobId, failure);
            }

            @Override public void onFileSkipped(long jobId, String path, String code, String reason) {
                for (JobListener l : all) l.onFileSkipped(jobId, path, code, reason);
            }
        };
    }
}
