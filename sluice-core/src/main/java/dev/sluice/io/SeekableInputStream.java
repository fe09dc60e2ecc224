package dev.sluice.io;

import java.io.IOException;
import java.io.InputStream;

/**
 * A stream over one stored file that can jump to any byte offset. It is an {@link InputStream} so that
 * decompressors can wrap it. {@link #available()} must report the bytes left in the file: the JDK's
 * {@code GZIPInputStream} relies on it to notice a further gzip member after the first.
 */
public abstract class SeekableInputStream extends InputStream {
    /** Moves the read position to {@code position} (0 ≤ position ≤ length). */
    public abstract void seek(long position) throws IOException;

    /** The offset of the next byte {@link #read()} returns. */
    public abstract long position() throws IOException;

    /** The size of the file in bytes. */
    public abstract long length() throws IOException;

    @Override public int available() throws IOException {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, length() - position()));
    }

    @Override public long skip(long n) throws IOException {
        if (n <= 0) return 0;
        long from = position();
        long to = Math.min(length(), from + n);
        seek(to);
        return to - from;
    }
}
