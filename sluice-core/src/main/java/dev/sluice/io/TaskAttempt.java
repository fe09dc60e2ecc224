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

    public boolean finished() { return finished; }

    /** Marks the attempt committed or aborted: no more files. */
    public void finish() { finished = true; }

    @Override public String toString() { return "task " + partition + " attempt " + attempt; }
}
