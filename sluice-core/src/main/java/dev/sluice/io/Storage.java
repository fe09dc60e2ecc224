package dev.sluice.io;

import java.io.OutputStream;
import java.util.List;

/**
 * Where files live: the local disk ({@link LocalStorage}), object stores (found by URI scheme through
 * {@link StorageProvider}). Paths are strings in the
 * storage's spelling (see {@link StoragePaths}). Every method fails with a {@link dev.sluice.error.SluiceException}
 * naming the path: {@code PATH_NOT_FOUND} when it does not exist, {@code IO_ERROR} otherwise. Implementations
 * are safe to call from many worker threads at once.
 */
public interface Storage {
    /** The entries directly inside {@code directory}, sorted by name (plain string order). */
    List<FileStatus> list(String directory);

    /** Size, modification time and kind of {@code path}; {@code PATH_NOT_FOUND} when it does not exist. */
    FileStatus status(String path);

    boolean exists(String path);

    /** Opens a file for reading at offset 0; the caller closes the stream. */
    SeekableInputStream open(String path);

    /**
     * Creates a new file for writing, creating missing parent directories. Fails when the file already
     * exists: writers never overwrite in place (the commit protocol replaces whole directories by rename).
     */
    OutputStream create(String path);

    /**
     * Renames a file or directory. Fails when {@code to} exists. Atomic where the storage allows it (a
     * rename within one local file system is); {@link #atomicRename()} says which.
     */
    void rename(String from, String to);

    /** Whether {@link #rename} is atomic: readers see the old name or the new one, never a partial state. */
    default boolean atomicRename() { return true; }

    /** Deletes a file, or a directory with everything inside it. Returns false when nothing was there. */
    boolean deleteRecursively(String path);

    /** Creates a directory and any missing parents; does nothing when it already exists. */
    void mkdirs(String path);

    /**
     * The storage that actually serves {@code path}: this one, or for a storage that routes paths by scheme
     * ({@link SchemeStorage}) the one it routes to. Writers ask it whether renames are atomic there.
     */
    default Storage forPath(String path) { return this; }

    /**
     * The committer of a write job into {@code target}, for a storage whose renames are not atomic (object
     * stores): such a storage publishes a job's files its own way. Storages with atomic rename are written
     * through {@link FileCommitProtocol} and need not override this.
     */
    default JobCommitter jobCommitter(String target, SaveMode mode, String jobId) {
        throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.UNSUPPORTED_OPERATION)
                .with("operation", "writing to " + target)
                .with("reason", this + " has no atomic rename and no job committer of its own, so a write could not be made atomic")
                .build();
    }

    /**
     * As {@link #jobCommitter(String, SaveMode, String)}; {@code replacePartitions}: a dynamic partition overwrite
     * (only the partition directories the job writes are replaced). A storage that cannot do that safely refuses it.
     */
    default JobCommitter jobCommitter(String target, SaveMode mode, boolean replacePartitions, String jobId) {
        if (!replacePartitions) return jobCommitter(target, mode, jobId);
        throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.UNSUPPORTED_OPERATION)
                .with("operation", "a dynamic partition overwrite of " + target)
                .with("reason", this + " has no committer that replaces single partitions; use partitionOverwriteMode=static")
                .build();
    }

    /**
     * Counters of the work done so far (requests by kind, retries, bytes), by stable names such as
     * {@code s3.requests.GetObject}; empty for storages that count nothing. For metrics and job reports:
     * never holds credentials.
     */
    default java.util.Map<String, Long> metrics() { return java.util.Map.of(); }

    /**
     * Makes a file's content, or a directory's entries, durable (fsync), so a commit marker written after it
     * never survives a crash that loses the data. Storages whose writes are durable once closed (object stores)
     * keep this default, which does nothing.
     */
    default void sync(String path) {}
}
