package dev.sluice.io;

import static java.util.Objects.requireNonNull;

/** What a committed write job published: where, how many files, rows and bytes. */
public record WriteSummary(String path, int files, long records, long bytes) {
    public WriteSummary { requireNonNull(path, "path"); }
}
