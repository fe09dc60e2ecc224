package dev.sluice.io.s3;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.io.FileStatus;
import dev.sluice.io.JobCommitter;
import dev.sluice.io.SaveMode;
import dev.sluice.io.Storage;
import dev.sluice.io.StoragePaths;
import dev.sluice.io.TaskAttempt;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Commits a write job on S3 without renames, the way Hadoop's S3A "magic" committer does: every task file is
 * a multipart upload straight to its final key that the task never completes, so no reader can see it.
 *
 * <pre>
 * &lt;target&gt;/part-00003-&lt;jobId&gt;.c000.json       pending upload (invisible) until job commit
 * &lt;parent&gt;/.&lt;name&gt;.sluice-staging-&lt;jobId&gt;/committed/00003.manifest
 *                                              task commit: the task's pending uploads (key, upload id, parts)
 * </pre>
 *
 * Job commit reads the manifests of the committed tasks, completes their uploads (each object appears whole,
 * at once), deletes the old objects on overwrite, and writes {@code _SUCCESS} last. Before any upload is
 * completed, a failure leaves the target as it was: completed uploads are deleted, pending ones aborted, the
 * staging prefix removed. Aborted tasks and jobs abort their uploads, so no parts are left to pay for; a job
 * setup on the same target aborts the uploads and removes the staging prefixes that crashed jobs left.
 * A dynamic partition overwrite ({@code replacePartitions}) deletes, after the uploads completed, only the old
 * objects under the partition prefixes ({@code d=a/h=1/}) the job wrote, with the same guarantees as an overwrite.
 * Limits (S3 has no multi-object transaction) are in docs/s3.md.
 */
