package dev.sluice.io.parquet;

import dev.sluice.io.Split;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * Some row groups of one Parquet file: those whose midpoint lies in the byte range {@code [start, end)}
 * (Spark's rule, so each row group belongs to exactly one split). Carries the footer read when splitting,
 * so opening the split does not read it again.
 */
record ParquetSplit(String path, long fileSize, long start, long end, int[] rowGroups, long rows, long bytes,
                    ParquetMetadata footer) implements Split {
    ParquetSplit {
        requireNonNull(path, "path");
        requireNonNull(footer, "footer");
        rowGroups = rowGroups.clone();
    }

    @Override public String description() {
        return path + "[" + start + ", " + end + ") row groups " + Arrays.toString(rowGroups);
    }

    /** The compressed bytes of its row groups (all columns): what a full read costs. */
    @Override public long sizeInBytes() { return bytes; }

    @Override public String filePath() { return path; }

    @Override public long fileStart() { return start; }

    @Override public long fileLength() { return end - start; }

    /** Small Parquet files share tasks as small text files do ({@link dev.sluice.io.SplitPacking}). */
    @Override public boolean packable() { return true; }

    @Override public boolean equals(Object o) {
        return o instanceof ParquetSplit s && path.equals(s.path) && start == s.start && end == s.end
                && Arrays.equals(rowGroups, s.rowGroups);
    }

    @Override public int hashCode() { return path.hashCode() * 31 + Arrays.hashCode(rowGroups); }

    @Override public String toString() { return description(); }
}
