package dev.sluice.io;

import static java.util.Objects.requireNonNull;

/**
 * A file (or the rest of one) a reader skipped because the user allowed it ({@code ignoreMissingFiles},
 * {@code ignoreCorruptFiles}): reported to job listeners and the job report, never dropped without a word.
 * {@code code} is the error that would have failed the job; {@code reason} its message.
 */
public record SkippedFile(String path, String code, String reason) {
    public SkippedFile {
        requireNonNull(path, "path");
        requireNonNull(code, "code");
        requireNonNull(reason, "reason");
    }
}
