package dev.sluice.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts files into {@link FileSplit}s of at most {@code maxSplitBytes}, at fixed offsets {@code 0, max, 2·max…}.
 * The cut depends only on the files and this setting, never on the number of workers, so a job reads the
 * same records in the same splits on any machine. Compressed files are one split each; empty files none.
 */
public final class FileSplitter {
    public static final long DEFAULT_MAX_SPLIT_BYTES = 32L * 1024 * 1024;

    private final long maxSplitBytes;

    public FileSplitter(long maxSplitBytes) {
        if (maxSplitBytes <= 0) throw new IllegalArgumentException("maxSplitBytes must be positive: " + maxSplitBytes);
        this.maxSplitBytes = maxSplitBytes;
    }

    public FileSplitter() { this(DEFAULT_MAX_SPLIT_BYTES); }

    public long maxSplitBytes() { return maxSplitBytes; }

    /** Splits of every file, in the order of {@code files} and by offset within a file. */
    public List<FileSplit> split(List<FileStatus> files) {
        List<FileSplit> out = new ArrayList<>();
        for (FileStatus file : files) split(file, out);
        return out;
    }

    private void split(FileStatus file, List<FileSplit> out) {
        long size = file.size();
        if (size == 0) return;   // no bytes, no records
        if (Compression.isCompressedName(file.path())) {
            out.add(FileSplit.whole(file));
            return;
        }
        for (long start = 0; start < size; start += maxSplitBytes) {
            out.add(new FileSplit(file.path(), start, Math.min(maxSplitBytes, size - start), size));
        }
    }
}
