package dev.sluice.io.s3;

import dev.sluice.io.SeekableInputStream;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import java.io.IOException;

/**
 * Reads one object with ranged GETs. Each GET asks for the bytes the caller wants plus a bounded read-ahead
 * ({@code sluice.s3.readAhead}, 1 MiB by default); while reads stay sequential the next range doubles, up to
 * {@link #MAX_RANGE}, so a long scan costs few requests and a seek-heavy reader (Parquet footers and column
 * chunks) never pulls a whole object. A short forward seek inside the open range skips bytes instead of
 * starting a new request. A connection that breaks mid-body is reopened at the current position (the SDK
 * retries the request itself; this covers the body, which it cannot). Used by one thread.
 */
final class S3InputStream extends SeekableInputStream {
    static final long MAX_RANGE = 64L << 20;
    private static final long SKIP_WITHIN = 256L << 10;
    private static final int BODY_RETRIES = 3;

    private final S3Storage storage;
    private final S3Path path;
    private final long length;
    private final long readAhead;
    private final byte[] one = new byte[1];

    private long pos;
    private ResponseInputStream<GetObjectResponse> body;
    private long bodyPos;     // the offset of the next byte body returns
    private long bodyEnd;     // one past the last byte body will return
    private long nextRange;
    private long lastEnd = -1;
    private boolean closed;

    S3InputStream(S3Storage storage, S3Path path, long length) {
        this.storage = storage;
        this.path = path;
        this.length = length;
        this.readAhead = storage.settings().readAhead();
        this.nextRange = readAhead;
    }

    @Override public int read() throws IOException {
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override public int read(byte[] b, int off, int len) throws IOException {
        if (closed) throw new IOException("stream closed: " + path);
        if (len == 0) return 0;
        if (pos >= length) return -1;
        for (int attempt = 0; ; attempt++) {
            try {
                position(len);
                int n = body.read(b, off, (int) Math.min(len, bodyEnd - bodyPos));
                if (n < 0) throw new IOException("the connection ended at byte " + bodyPos + " of the range ending at " + bodyEnd);
                pos += n;
                bodyPos += n;
                storage.s3Metrics().bytesRead.addAndGet(n);
                return n;
            } catch (IOException e) {
                closeBody();
                if (attempt >= BODY_RETRIES) throw new IOException("reading " + path + " at byte " + pos + " failed", e);
            }
        }
    }

    /** Makes {@code body} deliver the byte at {@code pos}: keeps it, skips forward in it, or opens a new range. */
    private void position(int wanted) throws IOException {
        if (body != null && pos > bodyPos && pos < bodyEnd && pos - bodyPos <= SKIP_WITHIN) {
            long toSkip = pos - bodyPos;
            while (toSkip > 0) {
                long n = body.skip(toSkip);
                if (n <= 0) {
                    if (body.read() < 0) throw new IOException("the connection ended while skipping");
                    n = 1;
                }
                toSkip -= n;
                bodyPos += n;
            }
        }
        if (body != null && pos == bodyPos && pos < bodyEnd) return;
        closeBody();
        boolean sequential = pos == lastEnd;
        nextRange = sequential ? Math.min(MAX_RANGE, nextRange * 2) : readAhead;
        long end = Math.min(length, pos + Math.max(wanted, nextRange));
        String range = "bytes=" + pos + "-" + (end - 1);
        try {
            body = storage.client().getObject(g -> g.bucket(path.bucket()).key(path.key()).range(range));
        } catch (SdkException e) {
            throw new IOException(S3Errors.describe(e), e);
        }
        bodyPos = pos;
        bodyEnd = end;
        lastEnd = end;
    }

    @Override public void seek(long position) throws IOException {
        if (position < 0 || position > length) throw new IOException("seek to " + position + " outside 0.." + length + " of " + path);
        pos = position;
        if (body != null && (pos < bodyPos || pos >= bodyEnd)) closeBody();
    }

    @Override public long position() { return pos; }

    @Override public long length() { return length; }

    /** Drops the open response without reading the rest of its range. */
    private void closeBody() {
        if (body == null) return;
        try {
            body.abort();
            body.close();
        } catch (IOException | RuntimeException ignored) {
            // the connection is being thrown away
        }
        body = null;
    }

    @Override public void close() {
        closed = true;
        closeBody();
    }
}
