package dev.sluice.cli;

import dev.sluice.exec.ExecNode;
import dev.sluice.exec.JobListener;
import dev.sluice.exec.Metered;
import dev.sluice.exec.OperatorMetrics;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Shows the progress of running jobs: the job (stage), tasks (partitions) done of total, rows and bytes read, elapsed
 * time and an estimate of the time left. On a terminal: one line redrawn in place with {@code \r} about ten times a
 * second, starting once the job has run for {@link #FIRST_FRAME_DELAY} (a quick action draws no bar). Otherwise (a
 * pipe, a CI log): plain lines, at most one every two seconds, because {@code \r} frames turn into garbage in a log
 * file. Every job ends with one summary line in both modes.
 *
 * <p>Listener calls come from worker threads; they only bump counters, and the thread that wins the
 * compare-and-set on the next render time draws the line, so workers never queue behind the output.
 */
final class ProgressDisplay implements JobListener {
    static final long INTERACTIVE_INTERVAL = TimeUnit.MILLISECONDS.toNanos(100);
    static final long PLAIN_INTERVAL = TimeUnit.SECONDS.toNanos(2);
    /** On a terminal, the first frame waits this long: a bar flashing for a 50 ms action is noise. */
    static final long FIRST_FRAME_DELAY = TimeUnit.SECONDS.toNanos(1);
    private static final int BAR_WIDTH = 24;

    private final PrintWriter out;
    private final boolean interactive;
    private final LongSupplier nanoClock;
    private final long interval;
    private final Map<Long, JobState> jobs = new ConcurrentHashMap<>();
    /** The operators of the queries running now: their metrics say how much they spilled. */
    private final Map<Long, ExecNode> queries = new ConcurrentHashMap<>();
    private final AtomicLong nextRender = new AtomicLong(Long.MIN_VALUE);
    private int lastLineLength;   // guarded by this; the width to blank out when redrawing
    private volatile long minSummaryNanos;

    ProgressDisplay(PrintWriter out, boolean interactive, LongSupplier nanoClock) {
        this.out = out;
        this.interactive = interactive;
        this.nanoClock = nanoClock;
        this.interval = interactive ? INTERACTIVE_INTERVAL : PLAIN_INTERVAL;
    }

    /**
     * Leaves out the summary line of a job that succeeded in less than {@code nanos} and drew no progress line:
     * {@code sluice cat} prints a table, not a line about a 50 ms scan. Failed jobs always get their summary.
     */
    ProgressDisplay withoutSummariesUnder(long nanos) {
        this.minSummaryNanos = nanos;
        return this;
    }

    /** Interactive when the JVM has a console (both stdin and stdout are a terminal). */
    static ProgressDisplay forTerminal(PrintWriter out) {
        return new ProgressDisplay(out, System.console() != null, System::nanoTime);
    }

    /** Counters of one job; written by workers, read by whichever thread renders. */
    private static final class JobState {
        final long id;
        final String description;
        final int totalTasks;
        final long totalBytes;
        final long startNanos;
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong rows = new AtomicLong();
        final AtomicLong tasksDone = new AtomicLong();
        final AtomicLong tasksFailed = new AtomicLong();
        final AtomicLong filesSkipped = new AtomicLong();
        volatile boolean shown;

        JobState(long id, String description, int totalTasks, long totalBytes, long startNanos) {
            this.id = id;
            this.description = description;
            this.totalTasks = totalTasks;
            this.totalBytes = totalBytes;
            this.startNanos = startNanos;
        }
    }

    @Override
    public void onJobStart(long jobId, String description, int totalTasks, long totalBytes) {
        long now = nanoClock.getAsLong();
        jobs.put(jobId, new JobState(jobId, description == null ? "job" : description, totalTasks, totalBytes, now));
        // the first frame only after a delay, so quick jobs print just their summary
        nextRender.set(now + (interactive ? FIRST_FRAME_DELAY : interval));
    }

    @Override
    public void onProgress(long jobId, long bytesDelta, long rowsDelta) {
        JobState job = jobs.get(jobId);
        if (job == null) return;
        job.bytes.addAndGet(bytesDelta);
        job.rows.addAndGet(rowsDelta);
        maybeRender(job);
    }

    @Override
    public void onTaskEnd(long jobId, int partition, boolean succeeded) {
        JobState job = jobs.get(jobId);
        if (job == null) return;
        (succeeded ? job.tasksDone : job.tasksFailed).incrementAndGet();
        maybeRender(job);
    }

    @Override
    public void onQueryStart(long queryId, String description, ExecNode root) {
        if (root != null) queries.put(queryId, root);
    }

    @Override
    public void onQueryEnd(long queryId, Throwable failure) { queries.remove(queryId); }

