package dev.sluice.io.parquet;

import dev.sluice.expr.Expression;
import dev.sluice.io.BatchReader;
import dev.sluice.io.Storage;
import dev.sluice.types.DataType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;
import org.apache.parquet.HadoopFreeReadOptions;
import org.apache.parquet.column.page.DictionaryPageReadStore;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads one split's row groups as batches of the projection. The file is opened on the first row group
 * that survives the statistics filter (a split whose row groups are all skipped by statistics never opens it),
 * or to read the dictionaries of {@link DictionaryFilter}; only the pruned columns' chunks are read, and of
 * those only the pages that {@link PageIndexFilter} keeps. Top-level primitive columns are decoded a column at a time
 * ({@link FlatColumns}); nested ones are built from their leaves' levels ({@link NestedColumns}), or, for a layout
 * those builders do not cover, through Parquet's record assembly driving {@link GroupNodes} converters. A batch
 * never spans two row groups.
 */
final class ParquetBatchReader implements BatchReader {
    /**
     * Reads as Sluice did before page-at-a-time reading: nested columns through record assembly, flat ones a
     * value at a time through converters (tests compare the paths).
     */
    static boolean CONVERTERS_ONLY = false;

    private final Storage storage;
    private final ParquetSplit split;
    private final StructType projection;
    private final List<Expression> filters;
    private final AtomicLong rowGroupsRead;
    private final AtomicLong rowGroupsSkipped;
    private final MessageType fileSchema;
    private final MessageType requested;
    /** Top-level primitive columns, read a column at a time. */
    private final FlatColumns flat;
    /** The other columns (nested, or absent from the file); null when there are none in the file. */
    private final MessageType nestedRequested;
    /** The nested columns built from their levels; null when record assembly reads them instead. */
    private final NestedColumns nested;
    /** Record assembly, for a layout {@link NestedColumns} does not cover; null otherwise. */
    private final GroupNodes.RootNode root;
    private final int[] nestedTargets;
    private final StatisticsFilter statistics;
    /** Per projected column: the bytes its last batch held when it is a string or binary column, else 0. */
    private final int[] byteHints;
    private final DictionaryFilter dictionaries;
    /** The pushed filters parquet-java can apply to page indexes; null when none can. */
    private final FilterPredicate pageFilter;

    private StorageInputFile input;
    private ParquetFileReader reader;
    private MessageColumnIO columnIO;
    private RecordReader<Object> records;
    private int nextGroup;
    private long remaining;

    ParquetBatchReader(Storage storage, ParquetSplit split, StructType projection, List<Expression> filters,
                       AtomicLong rowGroupsRead, AtomicLong rowGroupsSkipped) {
        this.storage = storage;
        this.split = split;
        this.projection = projection;
        this.filters = List.copyOf(filters);
        this.rowGroupsRead = rowGroupsRead;
        this.rowGroupsSkipped = rowGroupsSkipped;
        this.fileSchema = split.footer().getFileMetaData().getSchema();
        this.requested = RequestedSchema.prune(fileSchema, projection);
        List<Type> flatFields = new ArrayList<>();
        List<Integer> flatTargets = new ArrayList<>();
        List<StructField> nestedFields = new ArrayList<>();
        List<Integer> nestedIndexes = new ArrayList<>();
        boolean[] taken = new boolean[fileSchema.getFieldCount()];
        for (int w = 0; w < projection.size(); w++) {
            int i = FieldNames.find(fileSchema, projection.field(w).name());
            if (i >= 0 && !taken[i] && FlatColumns.isFlat(fileSchema.getType(i))) {
                taken[i] = true;
                flatFields.add(fileSchema.getType(i));
                flatTargets.add(w);
            } else {
                nestedFields.add(projection.field(w));
                nestedIndexes.add(w);
            }
        }
        String createdBy = split.footer().getFileMetaData().getCreatedBy();
        this.flat = new FlatColumns(fileSchema.getName(), flatFields,
                flatTargets.stream().mapToInt(Integer::intValue).toArray(), projection, createdBy);
        this.nestedTargets = nestedIndexes.stream().mapToInt(Integer::intValue).toArray();
        StructType nestedProjection = new StructType(nestedFields);
        MessageType nestedSchema = RequestedSchema.prune(fileSchema, nestedProjection);
        this.nestedRequested = nestedSchema.getFieldCount() == 0 ? null : nestedSchema;
        this.nested = levelBuilders(nestedRequested, nestedProjection, createdBy);
        this.root = nested != null || nestedRequested == null ? null : new GroupNodes.RootNode(nestedRequested, nestedProjection);
        this.statistics = new StatisticsFilter(fileSchema);
        this.byteHints = new int[projection.size()];
        this.dictionaries = new DictionaryFilter(fileSchema);
        this.pageFilter = PageIndexFilter.of(fileSchema, requested, this.filters);
    }

