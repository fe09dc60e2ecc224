package dev.sluice.glue.job;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.glue.GlueContext;
import dev.sluice.io.FileStatus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Glue's Job: {@code init(name, args)} loads the job's bookmark, {@code commit()} saves what this run's sources
 * processed (with {@code job-bookmark-enable}). Sources with a transformationContext then read only files that
 * no committed run processed with the same modification time; with {@code job-bookmark-pause} they read what
 * is new (or the runs between {@code job-bookmark-from} and {@code -to}) and nothing is saved; with
 * {@code job-bookmark-disable} (the default) they read everything. A run that fails before commit() changes
 * nothing.
 */
public final class Job {
    private final GlueContext glueContext;
    private String name;
    private String option = "job-bookmark-disable";
    private String from, to;
    private BookmarkState state;
    private String runId;
    private final Map<String, Map<String, Long>> processed = new LinkedHashMap<>();
    private final Map<String, Long> counters = new LinkedHashMap<>();
    private final Map<String, BookmarkState.KeyMark> keyMarks = new LinkedHashMap<>();
    private boolean committed;

    public Job(GlueContext glueContext) { this.glueContext = glueContext; }

    public Job init(String jobName, Map<String, String> args) {
        this.name = jobName;
        this.option = args.getOrDefault("job_bookmark_option", args.getOrDefault("job-bookmark-option", "job-bookmark-disable"));
        this.from = args.getOrDefault("job_bookmark_from", args.get("job-bookmark-from"));
        this.to = args.getOrDefault("job_bookmark_to", args.get("job-bookmark-to"));
        this.runId = args.getOrDefault("JOB_RUN_ID", "jr_" + java.util.UUID.randomUUID().toString().replace("-", ""));
        this.state = glueContext.bookmarkStore().load(jobName);
        glueContext.setJob(this);
        return this;
    }

    public boolean isInitialized() { return name != null; }

    public String name() { return name; }

    public String runId() { return runId; }

    public String bookmarkOption() { return option; }

    /** Saves the bookmark (enable only): what this run's sources read counts as processed from now on. */
    public void commit() {
        if (name == null) throw SluiceException.of(ErrorCode.GLUE_BOOKMARK_ERROR).with("job", "(none)").with("reason", "commit() before init()").build();
        if (committed) return;
        if (option.equals("job-bookmark-enable")) {
            glueContext.bookmarkStore().save(state.committed(runId, processed, keyMarks, counters), state.version());
        }
        committed = true;
    }

    /**
     * The files a source reads in this run, from the files it lists: bookmark filtering by transformationContext,
     * then maxBand/maxFilesInBand, then bounded execution. Records the choice for commit().
     */
    public synchronized List<FileStatus> select(String context, List<FileStatus> files, long maxBand, long maxFilesInBand,
                                                long boundedFiles, long boundedSize) {
        boolean tracked = context != null && !context.isEmpty() && !option.equals("job-bookmark-disable");
        List<FileStatus> chosen = new ArrayList<>();
        if (!tracked) {
            chosen.addAll(files);
        } else if (option.equals("job-bookmark-pause") && from != null) {
            long fromRun = runNumber(from), toRun = runNumber(to);
            Map<String, Long> window = state.processed(context, fromRun, toRun);
            for (FileStatus f : files) if (Long.valueOf(f.modificationTime()).equals(window.get(f.path()))) chosen.add(f);
        } else {
            Map<String, Long> done = state.processed(context, -1, Long.MAX_VALUE);
            for (FileStatus f : files) if (!Long.valueOf(f.modificationTime()).equals(done.get(f.path()))) chosen.add(f);
            chosen = band(chosen, maxBand, maxFilesInBand);
        }
        chosen = bounded(chosen, boundedFiles, boundedSize);
        if (tracked) {
            Map<String, Long> mine = processed.computeIfAbsent(context, k -> new LinkedHashMap<>());
            for (FileStatus f : chosen) mine.put(f.path(), f.modificationTime());
        }
        return chosen;
    }

