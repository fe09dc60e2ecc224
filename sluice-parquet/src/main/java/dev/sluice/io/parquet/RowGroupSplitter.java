package dev.sluice.io.parquet;

import dev.sluice.io.FileStatus;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a Parquet file into splits of whole row groups. The file is divided into byte ranges of
 * {@code maxSplitBytes} at fixed offsets (as for text files), and a row group goes to the range holding its
 * midpoint, as Spark assigns them; ranges with no row group make no split. A file smaller than
 * {@code maxSplitBytes} is therefore one split, read by one task. The cut depends only on the file and the
 * setting, never on the number of workers.
 */
final class RowGroupSplitter {
    private RowGroupSplitter() {}

    static List<ParquetSplit> split(FileStatus file, ParquetMetadata footer, long maxSplitBytes) {
        List<ParquetSplit> out = new ArrayList<>();
        List<BlockMetaData> blocks = footer.getBlocks();
        long currentBucket = -1;
        List<Integer> groups = new ArrayList<>();
        long rows = 0;
        long bytes = 0;
        for (int i = 0; i < blocks.size(); i++) {
            BlockMetaData b = blocks.get(i);
            if (b.getRowCount() == 0) continue;
            long midpoint = b.getStartingPos() + b.getCompressedSize() / 2;
            long bucket = midpoint / maxSplitBytes;
            if (bucket != currentBucket && !groups.isEmpty()) {
                out.add(make(file, footer, currentBucket, maxSplitBytes, groups, rows, bytes));
                groups.clear();
                rows = 0;
                bytes = 0;
            }
            currentBucket = bucket;
            groups.add(i);
            rows += b.getRowCount();
            bytes += b.getCompressedSize();
        }
        if (!groups.isEmpty()) out.add(make(file, footer, currentBucket, maxSplitBytes, groups, rows, bytes));
        return out;
    }

    private static ParquetSplit make(FileStatus file, ParquetMetadata footer, long bucket, long maxSplitBytes,
                                     List<Integer> groups, long rows, long bytes) {
        int[] ids = new int[groups.size()];
        for (int i = 0; i < ids.length; i++) ids[i] = groups.get(i);
        long start = bucket * maxSplitBytes;
        long end = Math.min(file.size(), start + maxSplitBytes);
        return new ParquetSplit(file.path(), file.size(), start, end, ids, rows, bytes, footer);
    }
}
