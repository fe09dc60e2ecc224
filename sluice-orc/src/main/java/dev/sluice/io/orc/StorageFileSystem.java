package dev.sluice.io.orc;

import dev.sluice.io.SeekableInputStream;
import dev.sluice.io.Storage;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.PositionedReadable;
import org.apache.hadoop.fs.Seekable;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;

/**
 * The Hadoop FileSystem ORC's reader and writer need, over Sluice: reading opens paths of a {@link Storage}; writing
 * hands out the one output stream the sink opened (never closed here: the sink closes it). Everything else (rename,
 * delete, listing) is refused: ORC does not use it, and Sluice's commit protocol does the rest.
 */
final class StorageFileSystem extends FileSystem {
    private static final URI URI_ = URI.create("sluice:///");

    private final Storage storage;
    private final OutputStream output;

    private StorageFileSystem(Storage storage, OutputStream output, Configuration conf) {
        this.storage = storage;
        this.output = output;
        setConf(conf);
    }

    static StorageFileSystem reading(Storage storage, Configuration conf) { return new StorageFileSystem(storage, null, conf); }

    static StorageFileSystem writing(OutputStream out, Configuration conf) { return new StorageFileSystem(null, out, conf); }

    /** The Hadoop path standing for a storage path (kept whole in the URI's path). */
    static Path path(String storagePath) { return new Path(URI.create("sluice:///" + java.net.URLEncoder.encode(storagePath, java.nio.charset.StandardCharsets.UTF_8))); }

    private static String storagePath(Path p) {
        String encoded = p.toUri().getRawPath().substring(1);
        return java.net.URLDecoder.decode(encoded, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override public URI getUri() { return URI_; }

    @Override public String getScheme() { return "sluice"; }

    @Override public FSDataInputStream open(Path f, int bufferSize) {
        return new FSDataInputStream(new Positioned(storage.open(storagePath(f))));
    }

    @Override public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize, short replication,
                                               long blockSize, Progressable progress) {
        if (output == null) throw new UnsupportedOperationException("this file system only reads");
        return new FSDataOutputStream(new FilterOutputStream(output) {
            @Override public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }

            @Override public void close() throws IOException { out.flush(); }   // the sink closes the stream
        }, null);
    }

    @Override public FSDataOutputStream append(Path f, int bufferSize, Progressable progress) { throw refused("append"); }

    @Override public boolean rename(Path src, Path dst) { throw refused("rename"); }

    @Override public boolean delete(Path f, boolean recursive) { throw refused("delete"); }

    @Override public FileStatus[] listStatus(Path f) { throw refused("listStatus"); }

    @Override public void setWorkingDirectory(Path dir) { throw refused("setWorkingDirectory"); }

    @Override public Path getWorkingDirectory() { return new Path(URI_); }

    @Override public boolean mkdirs(Path f, FsPermission permission) { throw refused("mkdirs"); }

    @Override public FileStatus getFileStatus(Path f) throws IOException {
        if (storage == null) throw new java.io.FileNotFoundException(f.toString());   // a new output file does not exist yet
        dev.sluice.io.FileStatus s = storage.status(storagePath(f));
        return new FileStatus(s.size(), false, 1, 128L << 20, 0, f);
    }

    private static UnsupportedOperationException refused(String what) {
        return new UnsupportedOperationException(what + " is not used by the ORC format");
    }

    /** A storage stream as Hadoop's seekable, positioned stream. */
    private static final class Positioned extends InputStream implements Seekable, PositionedReadable {
        private final SeekableInputStream in;

        Positioned(SeekableInputStream in) { this.in = in; }

        @Override public int read() throws IOException { return in.read(); }

        @Override public int read(byte[] b, int off, int len) throws IOException { return in.read(b, off, len); }

        @Override public void seek(long pos) throws IOException { in.seek(pos); }

        @Override public long getPos() throws IOException { return in.position(); }

        @Override public boolean seekToNewSource(long targetPos) { return false; }

        @Override public synchronized int read(long position, byte[] buffer, int offset, int length) throws IOException {
            long back = in.position();
            try {
                in.seek(position);
                return in.read(buffer, offset, length);
            } finally {
                in.seek(back);
            }
        }

        @Override public void readFully(long position, byte[] buffer, int offset, int length) throws IOException {
            int done = 0;
            while (done < length) {
                int n = read(position + done, buffer, offset + done, length - done);
                if (n < 0) throw new java.io.EOFException("end of file at " + (position + done));
                done += n;
            }
        }

        @Override public void readFully(long position, byte[] buffer) throws IOException { readFully(position, buffer, 0, buffer.length); }

        @Override public void close() throws IOException { in.close(); }
    }
}
