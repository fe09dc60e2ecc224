package dev.sluice.fuzz;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.io.FileStatus;
import dev.sluice.io.SeekableInputStream;
import dev.sluice.io.Storage;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/** A read-only storage of one directory {@code /m} holding in-memory files: fuzz inputs without disk I/O. */
record MemoryFiles(Map<String, byte[]> files) implements Storage {
    static MemoryFiles of(String name, byte[] content) { return new MemoryFiles(Map.of("/m/" + name, content)); }

    @Override public List<FileStatus> list(String directory) {
        if (!directory.equals("/m")) throw SluiceException.of(ErrorCode.PATH_NOT_FOUND).with("path", directory).build();
        return files.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new FileStatus(e.getKey(), e.getValue().length, 0, false)).toList();
    }

    @Override public FileStatus status(String path) {
        if (path.equals("/m")) return new FileStatus("/m", 0, 0, true);
        byte[] b = files.get(path);
        if (b == null) throw SluiceException.of(ErrorCode.PATH_NOT_FOUND).with("path", path).build();
        return new FileStatus(path, b.length, 0, false);
    }

    @Override public boolean exists(String path) { return path.equals("/m") || files.containsKey(path); }

    @Override public SeekableInputStream open(String path) {
        byte[] b = files.get(path);
        if (b == null) throw SluiceException.of(ErrorCode.PATH_NOT_FOUND).with("path", path).build();
        return new SeekableInputStream() {
            int pos;

            @Override public int read() { return pos < b.length ? b[pos++] & 0xff : -1; }

            @Override public int read(byte[] out, int off, int len) {
                if (len == 0) return 0;
                if (pos >= b.length) return -1;
                int n = Math.min(len, b.length - pos);
                System.arraycopy(b, pos, out, off, n);
                pos += n;
                return n;
            }

            @Override public void seek(long position) { pos = (int) Math.min(position, b.length); }

            @Override public long position() { return pos; }

            @Override public long length() { return b.length; }
        };
    }

    @Override public OutputStream create(String path) { return new ByteArrayOutputStream(); }

    @Override public void rename(String from, String to) { throw new UnsupportedOperationException("read-only fuzz storage"); }

    @Override public boolean deleteRecursively(String path) { return false; }

    @Override public void mkdirs(String path) { }
}