    /**
     * Bytes spilled to disk so far by the running queries (their operators' metrics, read when a line is drawn).
     * A job is one stage of a query, so the figure is the query's: it stays on the lines of its later stages.
     */
    private long spilledBytes() {
        long total = 0;
        for (ExecNode root : queries.values()) total += spilledBytes(root);
        return total;
    }

    private static long spilledBytes(ExecNode node) {
        OperatorMetrics m = Metered.metricsOf(node);
        long bytes = m == null ? 0 : m.spillBytes();
        for (ExecNode child : node.children()) bytes += spilledBytes(child);
        return bytes;
    }

    /** An input file skipped under ignoreCorruptFiles/ignoreMissingFiles: counted on the line, never silent. */
    @Override
    public void onFileSkipped(long jobId, String path, String code, String reason) {
        JobState job = jobs.get(jobId);
        if (job != null) job.filesSkipped.incrementAndGet();
    }

    @Override
    public void onJobEnd(long jobId, Throwable failure) {
        JobState job = jobs.remove(jobId);
        if (job == null) return;
        long elapsed = nanoClock.getAsLong() - job.startNanos;
        if (failure == null && !job.shown && elapsed < minSummaryNanos) return;
        String summary = job.description + ": " + (failure == null ? "done" : "FAILED") + " in " + Format.seconds(elapsed)
                + " (" + counters(job) + ")";
        synchronized (this) {
            if (interactive) {
                out.print('\r');
                out.print(padded(summary));
                out.print('\n');
                lastLineLength = 0;
            } else {
                out.println(summary);
            }
            out.flush();
        }
    }

    private void maybeRender(JobState job) {
        long now = nanoClock.getAsLong();
        long due = nextRender.get();
        if (now < due || !nextRender.compareAndSet(due, now + interval)) return;
        String line = progressLine(job, now);
        synchronized (this) {
            if (!jobs.containsKey(job.id)) return;   // the job ended meanwhile: its summary is already out
            job.shown = true;
            if (interactive) {
                out.print('\r');
                out.print(padded(line));
            } else {
                out.println(line);
            }
            out.flush();
        }
    }

    /** The line, blank-padded to cover a longer previous line (caller holds the lock). */
    private String padded(String line) {
        int previous = lastLineLength;
        lastLineLength = line.length();
        return line.length() >= previous ? line : line + " ".repeat(previous - line.length());
    }

    private String progressLine(JobState job, long now) {
        double fraction = fraction(job);
        String percent = Math.round(fraction * 100) + "%";
        long elapsedNanos = now - job.startNanos;
        String elapsed = Format.seconds(elapsedNanos);
        long left = remainingNanos(fraction, elapsedNanos);
        String eta = left < 0 ? "" : ", ~" + Format.seconds(left) + " left";
        if (!interactive) return job.description + ": " + percent + " (" + counters(job) + ", " + elapsed + eta + ")";
        int filled = (int) Math.round(fraction * BAR_WIDTH);
        return job.description + " [" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] "
                + percent + "  " + counters(job) + "  " + elapsed + (left < 0 ? "" : "  ~" + Format.seconds(left) + " left");
    }

    /**
     * The time left if the rest goes at the average pace so far; -1 (no estimate) before 1% is done, when the
     * pace says little yet.
     */
    static long remainingNanos(double fraction, long elapsedNanos) {
        if (fraction < 0.01 || fraction >= 1) return -1;
        return (long) (elapsedNanos * (1 - fraction) / fraction);
    }

    private String counters(JobState job) {
        String tasks = job.tasksDone.get() + "/" + job.totalTasks + " tasks";
        long failed = job.tasksFailed.get();
        if (failed > 0) tasks += ", " + failed + " failed";
        String bytes = job.totalBytes > 0
                ? Format.bytes(job.bytes.get()) + " of " + Format.bytes(job.totalBytes)
                : Format.bytes(job.bytes.get());
        long skipped = job.filesSkipped.get();
        long spilled = spilledBytes();
        return tasks + ", " + bytes + ", " + Format.count(job.rows.get()) + " rows"
                + (spilled > 0 ? ", " + Format.bytes(spilled) + " spilled" : "")
                + (skipped > 0 ? ", " + skipped + (skipped == 1 ? " file" : " files") + " skipped" : "");
    }

    /** Done fraction by input bytes when the total is known, else by finished tasks; never above 1. */
    static double fraction(long bytes, long totalBytes, long tasksDone, int totalTasks) {
        double f;
        if (totalBytes > 0) f = (double) bytes / totalBytes;
        else if (totalTasks > 0) f = (double) tasksDone / totalTasks;
        else f = 0;
        return Math.max(0, Math.min(1, f));
    }

    private static double fraction(JobState job) {
        return fraction(job.bytes.get(), job.totalBytes, job.tasksDone.get() + job.tasksFailed.get(), job.totalTasks);
    }
}
