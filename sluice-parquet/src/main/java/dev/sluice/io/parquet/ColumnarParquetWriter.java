package dev.sluice.io.parquet;

import dev.sluice.error.SluiceException;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;

import java.io.IOException;
import java.util.Map;

/**
 * One Parquet file written a vector at a time: batches go column by column into the row group's
 * {@link RowGroupColumns} (Sluice's own flat column writers when every field is a top-level primitive they
 * cover, else {@link BatchShredder}'s levels into parquet-java's column writers; either way the dictionary or
 * plain encoding, page statistics and column indexes its own writer produces), whose pages a {@link ColumnChunkPageWriteStore} compresses and hands to the
 * {@link ParquetFileWriter} one row group at a time. This is what parquet-java's record writer does underneath,
 * minus its record-assembly layer. Row groups close when the buffered size reaches the row group size; the size
 * is checked every few rows (about twice before the expected end of the group), never inside a stripe.
 */
final class ColumnarParquetWriter {
    /** Rows written between size checks at most: also how far a page can run past parquet-java's page size. */
    static final int MAX_STRIPE = 4096;
    /** Rows written between size checks at least (parquet-java's minimum between checks). */
    private static final int MIN_STRIPE = 100;

    private final ParquetFileWriter file;
    private final FlatWriterPool pool;
    private final MessageType schema;
    private final Map<String, String> footer;
    private final RowGroupColumns columns;
    private final ParquetProperties properties;
    private final BytesInputCompressor compressor;
    private final long rowGroupSizeLimit;

    private long nextRowGroupSize;
    private ColumnChunkPageWriteStore pages;
    private long rowsInGroup;
    private long rowsInLastGroup;
    private long rowsBeforeCheck = MIN_STRIPE;
    private int rowGroupOrdinal;
    private boolean failed;

    ColumnarParquetWriter(OutputFile out, StructType schema, ParquetWriteOptions options, long rowGroupSize) throws IOException {
        this(out, schema, options, rowGroupSize, new FlatWriterPool());
    }

    /**
     * A writer that takes its flat column writers from {@code pool} when it has some, and gives them back when it
     * closes without failing (they were built with the same default properties as every file's).
     */
    ColumnarParquetWriter(OutputFile out, StructType schema, ParquetWriteOptions options, long rowGroupSize,
                          FlatWriterPool pool) throws IOException {
        this.properties = ParquetProperties.builder().build();   // parquet-java's defaults, as its record writer used
        this.schema = SparkParquetSchema.of(schema, options.timestampType());
        this.footer = SparkRowMetadata.footer(schema, ParquetWriter.OBJECT_MODEL_NAME_PROP, "sluice");
        this.pool = pool;
        FlatRowGroupWriter flat = pool.take(schema, options.timestampType());
        if (flat == null) flat = FlatRowGroupWriter.of(schema, this.schema, options.timestampType(), properties);
        this.columns = flat != null ? flat
                : new ShreddedRowGroupWriter(new BatchShredder(schema, options.timestampType()), properties);
        this.compressor = ParquetCodecs.INSTANCE.getCompressor(options.codec());
        this.rowGroupSizeLimit = rowGroupSize;
        this.nextRowGroupSize = rowGroupSize;
        this.file = new ParquetFileWriter(out, this.schema, ParquetFileWriter.Mode.OVERWRITE, rowGroupSize,
                ParquetWriter.MAX_PADDING_SIZE_DEFAULT, null, properties);
        file.start();
    }

    void write(Batch batch) throws IOException {
        if (failed) throw SluiceException.internal("the Parquet writer failed before and cannot write more");
        try {
            int n = batch.rowCount();
            int at = 0;
            while (at < n) {
                if (pages == null) startRowGroup();
                int stripe = (int) Math.min(n - at, rowsBeforeCheck);
                columns.write(batch, at, at + stripe);
                at += stripe;
                rowsInGroup += stripe;
                rowsBeforeCheck -= stripe;
                if (rowsBeforeCheck == 0) checkRowGroupSize();
            }
        } catch (IOException | RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    /** Bytes held in the heap for the row group being written (encoded pages and the pages being encoded). */
    long bufferedSize() { return pages == null ? 0 : columns.bufferedSize(); }

    /** Writes the last row group and the footer; the output stream stays open. After a failure, only releases. */
    void close() throws IOException {
        if (failed) {
            dropRowGroup();
            return;
        }
        try {
            flushRowGroup();
            file.end(footer);
            if (columns instanceof FlatRowGroupWriter flat) pool.give(flat);
        } catch (IOException | RuntimeException e) {
            failed = true;
            dropRowGroup();
            throw e;
        }
    }

    /** As parquet-java's record writer: close the group within about two rows of the limit, else look again halfway. */
    private void checkRowGroupSize() throws IOException {
        long buffered = columns.bufferedSize();
        long rowSize = Math.max(1, buffered / Math.max(1, rowsInGroup));
        if (buffered > nextRowGroupSize - 2 * rowSize) {
            flushRowGroup();
            rowsBeforeCheck = Math.max(MIN_STRIPE, Math.min(MAX_STRIPE, rowsInLastGroup / 2));
            return;
        }
        long rowsToLimit = (nextRowGroupSize - buffered) / rowSize;
        rowsBeforeCheck = Math.max(MIN_STRIPE, Math.min(MAX_STRIPE, rowsToLimit / 2));
    }

    private void startRowGroup() {
        pages = ColumnChunkPageWriteStore.builder()
                .withCompressorProvider(column -> compressor)
                .withSchema(schema)
                .withAllocator(properties.getAllocator())
                .withColumnIndexTruncateLength(properties.getColumnIndexTruncateLength())
                .withPageWriteChecksumEnabled(properties.getPageWriteChecksumEnabled())
                .withFileEncryptor(null)
                .withRowGroupOrdinal(rowGroupOrdinal)
                .build();
        columns.start(pages);
        rowsInGroup = 0;
    }

    private void flushRowGroup() throws IOException {
        if (pages == null) return;
        if (rowsInGroup > 0) {
            rowGroupOrdinal++;
            file.startBlock(rowsInGroup);
            columns.flush();
            pages.flushToFileWriter(file);
            file.endBlock();
            nextRowGroupSize = Math.min(file.getNextRowGroupSize(), rowGroupSizeLimit);
            rowsInLastGroup = rowsInGroup;
            rowsInGroup = 0;
        }
        columns.close();
        pages.close();
        pages = null;
    }

    /** Lets go of a row group that will not be written (its column writers may be mid-record). */
    private void dropRowGroup() {
        if (pages != null) {
            columns.close();
            pages.close();
        }
        pages = null;
    }
}
