package dev.sluice.io.parquet;

import dev.sluice.expr.Expression;
import dev.sluice.io.BatchReader;
import dev.sluice.io.DataSource;
import dev.sluice.io.FileListing;
import dev.sluice.io.ListingOptions;
import dev.sluice.io.FileStatus;
import dev.sluice.io.Split;
import dev.sluice.io.Storage;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Parquet files as a table. At action time it lists the files and reads their footers to cut them into
 * splits of whole row groups ({@link RowGroupSplitter}); a split reads only the projected columns, nested
 * fields included ({@link RequestedSchema}), and skips row groups whose statistics rule out a pushed filter
 * ({@link StatisticsFilter}). Counts row groups read and skipped, for metrics and tests.
 */
public final class ParquetSource implements DataSource {
    private final Storage storage;
    private final List<String> paths;
    private final StructType schema;
    private final long maxSplitBytes;
    private final ListingOptions listing;
    private final AtomicLong rowGroupsRead = new AtomicLong();
    private final AtomicLong rowGroupsSkipped = new AtomicLong();

    public ParquetSource(Storage storage, List<String> paths, StructType schema, long maxSplitBytes, ListingOptions listing) {
        this.storage = storage;
        this.paths = List.copyOf(paths);
        this.schema = schema;
        this.maxSplitBytes = maxSplitBytes;
        this.listing = listing;
    }

    @Override public String formatName() { return "parquet"; }

    /** The last segment of each path: stable across machines (explain never shows absolute paths). */
    @Override public String description() {
        List<String> names = new ArrayList<>();
        for (String p : paths) {
            String trimmed = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
            names.add(trimmed.substring(trimmed.lastIndexOf('/') + 1));
        }
        return String.join(", ", names);
    }

    @Override public StructType schema() { return schema; }

    public List<String> paths() { return paths; }

    @Override public List<Split> splits() {
        List<Split> out = new ArrayList<>();
        for (FileStatus file : FileListing.resolve(storage, paths, listing)) {
            if (file.size() == 0) continue;
            out.addAll(RowGroupSplitter.split(file, Footers.read(storage, file), maxSplitBytes));
        }
        return out;
    }

    @Override public BatchReader open(Split split, StructType projection, List<Expression> filters) {
        return new ParquetBatchReader(storage, (ParquetSplit) split, projection, filters, rowGroupsRead, rowGroupsSkipped);
    }

    /** Row groups decoded so far by readers of this source. */
    public long rowGroupsRead() { return rowGroupsRead.get(); }

    /** Row groups skipped so far because their statistics proved that a pushed filter cannot match. */
    public long rowGroupsSkipped() { return rowGroupsSkipped.get(); }
}
