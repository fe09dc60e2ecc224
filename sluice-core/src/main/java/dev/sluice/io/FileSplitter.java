package dev.sluice.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts files into {@link FileSplit}s of at most {@code maxSplitBytes}, at fixed offsets {@code 0, max, 2·max…}.
 * The cut depends only on the files and this setting, never on the number of workers, so a job reads the
 * same records in the same splits on any machine. Compressed files are one split each; empty files none.
 * <p>
 * The end of the input is cut finer: when the input's last non-empty file is uncompressed and holds at least
 * {@link #TAPER_FROM_SPLITS} whole splits, its last {@code max} bytes become pieces of {@code max/2, max/4, max/8,
 * max/8}. Workers take splits in order, so with equal splits one worker may read the last one alone while the others
 * idle (up to a whole split's time); pieces that shrink toward the end let them finish together. Three more tasks per
 * input (not per file), and smaller inputs keep today's cut and file count (a write makes one file per task).
 */
public final class FileSplitter {
    public static final long DEFAULT_MAX_SPLIT_BYTES = 32L * 1024 * 1024;
    /** Whole splits a last file must hold before its end is cut finer. */
    static final int TAPER_FROM_SPLITS = 4;
    /** Halvings of the last {@code max} bytes: pieces {@code max/2 … max/2^STEPS}, then the rest ({@code max/2^STEPS}). */
    static final int TAPER_STEPS = 3;

    private final long maxSplitBytes;

    public FileSplitter(long maxSplitBytes) {
        if (maxSplitBytes <= 0) throw new IllegalArgumentException("maxSplitBytes must be positive: " + maxSplitBytes);
        this.maxSplitBytes = maxSplitBytes;
    }

    public FileSplitter() { this(DEFAULT_MAX_SPLIT_BYTES); }

    public long maxSplitBytes() { return maxSplitBytes; }

    /** Splits of every file, in the order of {@code files} and by offset within a file. */
    public List<FileSplit> split(List<FileStatus> files) {
        int last = files.size() - 1;
        while (last >= 0 && files.get(last).size() == 0) last--;
        List<FileSplit> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) split(files.get(i), i == last, out);
        return out;
    }

    private void split(FileStatus file, boolean lastOfInput, List<FileSplit> out) {
        long size = file.size();
        if (size == 0) return;   // no bytes, no records
        if (Compression.isCompressedName(file.path())) {
            out.add(FileSplit.whole(file));
            return;
        }
        boolean taper = lastOfInput && size / maxSplitBytes >= TAPER_FROM_SPLITS && maxSplitBytes >> TAPER_STEPS > 0;
        long body = taper ? size - maxSplitBytes : size;
        for (long start = 0; start < body; start += maxSplitBytes) {
            out.add(new FileSplit(file.path(), start, Math.min(maxSplitBytes, body - start), size));
        }
        if (!taper) return;
        long start = body;
        for (int step = 1; step <= TAPER_STEPS; step++) {
            long piece = maxSplitBytes >> step;
            out.add(new FileSplit(file.path(), start, piece, size));
            start += piece;
        }
        out.add(new FileSplit(file.path(), start, size - start, size));
    }
}
