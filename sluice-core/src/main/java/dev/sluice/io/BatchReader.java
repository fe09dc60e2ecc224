package dev.sluice.io;

import dev.sluice.vector.Batch;

/** Reads one split as batches; closing it releases every file handle even if not read to the end. */
public interface BatchReader extends AutoCloseable {
    /** The next batch, or null at the end of the split. */
    Batch next();

    /** Bytes read from storage so far (for progress and metrics). */
    default long bytesRead() { return 0; }

    /** Records this reader dropped as malformed (DROPMALFORMED), so counts stay explainable. */
    default long droppedRecords() { return 0; }

    /** Files skipped so far under ignoreMissingFiles / ignoreCorruptFiles, for the job's listeners and report. */
    default java.util.List<SkippedFile> skippedFiles() { return java.util.List.of(); }

    @Override void close();
}
