package dev.sluice;

/** What a write did: rows and files written, or that it was skipped (save mode ignore on an existing target). */
public record WriteResult(String path, long rows, int files, long bytes, boolean skipped, String skipReason) {
    static WriteResult skipped(String path, String reason) { return new WriteResult(path, 0, 0, 0, true, reason); }
}
