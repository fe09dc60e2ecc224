package dev.sluice.io.parquet;

import dev.sluice.expr.Expression;
import dev.sluice.io.BatchReader;
import dev.sluice.io.Storage;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads one split's row groups as batches of the projection. The file is opened on the first row group
 * that survives the statistics filter (a split whose row groups are all skipped never opens it); only the
 * pruned columns' chunks are read, and Parquet's record assembly drives {@link GroupNodes} converters that
 * append straight into vectors. A batch never spans two row groups.
 */
final class ParquetBatchReader implements BatchReader {
    private final Storage storage;
    private final ParquetSplit split;
    private final StructType projection;
    private final List<Expression> filters;
    private final AtomicLong rowGroupsRead;
    private final AtomicLong rowGroupsSkipped;
    private final MessageType fileSchema;
    private final MessageType requested;
    private final GroupNodes.RootNode root;
    private final StatisticsFilter statistics;

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
        this.root = requested.getFieldCount() == 0 ? null : new GroupNodes.RootNode(requested, projection);
        this.statistics = new StatisticsFilter(fileSchema);
    }

    @Override public Batch next() {
        while (remaining == 0) {
            if (!advance()) return null;
        }
        int n = (int) Math.min(remaining, Batch.DEFAULT_SIZE);
        remaining -= n;
        if (projection.size() == 0) return Batch.ofRowCount(n);
        FlatVector[] columns = new FlatVector[projection.size()];
        for (int i = 0; i < columns.length; i++) columns[i] = Vectors.allocate(projection.field(i).dataType(), n);
        if (root == null) {   // none of the projected columns is in this file: all null
            for (FlatVector c : columns) for (int r = 0; r < n; r++) c.appendNull();
        } else {
            root.bind(columns);
            try {
                for (int r = 0; r < n; r++) records.read();
            } catch (RuntimeException e) {
                throw Footers.unreadable(split.path(), e);
            }
        }
        return new Batch(columns.clone(), n);
    }

    /** Moves to the next row group of the split that the filters do not rule out; false at the end. */
    private boolean advance() {
        List<BlockMetaData> blocks = split.footer().getBlocks();
        while (nextGroup < split.rowGroups().length) {
            int index = split.rowGroups()[nextGroup++];
            BlockMetaData block = blocks.get(index);
            if (statistics.canSkip(block, filters)) {
                rowGroupsSkipped.incrementAndGet();
                continue;
            }
            rowGroupsRead.incrementAndGet();
            remaining = block.getRowCount();
            if (root != null) startRowGroup(index);
            return true;
        }
        return false;
    }

    private void startRowGroup(int index) {
        try {
            if (reader == null) {
                input = new StorageInputFile(storage, split.path(), split.fileSize());
                reader = new ParquetFileReader(input, split.footer(), Footers.OPTIONS, input.newStream());
                reader.setRequestedSchema(requested);
                columnIO = new ColumnIOFactory(split.footer().getFileMetaData().getCreatedBy())
                        .getColumnIO(requested, fileSchema, true);
            }
            PageReadStore pages = reader.readRowGroup(index);
            records = columnIO.getRecordReader(pages, materializer(), FilterCompat.NOOP);
        } catch (IOException | RuntimeException e) {
            if (e instanceof dev.sluice.error.SluiceException s) throw s;
            throw Footers.unreadable(split.path(), e);
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
