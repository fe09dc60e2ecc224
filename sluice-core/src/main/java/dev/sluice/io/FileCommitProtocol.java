package dev.sluice.io;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Makes a file write atomic per job: readers of the target see all of a job's files or none, and a failed
 * or cancelled job leaves the target exactly as it was.
 *
 * <pre>
 * &lt;parent&gt;/.&lt;name&gt;.sluice-staging-&lt;jobId&gt;/     a sibling of the target: same file system, so renames are cheap
 *     tasks/00003-7/part-00003-&lt;jobId&gt;.c000.json     attempt 7 of task 3 writes here
 *     committed/00003/                              task commit: one atomic rename of its directory
 *     output/                                       job commit gathers the files and _SUCCESS here,
 * &lt;parent&gt;/&lt;name&gt;/                                   then renames output onto the target
 * </pre>
 *
 * Overwrite renames the old target aside ({@code .<name>.sluice-old-<jobId>}) and deletes it only after the
 * new one is in place; append moves the files into the existing target (undoing the moves if one fails).
 * A job setup on the same target first cleans what crashed jobs left: it deletes their staging directories
 * and, if a crash came between the two renames of an overwrite, puts the old target back. Staging
 * directories of jobs still running in this JVM are left alone.
 *
 * <p>Call order: {@link #setupJob}, then per task {@link #setupTask}, {@link #newTaskFile}…,
 * {@link #commitTask} or {@link #abortTask}; then {@link #commitJob} or {@link #abortJob}. Tasks may run
 * on different threads; job calls come from one.
 */
public final class FileCommitProtocol implements JobCommitter {
    public static final String SUCCESS_MARKER = "_SUCCESS";
    private static final String STAGING_INFIX = ".sluice-staging-";
    private static final String OLD_INFIX = ".sluice-old-";
    private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9_-]+");
    /** Staging directories of the jobs running in this JVM: never cleaned up as stale. */
    private static final Set<String> ACTIVE = ConcurrentHashMap.newKeySet();

    private enum State { NEW, SET_UP, SKIPPED, COMMITTED, ABORTED }

    private final Storage storage;
    private final String target;
    private final String parent;
    private final String name;
    private final SaveMode mode;
    private final String jobId;
    private final String staging;
    private final String tasksDir;
    private final String committedDir;
    private final String outputDir;
    private final String oldDir;
    private final AtomicInteger attempts = new AtomicInteger();
    private volatile State state = State.NEW;

    public FileCommitProtocol(Storage storage, String target, SaveMode mode, String jobId) {
        this.storage = requireNonNull(storage, "storage");
        this.mode = requireNonNull(mode, "mode");
        this.jobId = requireNonNull(jobId, "jobId");
        if (!JOB_ID.matcher(jobId).matches()) throw new IllegalArgumentException("job id must be [A-Za-z0-9_-]+: " + jobId);
        this.target = StoragePaths.normalize(requireNonNull(target, "target"));
        this.name = StoragePaths.name(this.target);
        if (name.isEmpty() || name.equals("/") || name.equals(".") || name.equals("..")) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "write")
                    .with("reason", "cannot write to " + target + ": name a directory to hold the output files")
                    .build();
        }
        this.parent = StoragePaths.parent(this.target);
        this.staging = StoragePaths.join(parent, "." + name + STAGING_INFIX + jobId);
        this.tasksDir = StoragePaths.join(staging, "tasks");
        this.committedDir = StoragePaths.join(staging, "committed");
        this.outputDir = StoragePaths.join(staging, "output");
        this.oldDir = StoragePaths.join(parent, "." + name + OLD_INFIX + jobId);
    }

    /** A fresh job id for file names: unique across runs, so appends never collide. */
    public static String newJobId() { return UUID.randomUUID().toString(); }

    public String target() { return target; }

    public String jobId() { return jobId; }

    public SaveMode mode() { return mode; }

    /** The job's staging directory (for tests and diagnostics). */
    public String stagingDirectory() { return staging; }

    /**
     * Prepares the job. Returns false when the save mode says to skip it (IGNORE and the target exists):
     * then nothing was written and no other method may be called. ERROR_IF_EXISTS with an existing target
     * fails with PATH_ALREADY_EXISTS.
     */
    public boolean setupJob() {
        if (state != State.NEW) throw SluiceException.internal("setupJob called twice for job " + jobId);
        if (!ACTIVE.add(staging)) throw SluiceException.internal("job id " + jobId + " is already writing " + target);
        try {
            recoverCrashedJobs();
            if (storage.exists(target)) {
                switch (mode) {
                    case ERROR_IF_EXISTS -> throw alreadyExists();
                    case IGNORE -> {
                        state = State.SKIPPED;
                        ACTIVE.remove(staging);
                        return false;
                    }
                    case APPEND -> requireDirectoryTarget();
                    case OVERWRITE -> { }
                }
            }
            storage.mkdirs(tasksDir);
            storage.mkdirs(committedDir);
            state = State.SET_UP;
            return true;
        } catch (RuntimeException e) {
            ACTIVE.remove(staging);
            state = State.ABORTED;
            try {
                storage.deleteRecursively(staging);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Starts one attempt of task {@code partition}: a new private directory. */
    public TaskAttempt setupTask(int partition) {
        if (partition < 0) throw new IllegalArgumentException("negative partition " + partition);
        requireRunning();
        int attempt = attempts.incrementAndGet();
        String dir = StoragePaths.join(tasksDir, String.format(Locale.ROOT, "%05d-%d", partition, attempt));
        storage.mkdirs(dir);
        return new TaskAttempt(partition, attempt, dir);
    }

    /**
     * The path of the task's next output file, {@code part-<partition>-<jobId>.c<n>.<extension>} with n
     * counting from 000, so the files of a task sort in the order they were written.
     */
    public String newTaskFile(TaskAttempt task, String extension) { return newTaskFile(task, extension, ""); }

    /**
     * A new file of the task inside {@code subdirectory} of the output (a partition directory such as
     * {@code year=2026/month=11}; empty for the top level).
     */
    public String newTaskFile(TaskAttempt task, String extension, String subdirectory) {
        requireRunning();
        if (task.finished()) throw SluiceException.internal(task + " already committed or aborted");
        String file = String.format(Locale.ROOT, "part-%05d-%s.c%03d.%s", task.partition(), jobId,
                task.takeFileIndex(), extension);
        String dir = subdirectory.isEmpty() ? task.directory() : StoragePaths.join(task.directory(), subdirectory);
        return StoragePaths.join(dir, file);
    }

    /** The files under {@code dir} at any depth, as paths relative to it, sorted. */
    private List<String> relativeFiles(String dir) {
        List<String> out = new ArrayList<>();
        collectRelative(dir, "", out);
        java.util.Collections.sort(out);
        return out;
    }

    private void collectRelative(String dir, String prefix, List<String> out) {
        for (FileStatus f : storage.list(dir)) {
            String rel = prefix.isEmpty() ? f.name() : prefix + "/" + f.name();
            if (f.directory()) collectRelative(f.path(), rel, out);
            else out.add(rel);
        }
    }

    /** Moves {@code relative} from {@code fromDir} to {@code toDir}, creating its directories. */
    private String moveRelative(String fromDir, String toDir, String relative) {
        String dest = StoragePaths.join(toDir, relative);
        String parent = StoragePaths.parent(dest);
        if (!storage.exists(parent)) storage.mkdirs(parent);
        storage.rename(StoragePaths.join(fromDir, relative), dest);
        return dest;
    }

    /** Commits a task's files with one atomic rename of its directory; returns their names. */
    public List<String> commitTask(TaskAttempt task) {
        requireRunning();
        if (task.finished()) throw SluiceException.internal(task + " already committed or aborted");
        List<String> files = relativeFiles(task.directory());
        String dest = committedPartition(task.partition());
        if (storage.exists(dest)) {
            throw SluiceException.internal("partition " + task.partition() + " of job " + jobId + " committed twice");
        }
        storage.rename(task.directory(), dest);
        task.finish();
        return files;
    }

    /** Removes a failed task's files. Safe to call after any failure, and more than once. */
    public void abortTask(TaskAttempt task) {
        task.finish();
        storage.deleteRecursively(task.directory());
    }

    /**
     * Publishes the committed tasks {@code partitions} (tasks not listed are discarded) and writes
     * {@code _SUCCESS}. On failure the target is left as it was, the staging directory is removed, and the
     * error is rethrown.
     */
    public void commitJob(List<Integer> partitions) {
        requireRunning();
        try {
            publish(new TreeSet<>(partitions));
            state = State.COMMITTED;
        } catch (RuntimeException e) {
            try {
                abortJob();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        ACTIVE.remove(staging);
        try {
            storage.deleteRecursively(staging);
        } catch (RuntimeException ignored) {
            // the data is published; the next job on this target removes the leftover staging directory
        }
    }

    /**
     * Undoes the job: removes the staging directory and, if a failed commit had moved the old target aside,
     * puts it back. Does nothing after a successful commit; safe to call more than once.
     */
    public void abortJob() {
        if (state == State.COMMITTED || state == State.SKIPPED || state == State.ABORTED) return;
        state = State.ABORTED;
        try {
            if (storage.exists(oldDir) && !storage.exists(target)) storage.rename(oldDir, target);
            storage.deleteRecursively(staging);
        } finally {
            ACTIVE.remove(staging);
        }
    }

    private void publish(TreeSet<Integer> partitions) {
        for (int p : partitions) {
            if (!storage.exists(committedPartition(p))) {
                throw SluiceException.internal("task " + p + " of job " + jobId + " was reported committed but its files are missing from " + staging);
            }
        }
        boolean targetExists = storage.exists(target);
        if (targetExists && (mode == SaveMode.ERROR_IF_EXISTS || mode == SaveMode.IGNORE)) {
            throw alreadyExists();   // created by someone else while this job ran
        }
        if (targetExists && mode == SaveMode.APPEND) {
            appendInto(partitions);
            return;
        }
        storage.mkdirs(outputDir);
        for (int p : partitions) {
            String from = committedPartition(p);
            for (String rel : relativeFiles(from)) moveRelative(from, outputDir, rel);
        }
        writeMarker(StoragePaths.join(outputDir, SUCCESS_MARKER));
        if (!targetExists) {
            storage.rename(outputDir, target);
            return;
        }
        storage.rename(target, oldDir);   // overwrite: keep the old data until the new data is in place
        try {
            storage.rename(outputDir, target);
        } catch (RuntimeException e) {
            try {
                storage.rename(oldDir, target);
            } catch (RuntimeException restore) {
                e.addSuppressed(restore);   // abortJob tries again
            }
            throw e;
        }
        try {
            storage.deleteRecursively(oldDir);
        } catch (RuntimeException ignored) {
            // the new data is in place; the next job on this target deletes the old copy
        }
    }

    /** Moves the files in one by one; if a move fails, the files already moved are taken out again. */
    private void appendInto(TreeSet<Integer> partitions) {
        requireDirectoryTarget();
        List<String> moved = new ArrayList<>();
        String marker = StoragePaths.join(target, SUCCESS_MARKER);
        boolean markerCreated = false;
        try {
            for (int p : partitions) {
                String from = committedPartition(p);
                for (String rel : relativeFiles(from)) moved.add(moveRelative(from, target, rel));
            }
            if (!storage.exists(marker)) {
                markerCreated = true;
                writeMarker(marker);
            }
        } catch (RuntimeException e) {
            if (markerCreated) moved.add(marker);
            for (String dest : moved) {
                try {
                    storage.deleteRecursively(dest);
                } catch (RuntimeException undo) {
                    e.addSuppressed(undo);
                }
            }
            throw e;
        }
    }

    private void writeMarker(String path) {
        try (OutputStream out = storage.create(path)) {
            out.flush();
        } catch (IOException e) {
            throw IoErrors.io(path, e);
        }
    }

    /** Removes what crashed jobs on this target left behind (see the class comment). */
    private void recoverCrashedJobs() {
        if (!storage.exists(parent)) return;
        String stagingPrefix = "." + name + STAGING_INFIX;
        String oldPrefix = "." + name + OLD_INFIX;
        for (FileStatus entry : storage.list(parent)) {
            String entryName = entry.name();
            if (entryName.startsWith(oldPrefix)) {
                String crashedJob = entryName.substring(oldPrefix.length());
                if (ACTIVE.contains(StoragePaths.join(parent, stagingPrefix + crashedJob))) continue;
                if (!storage.exists(target)) storage.rename(entry.path(), target);   // crashed mid-overwrite
                else storage.deleteRecursively(entry.path());
            }
        }
        for (FileStatus entry : storage.list(parent)) {
            if (entry.name().startsWith(stagingPrefix) && !ACTIVE.contains(entry.path()) && !entry.path().equals(staging)) {
                storage.deleteRecursively(entry.path());
            }
        }
    }

    private void requireDirectoryTarget() {
        if (!storage.status(target).directory()) {
            throw IoErrors.io(target, "it is a file, so files cannot be appended into it; write to a directory, "
                    + "or use mode(\"overwrite\") to replace it");
        }
    }

    private void requireRunning() {
        State s = state;
        if (s == State.SET_UP) return;
        if (s == State.ABORTED) throw SluiceException.of(ErrorCode.JOB_CANCELLED).build();
        throw SluiceException.internal("job " + jobId + " writing " + target + " is " + s + ", not set up");
    }

    private String committedPartition(int partition) {
        return StoragePaths.join(committedDir, String.format(Locale.ROOT, "%05d", partition));
    }

    private SluiceException alreadyExists() {
        return SluiceException.of(ErrorCode.PATH_ALREADY_EXISTS).with("path", target).build();
    }
}
