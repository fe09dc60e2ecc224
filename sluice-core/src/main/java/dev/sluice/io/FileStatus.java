package dev.sluice.io;

import static java.util.Objects.requireNonNull;

/**
 * What storage knows about one path: size in bytes, last modification time (epoch milliseconds) and whether
 * it is a directory. {@code path} is in the storage's own spelling ({@code /data/logs/a.jsonl}).
 */
public record FileStatus(String path, long size, long modificationTime, boolean directory) {
    public FileStatus {
        requireNonNull(path, "path");
        if (size < 0) throw new IllegalArgumentException("negative size " + size + " for " + path);
    }

    /** The last segment of the path: {@code a.jsonl}. */
    public String name() { return StoragePaths.name(path); }
}