final class S3JobCommitter implements JobCommitter {
    private static final String STAGING_INFIX = ".sluice-staging-";
    private static final String MANIFESTS = "committed";
    private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9_-]+");
    /** {@code part-00003-<jobId>[_<bucket>].c000.ext}: which job a pending upload belongs to (a job id is a UUID: no {@code _}). */
    private static final Pattern PART_FILE = Pattern.compile("part-\\d{5}-([A-Za-z0-9-]+(?:_[A-Za-z0-9-]+)*?)(?:_\\d{5})?\\.c\\d{3}\\..*");
    /** Jobs writing in this JVM: their uploads and staging prefixes are never cleaned up as stale. */
    private static final Set<String> ACTIVE = ConcurrentHashMap.newKeySet();

    private enum State { NEW, SET_UP, SKIPPED, COMMITTED, ABORTED }

    private final S3Storage storage;
    private final S3Path target;
    private final String name;
    private final SaveMode mode;
    private final boolean replacePartitions;
    private final String jobId;
    private final S3Path staging;
    private final AtomicInteger attempts = new AtomicInteger();
    /** Every upload this job started, by key, until completed or aborted: what an abort must clean. */
    private final Map<String, String> started = new ConcurrentHashMap<>();
    private final Map<TaskAttempt, List<PendingUpload>> closedByTask = new ConcurrentHashMap<>();
    private final Map<TaskAttempt, Set<String>> keysByTask = new ConcurrentHashMap<>();
    private volatile State state = State.NEW;

    S3JobCommitter(S3Storage storage, String target, SaveMode mode, boolean replacePartitions, String jobId) {
        this.storage = requireNonNull(storage, "storage");
        this.mode = requireNonNull(mode, "mode");
        if (replacePartitions && mode != SaveMode.OVERWRITE) throw new IllegalArgumentException("replacing partitions needs mode OVERWRITE, not " + mode);
        this.replacePartitions = replacePartitions;
        this.jobId = requireNonNull(jobId, "jobId");
        if (!JOB_ID.matcher(jobId).matches()) throw new IllegalArgumentException("job id must be [A-Za-z0-9_-]+: " + jobId);
        this.target = S3Path.parse(target);
        if (this.target.isBucket()) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "write")
                    .with("reason", "cannot write to the bucket root " + target + ": name a prefix to hold the output files")
                    .build();
        }
        this.name = StoragePaths.name(this.target.key());
        String parentKey = this.target.key().contains("/") ? StoragePaths.parent(this.target.key()) + "/" : "";
        this.staging = this.target.withKey(parentKey + "." + name + STAGING_INFIX + jobId);
    }

    /** The staging prefix (for tests and diagnostics). */
    String stagingPrefix() { return staging.dirPrefix(); }

    @Override public boolean setupJob() {
        if (state != State.NEW) throw SluiceException.internal("setupJob called twice for job " + jobId);
        if (!ACTIVE.add(jobId)) throw SluiceException.internal("job id " + jobId + " is already writing");
        try {
            recoverCrashedJobs();
            if (storage.exists(target.toString())) {
                switch (mode) {
                    case ERROR_IF_EXISTS -> throw alreadyExists();
                    case IGNORE -> {
                        state = State.SKIPPED;
                        ACTIVE.remove(jobId);
                        return false;
                    }
                    case APPEND -> requireDirectoryTarget();
                    case OVERWRITE -> { }
                }
            }
            state = State.SET_UP;
            return true;
        } catch (RuntimeException e) {
            ACTIVE.remove(jobId);
            state = State.ABORTED;
            throw e;
        }
    }

    @Override public TaskAttempt setupTask(int partition) {
        if (partition < 0) throw new IllegalArgumentException("negative partition " + partition);
        requireRunning();
        int attempt = attempts.incrementAndGet();
        TaskAttempt task = new TaskAttempt(partition, attempt,
                staging.withKey(staging.dirPrefix() + String.format(Locale.ROOT, "tasks/%05d-%d", partition, attempt)).toString());
        closedByTask.put(task, new ArrayList<>());
        keysByTask.put(task, ConcurrentHashMap.newKeySet());
        return task;
    }

    /** The file's final path: its data goes there at once, as an upload that stays pending until job commit. */
    @Override public String newTaskFile(TaskAttempt task, String extension, String subdirectory) {
        requireRunning();
        if (task.finished()) throw SluiceException.internal(task + " already committed or aborted");
        String file = task.nextFileName(jobId, extension);
        String dir = subdirectory.isEmpty() ? target.key() : target.key() + "/" + subdirectory;
        return target.withKey(dir + "/" + file).toString();
    }

    @Override public OutputStream openTaskFile(Storage ignored, TaskAttempt task, String path) {
        requireRunning();
        S3Path p = S3Path.parse(path);
        List<PendingUpload> closed = closedByTask.get(task);
        Set<String> keys = keysByTask.get(task);
        if (closed == null) throw SluiceException.internal(task + " was not set up by job " + jobId);
        keys.add(p.key());
        return S3OutputStream.pending(storage, p, uploadId -> started.put(p.key(), uploadId), upload -> {
            synchronized (closed) {
                closed.add(upload);
            }
        });
    }

    /** Records the task's pending uploads in its manifest: from now on only the job can publish or drop them. */
    @Override public List<String> commitTask(TaskAttempt task) {
        requireRunning();
        if (task.finished()) throw SluiceException.internal(task + " already committed or aborted");
        List<PendingUpload> uploads;
        synchronized (closedByTask.get(task)) {
            uploads = List.copyOf(closedByTask.get(task));
        }
        if (uploads.size() != keysByTask.get(task).size()) {
            throw SluiceException.internal(task + " commits with files still open");
        }
        S3Path manifest = manifest(task.partition());
        if (storage.exists(manifest.toString())) {
            throw SluiceException.internal("partition " + task.partition() + " of job " + jobId + " committed twice");
        }
        byte[] bytes = UploadManifest.encode(uploads);
        try {
            storage.client().putObject(b -> b.bucket(manifest.bucket()).key(manifest.key()), RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw S3Errors.map(manifest.toString(), e);
        }
        task.finish();
        List<String> names = new ArrayList<>();
        for (PendingUpload u : uploads) names.add(u.key().substring(target.dirPrefix().length()));
        return names;
    }

    /** Aborts the uploads of a failed task attempt. */
    @Override public void abortTask(TaskAttempt task) {
        task.finish();
        Set<String> keys = keysByTask.getOrDefault(task, Set.of());
        for (String key : keys) {
            String uploadId = started.remove(key);
            if (uploadId != null) abortUpload(key, uploadId);
        }
    }

    @Override public void commitJob(List<Integer> partitions) {
        requireRunning();
        List<PendingUpload> uploads = new ArrayList<>();
        List<String> completed = new ArrayList<>();
        String marker = target.dirPrefix() + SUCCESS_MARKER;
        boolean markerRemoved = false;
        boolean deletingOld = false;
        try {
            for (int p : new TreeSet<>(partitions)) uploads.addAll(readManifest(p));
            boolean targetExists = storage.exists(target.toString());
            if (targetExists && (mode == SaveMode.ERROR_IF_EXISTS || mode == SaveMode.IGNORE)) throw alreadyExists();
            if (targetExists && mode == SaveMode.APPEND) requireDirectoryTarget();
            List<String> oldKeys = !targetExists || mode != SaveMode.OVERWRITE ? List.of()
                    : replacePartitions ? keysOfPartitionsWritten(uploads) : existingKeys();
            boolean markerExists = oldKeys.contains(marker)
                    || replacePartitions && targetExists && storage.exists(target.withKey(marker).toString());
            if (markerExists) {
                // readers that wait for _SUCCESS must not take the mix of old and new files for a finished dataset
                storage.client().deleteObject(b -> b.bucket(target.bucket()).key(marker));
                markerRemoved = true;
            }
            for (PendingUpload u : uploads) {
                storage.client().completeMultipartUpload(b -> b.bucket(target.bucket()).key(u.key()).uploadId(u.uploadId())
                        .multipartUpload(m -> m.parts(u.parts())));
                started.remove(u.key());
                completed.add(u.key());
            }
            deletingOld = true;
            Set<String> fresh = new HashSet<>(completed);
            List<String> stale = new ArrayList<>();
            for (String k : oldKeys) if (!fresh.contains(k) && !k.equals(marker)) stale.add(k);
            storage.deleteKeys(target.bucket(), stale, target.toString());
            storage.client().putObject(b -> b.bucket(target.bucket()).key(marker), RequestBody.empty());
            state = State.COMMITTED;
        } catch (RuntimeException e) {
            RuntimeException failure = e instanceof SdkException s ? S3Errors.map(target.toString(), s) : e;
            if (!deletingOld) undoCommit(completed, markerRemoved, marker, failure);
            try {
                abortJob();
            } catch (RuntimeException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
        ACTIVE.remove(jobId);
        cleanUp();
    }

    /** A commit that failed before touching the old data: take the new objects out, put the marker back. */
    private void undoCommit(List<String> completed, boolean markerRemoved, String marker, RuntimeException failure) {
        try {
            storage.deleteKeys(target.bucket(), completed, target.toString());
            if (markerRemoved) storage.client().putObject(b -> b.bucket(target.bucket()).key(marker), RequestBody.empty());
        } catch (RuntimeException undo) {
            failure.addSuppressed(undo);
        }
    }

    @Override public void abortJob() {
        if (state == State.COMMITTED || state == State.SKIPPED || state == State.ABORTED) return;
        state = State.ABORTED;
        try {
            cleanUp();
        } finally {
            ACTIVE.remove(jobId);
        }
    }

    /** Aborts every upload of this job still pending (known here or found by listing) and drops the staging prefix. */
    private void cleanUp() {
        RuntimeException failure = null;
        for (Map.Entry<String, String> e : Map.copyOf(started).entrySet()) {
            abortUpload(e.getKey(), e.getValue());
            started.remove(e.getKey());
        }
        try {
            for (MultipartUpload u : pendingUploads()) {
                if (jobId.equals(jobOf(u.key()))) abortUpload(u.key(), u.uploadId());
            }
            storage.deleteRecursively(staging.toString());
        } catch (RuntimeException e) {
            failure = e;
        }
        if (failure != null && state != State.COMMITTED) throw failure;
    }

    /** What crashed jobs left on this target: their pending uploads and staging prefixes. */
    private void recoverCrashedJobs() {
        for (MultipartUpload u : pendingUploads()) {
            String owner = jobOf(u.key());
            if (owner != null && !ACTIVE.contains(owner)) abortUpload(u.key(), u.uploadId());
        }
        String parentKey = staging.key().substring(0, staging.key().length() - StoragePaths.name(staging.key()).length());
        String prefix = parentKey + "." + name + STAGING_INFIX;
        String parent = parentKey.isEmpty() ? target.withKey("").toString() : target.withKey(parentKey).toString();
        if (!storage.exists(parent)) return;
        for (FileStatus entry : storage.list(parent)) {
            String key = S3Path.parse(entry.path()).key();
            if (!key.startsWith(prefix)) continue;
            String owner = key.substring(prefix.length());
            if (!ACTIVE.contains(owner)) storage.deleteRecursively(entry.path());
        }
    }

    private List<MultipartUpload> pendingUploads() {
        List<MultipartUpload> out = new ArrayList<>();
        try {
            for (ListMultipartUploadsResponse page : storage.client().listMultipartUploadsPaginator(
                    b -> b.bucket(target.bucket()).prefix(target.dirPrefix()))) {
                out.addAll(page.uploads());
            }
        } catch (SdkException e) {
            throw S3Errors.map(target.toString(), e);
        }
        return out;
    }

    private static String jobOf(String key) {
        Matcher m = PART_FILE.matcher(StoragePaths.name(key));
        return m.matches() ? m.group(1) : null;
    }

    private void abortUpload(String key, String uploadId) {
        try {
            storage.client().abortMultipartUpload(b -> b.bucket(target.bucket()).key(key).uploadId(uploadId));
        } catch (SdkException e) {
            if (!S3Errors.isNotFound(e)) throw S3Errors.map(target.withKey(key).toString(), e);
        }
    }

    /** The keys of the target now: the object itself if it is one, and everything under its prefix. */
    /** The objects under the partition prefixes the uploads go to (all of {@code d=a/h=1/}, nothing of {@code d=a/h=10/}). */
    private List<String> keysOfPartitionsWritten(List<PendingUpload> uploads) {
        Set<String> prefixes = new TreeSet<>();
        for (PendingUpload u : uploads) {
            int slash = u.key().lastIndexOf('/');
            String prefix = u.key().substring(0, slash + 1);
            if (prefix.length() > target.dirPrefix().length()) prefixes.add(prefix);   // a partition directory, never the target itself
        }
        List<String> keys = new ArrayList<>();
        for (String prefix : prefixes) keys.addAll(storage.listKeys(target.bucket(), prefix));
        return keys;
    }

    private List<String> existingKeys() {
        List<String> keys = storage.listKeys(target.bucket(), target.dirPrefix());
        try {
            storage.client().headObject(b -> b.bucket(target.bucket()).key(target.key()));
            keys.add(target.key());
        } catch (SdkException e) {
            if (!S3Errors.isNotFound(e)) throw e;
        }
        return keys;
    }

    private S3Path manifest(int partition) {
        return staging.withKey(staging.dirPrefix() + MANIFESTS + String.format(Locale.ROOT, "/%05d.manifest", partition));
    }

    private List<PendingUpload> readManifest(int partition) {
        S3Path m = manifest(partition);
        ResponseBytes<GetObjectResponse> bytes;
        try {
            bytes = storage.client().getObjectAsBytes(b -> b.bucket(m.bucket()).key(m.key()));
        } catch (SdkException e) {
            if (S3Errors.isNotFound(e)) {
                throw SluiceException.internal("task " + partition + " of job " + jobId + " was reported committed but has no manifest at " + m);
            }
            throw S3Errors.map(m.toString(), e);
        }
        try {
            return UploadManifest.decode(bytes.asByteArray());
        } catch (IOException e) {
            throw S3Errors.io(m.toString(), e);
        }
    }

    private void requireDirectoryTarget() {
        if (!storage.status(target.toString()).directory()) {
            throw S3Errors.io(target.toString(), "it is a file, so files cannot be appended into it; write to a prefix, "
                    + "or use mode(\"overwrite\") to replace it");
        }
    }

    private void requireRunning() {
        State s = state;
        if (s == State.SET_UP) return;
        if (s == State.ABORTED) throw SluiceException.of(ErrorCode.JOB_CANCELLED).build();
        throw SluiceException.internal("job " + jobId + " writing " + target + " is " + s + ", not set up");
    }

    private SluiceException alreadyExists() {
        return SluiceException.of(ErrorCode.PATH_ALREADY_EXISTS).with("path", target.toString()).build();
    }

    static final String SUCCESS_MARKER = dev.sluice.io.FileCommitProtocol.SUCCESS_MARKER;
}
