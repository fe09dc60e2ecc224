package dev.sluice.io.parquet;

import dev.sluice.vector.Batch;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;

/** Any schema: {@link BatchShredder}'s levels into parquet-java's column writers (a new store per row group). */
final class ShreddedRowGroupWriter implements RowGroupColumns {
    private final BatchShredder shredder;
    private final ParquetProperties props;
    private ColumnWriteStore store;
    private boolean flushed;

    ShreddedRowGroupWriter(BatchShredder shredder, ParquetProperties props) {
        this.shredder = shredder;
        this.props = props;
    }

    @Override public void start(ColumnChunkPageWriteStore pages) {
        store = props.newColumnWriteStore(shredder.schema(), pages, pages);
        shredder.bind(store);
    }

    @Override public void write(Batch batch, int from, int to) { shredder.write(batch, from, to, store); }

    @Override public long bufferedSize() { return store.getBufferedSize(); }

    @Override public void flush() {
        store.flush();
        flushed = true;
    }

    /** After a flush, closing the store releases its writers; after a failure the store is dropped unclosed. */
    @Override public void close() {
        if (flushed) store.close();
        store = null;
        flushed = false;
    }
}
