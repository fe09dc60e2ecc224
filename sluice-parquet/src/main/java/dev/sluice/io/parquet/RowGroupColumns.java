package dev.sluice.io.parquet;

import dev.sluice.vector.Batch;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;

/**
 * The column writers of a file, one row group at a time: {@link FlatRowGroupWriter} when every field is a
 * top-level primitive it covers, else {@link ShreddedRowGroupWriter} (parquet-java's column writers fed with
 * levels computed by Sluice).
 */
interface RowGroupColumns {
    /** Starts a row group whose pages go to {@code pages}. */
    void start(ColumnChunkPageWriteStore pages);

    /** Writes rows {@code [from, to)} of {@code batch}; pages are cut as parquet-java's column store cuts them. */
    void write(Batch batch, int from, int to);

    /** Bytes buffered for the row group: encoded pages and the pages being written. */
    long bufferedSize();

    /** Writes the last pages and the dictionary pages of the row group. */
    void flush();

    /** Releases the row group's buffers (after {@link #flush}, or instead of it when the file failed). */
    void close();
}
