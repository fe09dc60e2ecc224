package dev.sluice.io.parquet;

import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.schema.MessageType;

/**
 * A row group of top-level primitive columns written a vector at a time ({@link FlatColumnWriter}), with the
 * page cuts of parquet-java's {@code ColumnWriteStoreBase}: after every row it would check, the columns whose
 * page holds the page size (less 10%) or the page row limit write it, and the next check is planned from the
 * fullest column, as there. The writes between two checks are one typed loop per column.
 */
final class FlatRowGroupWriter implements RowGroupColumns {
    /**
     * Rows per call of a column's typed loop at most. The loops start interpreted, and HotSpot compiles a method
     * with a long loop (tier 3) after 100 calls, or on the loop's back edges only after 60,000 iterations (OSR):
     * called for a few thousand rows at a time, each loop ran some 60,000 rows interpreted, most of a worker's
     * first file (docs/benchmark.md, "q1w"). A column's values split over calls write the same bytes (levels,
     * ids, statistics and the fallback are per value; pages are cut only at the size checks).
     */
    static final int CALL_ROWS = 128;

    private final FlatColumnWriter[] columns;
    private final StructType schema;
    private final ParquetWriteOptions.TimestampType timestampType;
    private final ParquetProperties props;
    private final long thresholdTolerance;
    private long rowCount;
    private long rowCountForNextSizeCheck;

    private FlatRowGroupWriter(FlatColumnWriter[] columns, StructType schema, ParquetWriteOptions.TimestampType ts,
                               ParquetProperties props) {
        this.columns = columns;
        this.schema = schema;
        this.timestampType = ts;
        this.props = props;
        this.thresholdTolerance = (long) (props.getPageSizeThreshold() * 0.1f);
    }

    /** The writer for {@code schema} as {@code message} stores it, or null when a field is not a flat column it covers. */
    static FlatRowGroupWriter of(StructType schema, MessageType message, ParquetWriteOptions.TimestampType ts,
                                 ParquetProperties props) {
        if (message.getColumns().size() != schema.size()) return null;
        FlatColumnWriter[] columns = new FlatColumnWriter[schema.size()];
        for (int i = 0; i < columns.length; i++) {
            StructField f = schema.field(i);
            if (message.getType(i).isRepetition(org.apache.parquet.schema.Type.Repetition.REPEATED)
                    || !message.getType(i).isPrimitive()) return null;
            ColumnDescriptor d = message.getColumnDescription(new String[] {message.getType(i).getName()});
            columns[i] = FlatColumnWriters.of(f.name(), f.dataType(), f.nullable(), ts, d, props);
            if (columns[i] == null) return null;
        }
        return new FlatRowGroupWriter(columns, schema, ts, props);
    }

    /** True when this writer writes {@code schema} with timestamps as {@code ts} (it can write another such file). */
    boolean writes(StructType schema, ParquetWriteOptions.TimestampType ts) {
        return timestampType == ts && this.schema.equals(schema);
    }

    @Override public void start(ColumnChunkPageWriteStore pages) {
        for (FlatColumnWriter c : columns) c.bind(pages.getPageWriter(c.descriptor));
        rowCount = 0;
        rowCountForNextSizeCheck = props.getMinRowCountForPageSizeCheck();
    }

    @Override public void write(Batch batch, int from, int to) {
        int at = from;
        while (at < to) {
            int end = (int) Math.min(to, at + (rowCountForNextSizeCheck - rowCount));
            for (int i = 0; i < columns.length; i++) {
                ColumnVector v = batch.column(i);
                for (int c = at; c < end; c += CALL_ROWS) columns[i].write(v, c, Math.min(end, c + CALL_ROWS));
            }
            rowCount += end - at;
            at = end;
            if (rowCount >= rowCountForNextSizeCheck) sizeCheck();
        }
    }

    /** parquet-java's {@code ColumnWriteStoreBase.sizeCheck}, over these columns. */
    private void sizeCheck() {
        long minRecordToWait = Long.MAX_VALUE;
        int pageRowCountLimit = props.getPageRowCountLimit();
        long rowCountForNextRowCountCheck = rowCount + pageRowCountLimit;
        for (FlatColumnWriter writer : columns) {
            long usedMem = writer.currentPageBufferedSize();
            long rows = rowCount - writer.rowsWrittenSoFar();
            long remainingMem = props.getPageSizeThreshold() - usedMem;
            if (remainingMem <= thresholdTolerance || rows >= pageRowCountLimit
                    || writer.valueCount() >= props.getPageValueCountThreshold()) {
                writer.writePage();
                remainingMem = props.getPageSizeThreshold();
            } else {
                rowCountForNextRowCountCheck = Math.min(rowCountForNextRowCountCheck, writer.rowsWrittenSoFar() + pageRowCountLimit);
            }
            long rowsToFillPage = usedMem == 0 ? props.getMaxRowCountForPageSizeCheck() : rows * remainingMem / usedMem;
            if (rowsToFillPage < minRecordToWait) minRecordToWait = rowsToFillPage;
        }
        if (minRecordToWait == Long.MAX_VALUE) minRecordToWait = props.getMinRowCountForPageSizeCheck();
        if (props.estimateNextSizeCheck()) {
            rowCountForNextSizeCheck = rowCount + Math.min(Math.max(minRecordToWait / 2, props.getMinRowCountForPageSizeCheck()),
                    props.getMaxRowCountForPageSizeCheck());
        } else {
            rowCountForNextSizeCheck = rowCount + props.getMinRowCountForPageSizeCheck();
        }
        if (rowCountForNextRowCountCheck < rowCountForNextSizeCheck) rowCountForNextSizeCheck = rowCountForNextRowCountCheck;
    }

    @Override public long bufferedSize() {
        long total = 0;
        for (FlatColumnWriter c : columns) total += c.totalBufferedSize();
        return total;
    }

    @Override public void flush() {
        for (FlatColumnWriter c : columns) {
            if (rowCount - c.rowsWrittenSoFar() > 0) c.writePage();
            c.finishChunk();
        }
    }

    @Override public void close() {
        for (FlatColumnWriter c : columns) c.endChunk();
    }
}
