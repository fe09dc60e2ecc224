package dev.sluice.io.parquet;

import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The sink's output stream as parquet-java's {@link OutputFile}. Parquet needs the write position (for the
 * footer's offsets), so the stream counts what passes; closing it only flushes, because the sink that opened
 * the stream closes it.
 */
final class StreamOutputFile implements OutputFile {
    private final OutputStream out;

    private Positioned opened;

    StreamOutputFile(OutputStream out) { this.out = out; }

    @Override public PositionOutputStream create(long blockSizeHint) { return opened = new Positioned(out); }

    @Override public PositionOutputStream createOrOverwrite(long blockSizeHint) { return opened = new Positioned(out); }

    /** How many bytes the writer has written to the stream so far. */
    long position() { return opened == null ? 0 : opened.position; }

    @Override public boolean supportsBlockSize() { return false; }

    @Override public long defaultBlockSize() { return 0; }

    private static final class Positioned extends PositionOutputStream {
        private final OutputStream out;
        private long position;

        Positioned(OutputStream out) { this.out = out; }

        @Override public long getPos() { return position; }

        @Override public void write(int b) throws IOException {
            out.write(b);
            position++;
        }

        @Override public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            position += len;
        }

        @Override public void flush() throws IOException { out.flush(); }

        @Override public void close() throws IOException { out.flush(); }
    }
}
