package dev.sluice.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Test storage whose streams return at most a few bytes per read, as a slow network stream may. */
final class TrickleStorage implements Storage {
    private final Storage inner;
    private final int maxRead;

    TrickleStorage(Storage inner, int maxRead) {
        this.inner = inner;
        this.maxRead = maxRead;
    }

    @Override public List<FileStatus> list(String directory) { return inner.list(directory); }
    @Override public FileStatus status(String path) { return inner.status(path); }
    @Override public boolean exists(String path) { return inner.exists(path); }
    @Override public OutputStream create(String path) { return inner.create(path); }
    @Override public void rename(String from, String to) { inner.rename(from, to); }
    @Override public boolean deleteRecursively(String path) { return inner.deleteRecursively(path); }
    @Override public void mkdirs(String path) { inner.mkdirs(path); }

    @Override public SeekableInputStream open(String path) {
        SeekableInputStream in = inner.open(path);
        return new SeekableInputStream() {
            @Override public int read() throws IOException { return in.read(); }
            @Override public int read(byte[] b, int off, int len) throws IOException {
                return in.read(b, off, Math.min(len, maxRead));
            }
            @Override public void seek(long position) throws IOException { in.seek(position); }
            @Override public long position() throws IOException { return in.position(); }
            @Override public long length() throws IOException { return in.length(); }
            @Override public void close() throws IOException { in.close(); }
        };
    }
}
