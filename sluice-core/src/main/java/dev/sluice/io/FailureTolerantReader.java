package dev.sluice.io;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.vector.Batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Spark's {@code ignoreMissingFiles} and {@code ignoreCorruptFiles} around one split's reader: a file deleted
 * after listing (PATH_NOT_FOUND), or one that cannot be read (CORRUPT_COMPRESSED_FILE, IO_ERROR), ends the split
 * instead of failing the job; the rows read before the failure are kept, as in Spark. Unlike Spark, which only
 * logs a warning, each skip is a {@link SkippedFile} the scan reports to the job's listeners and report.
 * Malformed records are not corrupt files: they follow the {@code mode} option.
 */
public final class FailureTolerantReader implements BatchReader {
    private final Supplier<BatchReader> opener;
    private final String path;
    private final boolean ignoreMissing;
    private final boolean ignoreCorrupt;
    private final List<SkippedFile> skipped = new ArrayList<>();
    private BatchReader reader;
    private boolean done;

    private FailureTolerantReader(Supplier<BatchReader> opener, String path, boolean ignoreMissing, boolean ignoreCorrupt) {
        this.opener = opener;
        this.path = path;
        this.ignoreMissing = ignoreMissing;
        this.ignoreCorrupt = ignoreCorrupt;
    }

    /** {@code opener} as it is when neither option is set; otherwise a tolerant reader opening it lazily. */
    public static BatchReader wrap(Map<String, String> options, Split split, Supplier<BatchReader> opener) {
        boolean missing = OptionCheck.flag(options, "ignoreMissingFiles", false);
        boolean corrupt = OptionCheck.flag(options, "ignoreCorruptFiles", false);
        if (!missing && !corrupt) return opener.get();
        return new FailureTolerantReader(opener, pathOf(split), missing, corrupt);
    }

    private static String pathOf(Split split) {
        Split s = split;
        if (s instanceof PartitionedSource.PartitionSplit p) s = p.inner();
        return s instanceof FileSplit f ? f.path() : s.description();
    }

    @Override public Batch next() {
        if (done) return null;
        try {
            if (reader == null) reader = opener.get();
            Batch b = reader.next();
            if (b == null) done = true;
            return b;
        } catch (SluiceException e) {
            if (!tolerated(e.code())) throw e;
            skipped.add(new SkippedFile(path, e.code().name(), e.getMessage()));
            done = true;
            closeQuietly();
            return null;
        }
    }

    private boolean tolerated(ErrorCode code) {
        if (code == ErrorCode.PATH_NOT_FOUND) return ignoreMissing;
        return ignoreCorrupt && (code == ErrorCode.CORRUPT_COMPRESSED_FILE || code == ErrorCode.IO_ERROR);
    }

    @Override public long bytesRead() { return reader == null ? 0 : reader.bytesRead(); }

    @Override public long droppedRecords() { return reader == null ? 0 : reader.droppedRecords(); }

    @Override public List<SkippedFile> skippedFiles() { return List.copyOf(skipped); }

    private void closeQuietly() {
        if (reader == null) return;
        try {
            reader.close();
        } catch (RuntimeException ignored) {
            // the file is already being skipped for a better reason
        }
        reader = null;
    }

    @Override public void close() {
        done = true;
        if (reader != null) reader.close();
    }
}
