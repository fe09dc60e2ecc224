package dev.sluice.connect;

import com.google.protobuf.ByteString;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A query's batches written column by column into Arrow vectors and cut into Spark Connect's ArrowBatch messages:
 * each a complete IPC stream (schema, one record batch, end of stream) of at most {@code maxRows} rows and about
 * {@code maxBytes} bytes, handed to the sink as soon as it is full, so the result is never held whole. One set of
 * Arrow vectors is reused from message to message.
 */
final class ArrowBatchEncoder implements AutoCloseable {
    /** Receives each finished message: the IPC stream and its row count. */
    interface Sink {
        void accept(ByteString ipc, int rows);
    }

    private final VectorSchemaRoot root;
    private final ArrowColumnWriter[] writers;
    private final int maxRows;
    private final long maxBytes;
    private final Sink sink;
    private int rows;           // in the message being built
    private long bytes;         // of the message being built
    private long totalRows;     // written so far: with totalBytes, the bytes a row takes on average
    private long totalBytes;
    private boolean sent;

    ArrowBatchEncoder(BufferAllocator allocator, StructType schema, int maxRows, long maxBytes, Sink sink) {
        this.root = VectorSchemaRoot.create(ArrowTypes.schema(schema), allocator);
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
        this.sink = sink;
        root.allocateNew();
        writers = new ArrowColumnWriter[schema.size()];
        for (int c = 0; c < writers.length; c++) writers[c] = ArrowColumnWriters.of(root.getVector(c), schema.field(c).dataType());
    }

    /**
     * Every batch as one IPC stream with one record batch (no row or byte cut), as {@link ArrowBatches#encode} writes
     * rows: a command's result, which goes back to the client whole, as a local relation.
     */
    static ByteString whole(BufferAllocator allocator, StructType schema, java.util.Iterator<Batch> batches) {
        ByteString[] message = {null};
        try (ArrowBatchEncoder encoder = new ArrowBatchEncoder(allocator, schema, Integer.MAX_VALUE, Long.MAX_VALUE,
                (ipc, rows) -> message[0] = ipc)) {
            while (batches.hasNext()) encoder.add(batches.next());
            encoder.finish();
        }
        return message[0];
    }

    /** Adds a batch's rows, sending each message that fills up on the way. */
    void add(Batch batch) {
        int from = 0, n = batch.rowCount();
        while (from < n) {
            int chunk = Math.min(n - from, Math.min(maxRows - rows, rowsThatFit()));
            for (int c = 0; c < writers.length; c++) bytes += writers[c].write(batch.column(c), from, chunk, rows);
            if (writers.length == 0) bytes += chunk;
            rows += chunk;
            from += chunk;
            if (rows >= maxRows || bytes >= maxBytes) flush();
        }
    }

    /** Sends what is left; a result without rows still sends one empty message (clients expect at least one). */
    void finish() {
        if (rows > 0 || !sent) flush();
    }

    /**
     * How many rows to write next: those that fit the message's byte budget by the average row so far, and no more
     * than the rows written so far (the chunks double from one row), so that a result's first large values are seen
     * before many of them are written. At least one.
     */
    private int rowsThatFit() {
        long written = totalRows + rows;
        if (written == 0) return 1;
        double perRow = Math.max(1.0, (double) (totalBytes + bytes) / written);
        return (int) Math.max(1, Math.min(written, (maxBytes - bytes) / perRow));
    }

    private void flush() {
        root.setRowCount(rows);
        ByteString.Output out = ByteString.newOutput((int) Math.min(Integer.MAX_VALUE - 64, bytes + 1024));
        try (ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out)) {
            writer.start();
            writer.writeBatch();
            writer.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sink.accept(out.toByteString(), rows);
        sent = true;
        totalRows += rows;
        totalBytes += bytes;
        rows = 0;
        bytes = 0;
        for (FieldVector v : root.getFieldVectors()) v.reset();
        root.setRowCount(0);
    }

    @Override public void close() { root.close(); }
}
