package dev.sluice.io;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Makes a file write atomic and durable per job: readers of the target see all of a job's files or none, a
 * failed, cancelled or killed job leaves the target as it was (or, killed after its commit point, as the job
 * left it), and concurrent writers in other processes never lose each other's files.
 *
 * <pre>
 * &lt;parent&gt;/.&lt;name&gt;.sluice-staging-&lt;jobId&gt;/     a sibling of the target: same file system, so renames are cheap
 *     _owner                                        job id, pid, host, process start: who may still be writing here
 *     _heartbeat-&lt;n&gt;                               refreshed while the job runs (for writers on other hosts)
 *     tasks/00003-7/part-00003-&lt;jobId&gt;.c000.json     attempt 7 of task 3 writes here
 *     committed/00003/                              task commit: one atomic rename of its directory
 *     output/                                       a new target: the files and _SUCCESS, renamed onto the target
 * &lt;parent&gt;/.&lt;name&gt;.sluice-lock                     held while a job publishes (one publisher per target at a time)
 * &lt;parent&gt;/&lt;name&gt;/                                   the target
 *     _sluice_pending_&lt;jobId&gt;                      the job is moving files in: readers skip its files
 *     _sluice_overwrite_&lt;jobId&gt;                    an overwrite committed: readers see only its files
 *     _sluice_replace_&lt;jobId&gt;                      a dynamic partition overwrite committed: in the partition
 *                                                   directories it wrote, readers see only its files
 * </pre>
 *
 * A new target is published by one atomic rename of {@code output/}. Into an existing directory (append and
 * overwrite) the job publishes in place under the lock, following {@link CommitMarkers}: it writes its pending
 * marker, moves its files in, writes {@code _SUCCESS}, fsyncs, and then commits with one atomic step (append:
 * deleting the pending marker; overwrite: creating the overwrite marker, after which the old files are deleted
 * and the marker removed). So the target never disappears during an overwrite, and a reader never sees half
 * an append. A process killed at any point is recovered by the next writer of the target, under the lock: a
 * pending job is rolled back, a committed overwrite is finished. Staging directories of other jobs are removed
 * only when their owner is dead ({@link WriterOwner}), never a live writer's. A file target replaced by an
 * overwrite is renamed aside first ({@code .<name>.sluice-old-<jobId>}), as before.
 *
 * <p>A dynamic partition overwrite (Spark's {@code partitionOverwriteMode=dynamic}) publishes like an overwrite, but
 * its commit point is the marker {@code _sluice_replace_<jobId>}: every partition directory the job wrote a file into
 * is replaced (only the job's files stay there, sub-directories included), all at that one step; the partitions it did
 * not write keep their files. A killed job is finished or rolled back by the next writer as an overwrite is.
 *
 * <p>A task's files are made durable (fsync) off its thread, after its commit's rename ({@link BackgroundSyncs}): they
 * only have to be durable before the job's first publishing step, which waits for every sync and fails the job on
 * the first failure; a job that never publishes is discarded whole.
 *
 * <p>Storage-facing operations all go through {@link Storage}; this protocol needs {@link Storage#atomicRename()}
 * for its commit points. A storage without atomic rename plugs its own committer (see {@link WriteJob}).
 *
 * <p>Call order: {@link #setupJob}, then per task {@link #setupTask}, {@link #newTaskFile}…,
 * {@link #commitTask} or {@link #abortTask}; then {@link #commitJob} or {@link #abortJob}. Tasks may run
 * on different threads; job calls come from one.
 */
public final class FileCommitProtocol implements JobCommitter {
    public static final String SUCCESS_MARKER = "_SUCCESS";
    private static final String STAGING_INFIX = ".sluice-staging-";
    private static final String OLD_INFIX = ".sluice-old-";
    private static final String LOCK_SUFFIX = ".sluice-lock";
    private static final String OWNER_FILE = "_owner";
    private static final String HEARTBEAT_PREFIX = "_heartbeat-";
    private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9_-]+");
    /** A staging directory without an owner file younger than this may be one being created right now. */
    private static final long OWNERLESS_GRACE_MILLIS = 60_000L;
    private static final long HEARTBEAT_SECONDS = 20;
    /** How long a commit waits for another writer's lock on the same target: property sluice.write.lockTimeoutMillis. */
    private static final long LOCK_TIMEOUT_MILLIS = Long.getLong("sluice.write.lockTimeoutMillis", 10 * 60_000L);
    /** Staging directories of the jobs running in this JVM: never cleaned up as stale. */
    private static final Set<String> ACTIVE = ConcurrentHashMap.newKeySet();
    private static final ScheduledExecutorService HEARTBEATS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sluice-write-heartbeat");
        t.setDaemon(true);
        return t;
    });

    private enum State { NEW, SET_UP, SKIPPED, COMMITTED, ABORTED }

    private final Storage storage;
    private final String target;
    private final String parent;
    private final String name;
    private final SaveMode mode;
    private final boolean replacePartitions;
    private final String jobId;
    private final String staging;
    private final String tasksDir;
    private final String committedDir;
    private final String outputDir;
    private final String oldDir;
    private final String lockFile;
    private final WriterOwner owner;
    private final BackgroundSyncs syncs;
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger heartbeat = new AtomicInteger();
    private volatile State state = State.NEW;
    private ScheduledFuture<?> heartbeatTask;

    public FileCommitProtocol(Storage storage, String target, SaveMode mode, String jobId) {
        this(storage, target, mode, false, jobId);
    }

    /**
     * As above; {@code replacePartitions} (with {@link SaveMode#OVERWRITE} only): a dynamic partition overwrite, which
     * replaces only the partition directories the job writes files into.
     */
    public FileCommitProtocol(Storage storage, String target, SaveMode mode, boolean replacePartitions, String jobId) {
        this.storage = requireNonNull(storage, "storage");
        this.mode = requireNonNull(mode, "mode");
        if (replacePartitions && mode != SaveMode.OVERWRITE) throw new IllegalArgumentException("replacing partitions needs mode OVERWRITE, not " + mode);
        this.replacePartitions = replacePartitions;
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
        this.lockFile = StoragePaths.join(parent, "." + name + LOCK_SUFFIX);
        this.owner = WriterOwner.current(jobId);
        this.syncs = new BackgroundSyncs(this.storage);
    }

    /**
     * A fresh job id for file names: unique across runs, so appends never collide. It has a random UUID's form
     * (version 4) but not its source: {@link UUID#randomUUID()}'s first call initializes the security providers and
     * a {@code SecureRandom}, 20-30 ms of CPU on every write's critical path (the main thread, before any task
     * starts) for unpredictability a file name does not need. The bits come from {@link ThreadLocalRandom} (seeded
     * from the clocks) mixed with a per-JVM salt of the process id and the clocks at class initialization.
     */
    public static String newJobId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() ^ JobIdSalt.HIGH) & ~0xF000L | 0x4000L;                       // version 4
        long low = (random.nextLong() ^ JobIdSalt.LOW) & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;  // IETF variant
        return new UUID(high, low).toString();
    }

    /** The per-JVM half of {@link #newJobId()}'s bits: two JVMs started in the same instant differ by process id. */
    private static final class JobIdSalt {
        static final long HIGH = mix(ProcessHandle.current().pid() * 0x9E3779B97F4A7C15L ^ System.currentTimeMillis());
        static final long LOW = mix(System.nanoTime() ^ System.identityHashCode(JobIdSalt.class));

        /** Stafford's variant 13 of the SplitMix64 finalizer. */
        private static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }
    }

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
            removeDeadStaging();
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
            owner.writeTo(storage, StoragePaths.join(staging, OWNER_FILE));   // creates the staging directory
            storage.mkdirs(tasksDir);
            storage.mkdirs(committedDir);
            heartbeatTask = HEARTBEATS.scheduleWithFixedDelay(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
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
        String dir = StoragePaths.join(tasksDir, ZeroPadded.of(partition, 5) + "-" + attempt);
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
        String file = task.nextFileName(jobId, extension);
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

    /**
     * Moves {@code relative} from {@code fromDir} to {@code toDir}, creating its directories (recorded in
     * {@code createdDirs}, outermost first, so an undo can remove them).
     */
    private String moveRelative(String fromDir, String toDir, String relative, List<String> createdDirs) {
        String dest = StoragePaths.join(toDir, relative);
        String dir = StoragePaths.parent(dest);
        if (!storage.exists(dir)) {
            List<String> missing = new ArrayList<>();
            for (String d = dir; !d.equals(toDir) && !storage.exists(d); d = StoragePaths.parent(d)) missing.add(0, d);
            storage.mkdirs(dir);
            createdDirs.addAll(missing);
        }
        storage.rename(StoragePaths.join(fromDir, relative), dest);
        return dest;
    }

    /**
     * Commits a task's files: one atomic rename of its directory, then their fsyncs start in the background (the job
     * commit waits for them); returns their names.
     */
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
        for (String f : files) syncs.submit(StoragePaths.join(dest, f));
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
            syncs.awaitAll();   // the committed tasks' files are durable before anything is published
            acquireLock();
            try {
                recoverTarget();
                publish(new TreeSet<>(partitions));
                state = State.COMMITTED;
            } finally {
                releaseLock();
            }
        } catch (RuntimeException e) {
            try {
                abortJob();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        stopHeartbeat();
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
        stopHeartbeat();
        syncs.cancelAll();
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
        if (targetExists && storage.status(target).directory() && (mode == SaveMode.APPEND || mode == SaveMode.OVERWRITE)) {
            publishInPlace(partitions, mode == SaveMode.APPEND ? InPlace.APPEND : replacePartitions ? InPlace.REPLACE_PARTITIONS : InPlace.OVERWRITE);
            return;
        }
        if (targetExists && mode == SaveMode.APPEND) requireDirectoryTarget();
        storage.mkdirs(outputDir);
        List<String> unused = new ArrayList<>();
        for (int p : partitions) {
            String from = committedPartition(p);
            for (String rel : relativeFiles(from)) moveRelative(from, outputDir, rel, unused);
        }
        syncDirectories(outputDir);
        writeMarker(StoragePaths.join(outputDir, SUCCESS_MARKER));
        storage.sync(outputDir);
        if (!targetExists) {
            storage.rename(outputDir, target);   // the commit point of a new target
            storage.sync(parent);
            return;
        }
        // overwrite of a file target: keep the old file until the new directory is in place
        storage.rename(target, oldDir);
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
        storage.sync(parent);
        try {
            storage.deleteRecursively(oldDir);
        } catch (RuntimeException ignored) {
            // the new data is in place; the next job on this target deletes the old copy
        }
    }

    /**
     * Append or overwrite into the existing directory, all-or-nothing for readers (see the class comment). If a
     * step before the commit point fails, the files moved in are taken out again.
     */
    private enum InPlace { APPEND, OVERWRITE, REPLACE_PARTITIONS }

    private void publishInPlace(TreeSet<Integer> partitions, InPlace how) {
        String pending = StoragePaths.join(target, CommitMarkers.PENDING_PREFIX + jobId);
        String marker = StoragePaths.join(target, SUCCESS_MARKER);
        List<String> moved = new ArrayList<>();
        List<String> createdDirs = new ArrayList<>();
        boolean markerCreated = false;
        createMarker(pending);
        storage.sync(target);
        try {
            for (int p : partitions) {
                String from = committedPartition(p);
                for (String rel : relativeFiles(from)) moved.add(moveRelative(from, target, rel, createdDirs));
            }
            if (!storage.exists(marker)) {
                markerCreated = true;
                writeMarker(marker);
            }
            syncDirectories(target);
        } catch (RuntimeException e) {
            if (markerCreated) moved.add(marker);
            for (String dest : moved) {
                try {
                    storage.deleteRecursively(dest);
                } catch (RuntimeException undo) {
                    e.addSuppressed(undo);
                }
            }
            for (int i = createdDirs.size() - 1; i >= 0; i--) {
                try {
                    storage.deleteRecursively(createdDirs.get(i));
                } catch (RuntimeException undo) {
                    e.addSuppressed(undo);
                }
            }
            try {
                storage.deleteRecursively(pending);
            } catch (RuntimeException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
        if (how == InPlace.OVERWRITE) {
            String committed = StoragePaths.join(target, CommitMarkers.OVERWRITE_PREFIX + jobId);
            createMarker(committed);   // the commit point: readers now see only this job's files
            storage.sync(target);
            storage.deleteRecursively(pending);
            finishOverwrite(jobId);
        } else if (how == InPlace.REPLACE_PARTITIONS) {
            String committed = StoragePaths.join(target, CommitMarkers.REPLACE_PREFIX + jobId);
            createMarker(committed);   // the commit point: the partitions written now show only this job's files
            storage.sync(target);
            storage.deleteRecursively(pending);
            finishReplace(jobId);
        } else {
            storage.deleteRecursively(pending);   // the commit point: readers now see the appended files
            storage.sync(target);
        }
    }

    /** Deletes everything in the target that the overwriting job did not write, then its marker. */
    private void finishOverwrite(String overwriter) {
        deleteOthers(target, overwriter, true);
        finishMarkers(overwriter, CommitMarkers.OVERWRITE_PREFIX);
    }

    /**
     * Completes a committed dynamic partition overwrite: in every directory holding a file of {@code replacer}, deletes
     * everything the job did not write (sub-directories included); then its markers.
     */
    private void finishReplace(String replacer) {
        replaceWritten(target, replacer, true);
        finishMarkers(replacer, CommitMarkers.REPLACE_PREFIX);
    }

    /** After a replacing job's old files are gone: its pending marker, {@code _SUCCESS}, then its commit marker. */
    private void finishMarkers(String job, String commitMarkerPrefix) {
        storage.sync(target);
        storage.deleteRecursively(StoragePaths.join(target, CommitMarkers.PENDING_PREFIX + job));
        String marker = StoragePaths.join(target, SUCCESS_MARKER);
        if (!storage.exists(marker)) writeMarker(marker);
        storage.deleteRecursively(StoragePaths.join(target, commitMarkerPrefix + job));
        storage.sync(target);
    }

    private void replaceWritten(String dir, String job, boolean top) {
        List<FileStatus> entries = storage.list(dir);
        boolean written = false;
        for (FileStatus f : entries) written |= !f.directory() && CommitMarkers.writtenBy(f.name(), job);
        if (written && !top) {
            deleteOthers(dir, job, false);
            storage.sync(dir);
            return;
        }
        for (FileStatus f : entries) if (f.directory()) replaceWritten(f.path(), job, false);
    }

    /** Deletes the files under {@code dir} not written by {@code job}, and directories left empty; true if empty. */
    private boolean deleteOthers(String dir, String job, boolean top) {
        boolean empty = true;
        for (FileStatus f : storage.list(dir)) {
            if (f.directory()) {
                if (deleteOthers(f.path(), job, false)) storage.deleteRecursively(f.path());
                else empty = false;
            } else if (CommitMarkers.writtenBy(f.name(), job)
                    || (top && (f.name().equals(SUCCESS_MARKER) || f.name().startsWith(CommitMarkers.PENDING_PREFIX)
                    || f.name().startsWith(CommitMarkers.OVERWRITE_PREFIX)))) {
                empty = false;
            } else {
                storage.deleteRecursively(f.path());
            }
        }
        return empty;
    }

    /**
     * Under the lock, finishes what a killed publisher left in the target: a committed overwrite is completed,
     * a pending append or overwrite is rolled back (its files deleted). Holding the lock means no live writer
     * is publishing, so every marker found belongs to a dead one.
     */
    private void recoverTarget() {
        if (!storage.exists(target) || !storage.status(target).directory()) return;
        CommitMarkers markers = CommitMarkers.read(storage, target);
        if (markers.overwriteJob() != null) finishOverwrite(markers.overwriteJob());
        if (markers.replaceJob() != null) finishReplace(markers.replaceJob());
        for (String job : markers.pendingJobs()) {
            if (job.equals(markers.overwriteJob()) || job.equals(markers.replaceJob())) continue;
            deleteFilesOf(target, job);
            storage.deleteRecursively(StoragePaths.join(target, CommitMarkers.PENDING_PREFIX + job));
        }
        if (!markers.pendingJobs().isEmpty()) storage.sync(target);
    }

    private void deleteFilesOf(String dir, String job) {
        for (FileStatus f : storage.list(dir)) {
            if (f.directory()) deleteFilesOf(f.path(), job);
            else if (CommitMarkers.writtenBy(f.name(), job)) storage.deleteRecursively(f.path());
        }
    }

    private void syncDirectories(String dir) {
        for (FileStatus f : storage.list(dir)) if (f.directory()) syncDirectories(f.path());
        storage.sync(dir);
    }

    /**
     * Creates a commit marker (pending, overwrite, replace) holding the owner. Only its name counts: readers and
     * recovery go by the names in the directory ({@link CommitMarkers}) and never read a marker back; the owner inside
     * is for a person looking at the directory. So its content is not synced: every caller syncs the directory next,
     * which makes the name durable before the step that depends on it. (Those content syncs were two of the eight
     * serial fsyncs at the end of an in-place overwrite.)
     */
    private void createMarker(String path) {
        owner.writeUnsyncedTo(storage, path);
    }

    private void writeMarker(String path) {
        try (OutputStream out = storage.create(path)) {
            out.flush();
        } catch (IOException e) {
            throw IoErrors.io(path, e);
        }
        storage.sync(path);
    }

    /**
     * Takes the target's publish lock: creating the lock file is atomic (it fails when the file exists). A
     * lock whose owner is dead is broken by renaming it to a unique name first, so two writers never both
     * break it. Waits for a live owner up to {@code sluice.write.lockTimeoutMillis}, then WRITE_CONFLICT.
     */
    private void acquireLock() {
        if (!storage.exists(parent)) storage.mkdirs(parent);
        long deadline = System.currentTimeMillis() + LOCK_TIMEOUT_MILLIS;
        long sleep = 5;
        int vanished = 0;
        while (true) {
            try {
                owner.writeTo(storage, lockFile);
                return;
            } catch (SluiceException taken) {
                if (!storage.exists(lockFile)) {
                    if (++vanished > 20) throw taken;   // not a lock held by someone: a real failure to create it
                    continue;   // released between the two calls
                }
            }
            java.util.Optional<WriterOwner> holder = WriterOwner.readFrom(storage, lockFile);
            boolean dead = holder.map(h -> !ownerAlive(h)).orElseGet(this::lockFileIsOld);
            if (dead) {
                String broken = lockFile + "-broken-" + jobId;
                try {
                    storage.rename(lockFile, broken);
                    storage.deleteRecursively(broken);
                } catch (SluiceException raced) {
                    // another writer broke it first
                }
                continue;
            }
            if (System.currentTimeMillis() > deadline) {
                throw SluiceException.of(ErrorCode.WRITE_CONFLICT).with("path", target)
                        .with("reason", "another writer (" + holder.map(WriterOwner::encode).orElse("?").replace('\n', ' ').trim()
                                + ") has been publishing to it for longer than " + LOCK_TIMEOUT_MILLIS
                                + " ms; raise -Dsluice.write.lockTimeoutMillis or retry later")
                        .build();
            }
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw SluiceException.of(ErrorCode.JOB_CANCELLED).build();
            }
            sleep = Math.min(200, sleep * 2);
        }
    }

    private boolean lockFileIsOld() {
        try {
            return System.currentTimeMillis() - storage.status(lockFile).modificationTime() > OWNERLESS_GRACE_MILLIS;
        } catch (SluiceException gone) {
            return false;
        }
    }

    private void releaseLock() {
        try {
            storage.deleteRecursively(lockFile);
        } catch (RuntimeException ignored) {
            // a lock left behind is broken by the next writer once this process is gone
        }
    }

    /** Whether the writer {@code o} (of this target) may still be running. */
    private boolean ownerAlive(WriterOwner o) {
        String theirStaging = StoragePaths.join(parent, "." + name + STAGING_INFIX + o.jobId());
        return o.alive(ACTIVE.contains(theirStaging), lastHeartbeat(theirStaging));
    }

    private long lastHeartbeat(String stagingDir) {
        long newest = 0;
        try {
            for (FileStatus f : storage.list(stagingDir)) newest = Math.max(newest, f.modificationTime());
        } catch (SluiceException gone) {
            return 0;
        }
        return newest;
    }

    private void beat() {
        if (state != State.SET_UP) return;
        int n = heartbeat.incrementAndGet();
        try {
            storage.create(StoragePaths.join(staging, HEARTBEAT_PREFIX + n)).close();
            storage.deleteRecursively(StoragePaths.join(staging, HEARTBEAT_PREFIX + (n - 1)));
        } catch (IOException | RuntimeException e) {
            // a missed heartbeat only makes a writer on another host look dead sooner
        }
    }

    private void stopHeartbeat() {
        ScheduledFuture<?> t = heartbeatTask;
        if (t != null) t.cancel(false);
    }

    /**
     * Removes what dead jobs on this target left beside it: staging directories whose owner is dead (or that
     * have no owner file and are older than a minute), and the old copy of a file target whose overwrite
     * crashed (put back when the target is missing). A live writer's directories are never touched.
     */
    private void removeDeadStaging() {
        if (!storage.exists(parent)) return;
        String stagingPrefix = "." + name + STAGING_INFIX;
        String oldPrefix = "." + name + OLD_INFIX;
        for (FileStatus entry : storage.list(parent)) {
            String entryName = entry.name();
            if (entryName.startsWith(oldPrefix)) {
                String crashedJob = entryName.substring(oldPrefix.length());
                String theirStaging = StoragePaths.join(parent, stagingPrefix + crashedJob);
                if (ACTIVE.contains(theirStaging) || stagingOwnerAlive(theirStaging)) continue;
                if (!storage.exists(target)) storage.rename(entry.path(), target);   // crashed mid-overwrite
                else storage.deleteRecursively(entry.path());
            }
        }
        for (FileStatus entry : storage.list(parent)) {
            if (!entry.name().startsWith(stagingPrefix) || entry.path().equals(staging) || ACTIVE.contains(entry.path())) continue;
            if (!stagingOwnerAlive(entry.path())) storage.deleteRecursively(entry.path());
        }
    }

    private boolean stagingOwnerAlive(String stagingDir) {
        if (!storage.exists(stagingDir)) return false;
        java.util.Optional<WriterOwner> o = WriterOwner.readFrom(storage, StoragePaths.join(stagingDir, OWNER_FILE));
        if (o.isPresent()) return o.get().alive(ACTIVE.contains(stagingDir), lastHeartbeat(stagingDir));
        // a writer writes its owner file before anything else, so other entries without a readable owner are
        // what a cleanup killed half-way left (its recursive delete had reached the owner file first)
        if (hasEntriesBesidesOwner(stagingDir)) return false;
        // empty, or only an owner file cut short: a writer creating it now, or one that died doing so a while ago
        long newest = Math.max(lastHeartbeat(stagingDir), storage.status(stagingDir).modificationTime());
        return System.currentTimeMillis() - newest < OWNERLESS_GRACE_MILLIS;
    }

    private boolean hasEntriesBesidesOwner(String stagingDir) {
        try {
            for (FileStatus f : storage.list(stagingDir)) {
                if (!f.name().equals(OWNER_FILE)) return true;
            }
        } catch (SluiceException gone) {
            return false;
        }
        return false;
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
        return StoragePaths.join(committedDir, ZeroPadded.of(partition, 5));
    }

    private SluiceException alreadyExists() {
        return SluiceException.of(ErrorCode.PATH_ALREADY_EXISTS).with("path", target).build();
    }
}
