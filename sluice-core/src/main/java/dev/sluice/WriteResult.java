package dev.sluice;

import dev.sluice.io.SkippedFile;

import java.util.List;

/**
 * What a write did: rows and files written, or that it was skipped (save mode ignore on an existing target), and
 * the input files its readers skipped under {@code ignoreCorruptFiles}/{@code ignoreMissingFiles} (never silent).
 */
public record WriteResult(String path, long rows, int files, long bytes, boolean skipped, String skipReason,
                          List<SkippedFile> skippedFiles) {
    public WriteResult {
        skippedFiles = List.copyOf(skippedFiles);
    }

    /** A result without skipped input files. */
    public WriteResult(String path, long rows, int files, long bytes, boolean skipped, String skipReason) {
        this(path, rows, files, bytes, skipped, skipReason, List.of());
    }

    static WriteResult skipped(String path, String reason) { return new WriteResult(path, 0, 0, 0, true, reason); }
}
