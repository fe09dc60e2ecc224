package dev.sluice.io;

import dev.sluice.vector.Batch;

/**
 * Writes batches into one output stream. {@link #close()} writes whatever the encoder still buffers but does
 * not close the stream: the sink that opened the stream closes it (finishing compression, releasing the file).
 * I/O failures may be thrown as {@link java.io.UncheckedIOException}; the sink reports them with the file's path.
 */
public interface RecordEncoder {
    void write(Batch batch);

    void close();
}