    @Override public Batch next() {
        while (remaining == 0) {
            if (!advance()) return null;
        }
        int n = (int) Math.min(remaining, Batch.DEFAULT_SIZE);
        remaining -= n;
        if (projection.size() == 0) return Batch.ofRowCount(n);
        FlatVector[] columns = new FlatVector[projection.size()];
        for (int i = 0; i < columns.length; i++) {
            DataType type = projection.field(i).dataType();
            // string and binary buffers sized from the previous batch, so they are not regrown and copied
            columns[i] = byteHints[i] > 0 ? new BytesVector(type, n, byteHints[i] + byteHints[i] / 8) : Vectors.allocate(type, n);
        }
        FlatVector[] nestedColumns = new FlatVector[nestedTargets.length];
        for (int i = 0; i < nestedColumns.length; i++) nestedColumns[i] = columns[nestedTargets[i]];
        try {
            flat.read(columns, n);
            if (nested != null) {
                nested.read(nestedColumns, n);
            } else if (root == null) {   // none of these columns is in this file: all null
                for (FlatVector c : nestedColumns) for (int r = 0; r < n; r++) c.appendNull();
            } else {
                root.bind(nestedColumns);
                for (int r = 0; r < n; r++) records.read();
            }
        } catch (RuntimeException e) {
            if (e instanceof dev.sluice.error.SluiceException s) throw s;
            throw Footers.unreadable(split.path(), e);
        }
        for (int i = 0; i < columns.length; i++) if (columns[i] instanceof BytesVector b) byteHints[i] = b.writePosition();
        return new Batch(columns.clone(), n);
    }

    /** Moves to the next row group of the split that the filters do not rule out; false at the end. */
    private boolean advance() {
        List<BlockMetaData> blocks = split.footer().getBlocks();
        while (nextGroup < split.rowGroups().length) {
            int index = split.rowGroups()[nextGroup++];
            BlockMetaData block = blocks.get(index);
            if (statistics.canSkip(block, filters)
                    || (dictionaries.applies(block, filters) && dictionaries.canSkip(block, filters, () -> dictionaryReader(block)))) {
                rowGroupsSkipped.incrementAndGet();
                continue;
            }
            rowGroupsRead.incrementAndGet();
            remaining = requested.getFieldCount() > 0 ? startRowGroup(index) : block.getRowCount();
            if (remaining > 0) return true;   // else the page indexes ruled out every row of the group
        }
        return false;
    }

    /** The dictionaries of a row group's chunks, opening the file if needed. */
    private DictionaryPageReadStore dictionaryReader(BlockMetaData block) {
        try {
            open();
            return reader.getDictionaryReader(block);
        } catch (IOException | RuntimeException e) {
            if (e instanceof dev.sluice.error.SluiceException s) throw s;
            throw Footers.unreadable(split.path(), e);
        }
    }

    private void open() throws IOException {
        if (reader != null) return;
        input = new StorageInputFile(storage, split.path(), split.fileSize());
        reader = new ParquetFileReader(input, split.footer(),
                pageFilter == null ? Footers.OPTIONS : HadoopFreeReadOptions.create(ParquetCodecs.INSTANCE, FilterCompat.get(pageFilter)),
                input.newStream());
        reader.setRequestedSchema(requested);
    }

    /** Reads the row group's chunks (only the pages the page-index filter keeps) and returns its rows to read. */
    private long startRowGroup(int index) {
        try {
            open();
            if (columnIO == null && root != null) {
                columnIO = new ColumnIOFactory(split.footer().getFileMetaData().getCreatedBy())
                        .getColumnIO(nestedRequested, fileSchema, true);
            }
            PageReadStore pages = pageFilter == null ? reader.readRowGroup(index) : reader.readFilteredRowGroup(index);
            if (pages == null || pages.getRowCount() == 0) return 0;
            flat.startRowGroup(pages);
            if (nested != null) nested.startRowGroup(pages);
            if (columnIO != null) records = columnIO.getRecordReader(pages, materializer(), FilterCompat.NOOP);
            return pages.getRowCount();
        } catch (IOException | RuntimeException e) {
            if (e instanceof dev.sluice.error.SluiceException s) throw s;
            throw Footers.unreadable(split.path(), e);
        }
    }

    /** The level builders of the nested columns, or null for a layout they do not cover (read by record assembly). */
    private static NestedColumns levelBuilders(MessageType requested, StructType projection, String createdBy) {
        if (CONVERTERS_ONLY) return null;
        try {
            return new NestedColumns(requested, projection, createdBy);
        } catch (NestedColumns.UnsupportedLayout e) {
            return null;
        }
    }

    private RecordMaterializer<Object> materializer() {
        return new RecordMaterializer<>() {
            @Override public Object getCurrentRecord() { return null; }

            @Override public GroupConverter getRootConverter() { return root; }
        };
    }

    @Override public long bytesRead() { return input == null ? 0 : input.bytesRead(); }

    @Override public void close() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                // reading is over; a failure to release the file is not worth failing the task
            }
            reader = null;
        }
    }
}
