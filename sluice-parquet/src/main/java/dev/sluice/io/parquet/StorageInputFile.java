package dev.sluice.io.parquet;

import dev.sluice.io.Storage;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A file in Sluice {@link Storage} as parquet-java's {@link InputFile}: every byte goes through storage
 * (so tests can count opens and bytes), and the bytes read through its streams are counted for progress.
 */
final class StorageInputFile implements InputFile {
    private final Storage storage;
    private final String path;
    private final long length;
    private final AtomicLong bytesRead = new AtomicLong();

    StorageInputFile(Storage storage, String path, long length) {
        this.storage = storage;
        this.path = path;
        this.length = length;
    }

    long bytesRead() { return bytesRead.get(); }

    @Override public long getLength() { return length; }

    @Override public SeekableInputStream newStream() {
        dev.sluice.io.SeekableInputStream in = storage.open(path);
        InputStream counted = new InputStream() {
            @Override public int read() throws IOException {
                int b = in.read();
                if (b >= 0) bytesRead.incrementAndGet();
                return b;
            }

            @Override public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                if (n > 0) bytesRead.addAndGet(n);
                return n;
            }

            @Override public void close() throws IOException { in.close(); }
        };
        return new DelegatingSeekableInputStream(counted) {
            @Override public long getPos() throws IOException { return in.position(); }

            @Override public void seek(long position) throws IOException { in.seek(position); }
        };
    }

    @Override public String toString() { return path; }
}
