package dev.sluice.io;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** What a committed task produced: its files (names only), rows and bytes written, for the job report. */
public record TaskCommit(int partition, List<String> files, long records, long bytes) {
    public TaskCommit {
        requireNonNull(files, "files");
        files = List.copyOf(files);
    }
}
