package dev.sluice.io;

/**
 * One attempt of one write task: the private directory its files go to until it commits (a committer
 * without rename may use the directory only as the attempt's name). A retried task
 * gets a new attempt with a new directory, so a failed attempt's files can never leak into the output.
 * Used by one thread.
 */
public final class TaskAttempt {
    private final int partition;
    private final int attempt;
    private final String directory;
    private int nextFile;
    private boolean finished;
    private int bucket = -1;

    public TaskAttempt(int partition, int attempt, String directory) {
        this.partition = partition;
        this.attempt = attempt;
        this.directory = directory;
    }

    public int partition() { return partition; }

    public int attempt() { return attempt; }

    /** Where this attempt writes its files. */
    public String directory() { return directory; }

    /** The next file number of this attempt (000, 001, ...), for its file names. */
    public int takeFileIndex() { return nextFile++; }

    /** This task writes bucket {@code id} of a bucketed table: its file names carry the id. */
    public void writesBucket(int id) {
        if (id < 0) throw new IllegalArgumentException("negative bucket id " + id);
        bucket = id;
    }

    /**
     * The name of this task's next file: {@code part-<partition>-<jobId>.c<n>.<extension>}, for a bucket
     * {@code part-<partition>-<jobId>_<bucket>.c<n>.<extension>}: the {@code _00003} Spark's BucketingUtils reads
     * the bucket id from ({@code .*_(\d+)(?:\..*)?$}). n counts from 000, so a task's files sort in writing order.
     */
    public String nextFileName(String jobId, String extension) {
        String bucketSuffix = bucket < 0 ? "" : "_" + ZeroPadded.of(bucket, 5);
        return "part-" + ZeroPadded.of(partition, 5) + "-" + jobId + bucketSuffix + ".c" + ZeroPadded.of(takeFileIndex(), 3)
                + "." + extension;
    }

    public boolean finished() { return finished; }

    /** Marks the attempt committed or aborted: no more files. */
    public void finish() { finished = true; }

    @Override public String toString() { return "task " + partition + " attempt " + attempt; }
}