    /**
     * The key range a bookmarked JDBC source reads in this run: rows beyond {@code after} (null: from the start) up to
     * {@code upTo}; {@code fixedUpTo} when the range's end is given (job-bookmark-pause with -from/-to; null upTo
     * then means nothing to read), else the source reads up to the table's current last key. Null when the job keeps
     * no state for {@code context} (disabled, or no transformationContext): the whole table is read.
     */
    public record KeyWindow(BookmarkState.KeyMark after, BookmarkState.KeyMark upTo, boolean fixedUpTo) {}

    public synchronized KeyWindow keyWindow(String context) {
        if (context == null || context.isEmpty() || option.equals("job-bookmark-disable")) return null;
        if (option.equals("job-bookmark-pause") && from != null) {
            return new KeyWindow(state.keyMark(context, runNumber(from)), state.keyMark(context, runNumber(to)), true);
        }
        return new KeyWindow(state.keyMark(context, Long.MAX_VALUE), null, false);
    }

    /** Records the last key a JDBC source reads in this run, saved by commit() (with job-bookmark-enable). */
    public synchronized void recordKeys(String context, BookmarkState.KeyMark mark) {
        if (context == null || context.isEmpty() || mark == null) return;
        keyMarks.put(context, mark);
    }

    /**
     * The last value a counter of this bookmark reached (relationalize's join keys, by transformationContext and
     * table), 0 when none; null when the job does not keep state for {@code context} (disabled, or no context).
     */
    public synchronized Long counter(String context, String name) {
        if (context == null || context.isEmpty() || option.equals("job-bookmark-disable")) return null;
        String key = context + ":" + name;
        return counters.getOrDefault(key, state.counters().getOrDefault(key, 0L));
    }

    /** Records a counter's new value, saved by commit() (with job-bookmark-enable). */
    public synchronized void setCounter(String context, String name, long value) {
        if (context == null || context.isEmpty()) return;
        counters.put(context + ":" + name, value);
    }

    private long runNumber(String id) {
        long n = state.runNumberOf(id);
        if (n < 0) throw SluiceException.of(ErrorCode.GLUE_BOOKMARK_ERROR).with("job", name).with("reason", "no committed run " + id).build();
        return n;
    }

    /** Files modified within the last maxBand ms: at most maxFilesInBand of them (oldest first); 0 = no limit. */
    static List<FileStatus> band(List<FileStatus> files, long maxBand, long maxFilesInBand) {
        if (maxFilesInBand <= 0) return files;
        long edge = System.currentTimeMillis() - maxBand;
        List<FileStatus> old = new ArrayList<>(), recent = new ArrayList<>();
        for (FileStatus f : files) (f.modificationTime() > edge ? recent : old).add(f);
        recent.sort(Comparator.comparingLong(FileStatus::modificationTime).thenComparing(FileStatus::path));
        List<FileStatus> out = new ArrayList<>(old);
        out.addAll(recent.subList(0, (int) Math.min(recent.size(), maxFilesInBand)));
        out.sort(Comparator.comparing(FileStatus::path));
        return out;
    }

    /** Bounded execution: the oldest files first, at most boundedFiles of them or about boundedSize bytes (at least one). */
    public static List<FileStatus> bounded(List<FileStatus> files, long boundedFiles, long boundedSize) {
        if (boundedFiles <= 0 && boundedSize <= 0) return files;
        List<FileStatus> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparingLong(FileStatus::modificationTime).thenComparing(FileStatus::path));
        List<FileStatus> out = new ArrayList<>();
        long bytes = 0;
        for (FileStatus f : sorted) {
            if (boundedFiles > 0 && out.size() >= boundedFiles) break;
            if (boundedSize > 0 && !out.isEmpty() && bytes + f.size() > boundedSize) break;
            out.add(f);
            bytes += f.size();
        }
        out.sort(Comparator.comparing(FileStatus::path));
        return out;
    }
}
