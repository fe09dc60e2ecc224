package dev.sluice.io;

import dev.sluice.error.SluiceException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the lines of one {@link FileSplit} with Hadoop's LineRecordReader rule, so that the splits of a file
 * together yield every line exactly once: a split owns exactly the lines that <em>start</em> inside
 * {@code [start, end)}. A split not at offset 0 therefore skips the line already in progress at its start
 * (unless the byte before its start is a newline), and its last line may run past {@code end}.
 * Lines end at {@code \n}; a {@code \r} before it (or at the end of the file) is dropped; the last line
 * needs no newline. A {@code .gz} file (every member of a multi-member file) is read whole from one split.
 *
 * <p>Cursor style for the hot path: {@link #next()} advances and the line is then
 * {@code buffer()[offset(), offset() + length())}, valid until the next call. Nothing is allocated per line;
 * one buffer (default 1 MiB) grows only for a line longer than itself. The growth is charged to the scan's
 * {@link BufferBudget} (the session's memory budget): a line that does not fit fails with LIMIT_EXCEEDED naming the
 * budget, before the bigger buffer is allocated. The line number, only needed for error messages, is computed
 * when asked. Not thread-safe; close it to release the file and the charge.
 */
public final class LineReader implements AutoCloseable {
    public static final int DEFAULT_BUFFER_SIZE = 1 << 20;
    /** How much to read at a time once past the split's end, finishing its last line: keeps overlap small. */
    private static final int TAIL_READ = 64 * 1024;

    private final Storage storage;
    private final FileSplit split;
    /** Where the buffer came from and goes back to at close (null: allocated for this reader alone). */
    private final LineBuffers pool;
    private final InputStream in;
    private final CountingInput counted;
    private final long end;

    private byte[] buf;
    private int pos;          // start of the unread bytes in buf
    private int limit;        // end of the valid bytes in buf
    private long bufStart;    // file offset (uncompressed) of buf[0]
    private boolean eof;
    private boolean done;
    private boolean closed;
    private BufferBudget.Charge charge;   // the buffer's growth beyond its first size; opened on the first growth

    private int lineOffset;
    private int lineLength;
    private long lineStart = -1;
    private long linesReturned;
    private long firstLineStart;
    private long linesBeforeFirst = -1;

    private LineReader(Storage storage, FileSplit split, int bufferSize, LineBuffers buffers) {
        this.storage = storage;
        this.split = split;
        Compression compression = Compression.forPath(split.path());
        if (!compression.splittable() && split.start() != 0) {
            throw SluiceException.internal("a split of compressed file " + split.description() + " does not start at 0");
        }
        long capacity = compression.splittable() ? Math.max(4096L, split.length() + 1) : bufferSize;
        int size = (int) Math.max(16, Math.min(bufferSize, capacity));
        this.pool = buffers != null && size == DEFAULT_BUFFER_SIZE ? buffers : null;
        this.buf = pool != null ? pool.take() : new byte[size];
        SeekableInputStream raw;
        try {
            raw = storage.open(split.path());
        } catch (RuntimeException e) {
            if (pool != null) pool.give(buf);
            throw e;
        }
        try {
            if (compression.splittable() && split.start() > 0) raw.seek(split.start() - 1);
            this.counted = new CountingInput(raw);
            this.in = compression.decompress(counted);
        } catch (IOException e) {
            closeQuietly(raw);
            if (pool != null) pool.give(buf);
            throw IoErrors.io(split.path(), e);
        }
        this.end = compression.splittable() ? split.end() : Long.MAX_VALUE;
        this.bufStart = compression.splittable() && split.start() > 0 ? split.start() - 1 : 0;
        try {
            if (split.start() > 0) skipThroughFirstNewline();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        this.firstLineStart = bufStart + pos;
    }

    /** Opens {@code split} through {@code storage} with the default 1 MiB buffer. */
    public static LineReader open(Storage storage, FileSplit split) { return new LineReader(storage, split, DEFAULT_BUFFER_SIZE, null); }

    /**
     * As {@link #open(Storage, FileSplit)} with a buffer taken from {@code buffers}, which gets it back at
     * {@link #close} for the scan's next split ({@link LineBuffers}).
     */
    public static LineReader open(Storage storage, FileSplit split, LineBuffers buffers) {
        return new LineReader(storage, split, DEFAULT_BUFFER_SIZE, buffers);
    }

    /** As {@link #open(Storage, FileSplit)} with an initial buffer of {@code bufferSize} bytes (tests use tiny ones). */
    public static LineReader open(Storage storage, FileSplit split, int bufferSize) {
        if (bufferSize <= 0) throw new IllegalArgumentException("bufferSize must be positive: " + bufferSize);
        return new LineReader(storage, split, bufferSize, null);
    }

    public FileSplit split() { return split; }

    /** Advances to the next line of the split; false at its end. */
    public boolean next() {
        if (done || closed) return false;
        if (bufStart + pos >= end) return finish();
        int scanFrom = pos;
        while (true) {
            int i = ByteSearch.indexOf(buf, scanFrom, limit, (byte) '\n');
            if (i >= 0) {
                setLine(pos, i);
                pos = i + 1;
                return true;
            }
            if (eof) {
                if (pos == limit) return finish();
                setLine(pos, limit);
                pos = limit;
                return true;
            }
            int scanned = limit - pos;   // no newline among these: do not scan them again
            makeRoom();
            fill();
            scanFrom = pos + scanned;
        }
    }

    /**
     * True when a line of this split starts in the buffer: it starts at {@code buffer()[unreadStart()]} and its bytes,
     * as far as they are buffered, run to {@link #unreadEnd()}. For a caller that finds the line's end while it parses
     * the line (the JSON reader's scanner stops at the newline that follows a record) and then hands it over with
     * {@link #takeLine}, saving {@link #next()}'s separate search of every byte for the newline. When it cannot (the
     * line runs past the buffered bytes, or it is not one it can parse), {@link #next()} finds the line as usual.
     */
    public boolean hasUnread() { return !done && !closed && pos < limit && bufStart + pos < end; }

    /** Where the unread bytes start in {@link #buffer()}: the start of the next line (see {@link #hasUnread}). */
    public int unreadStart() { return pos; }

    /** Where the buffered bytes end in {@link #buffer()}; later bytes of the line are not read yet. */
    public int unreadEnd() { return limit; }

    /** True when the buffered bytes are the last of the input: the last line may end at {@link #unreadEnd()}. */
    public boolean unreadEndsInput() { return eof; }

    /**
     * Advances to the next line as {@link #next()} does, its end found by the caller: {@code lineEnd} is the index of
     * the first newline at or after {@link #unreadStart()}, or {@link #unreadEnd()} when there is none and
     * {@link #unreadEndsInput()}. The caller vouches that no newline comes before it; only its position is checked.
     */
    public void takeLine(int lineEnd) {
        if (!hasUnread() || lineEnd < pos || lineEnd > limit || (lineEnd == limit ? !eof : buf[lineEnd] != '\n')) {
            throw new IllegalArgumentException("not the end of the next line: " + lineEnd);
        }
        setLine(pos, lineEnd);
        pos = lineEnd == limit ? limit : lineEnd + 1;
    }

    private boolean finish() {
        done = true;
        lineLength = 0;
        return false;
    }

    private void setLine(int from, int newline) {
        int to = newline;
        if (to > from && buf[to - 1] == '\r') to--;
        lineOffset = from;
        lineLength = to - from;
        lineStart = bufStart + from;
        linesReturned++;
    }

    /** The buffer holding the current line; it may be a different array after the next call to {@link #next()}. */
    public byte[] buffer() { return buf; }

    /** Where the current line starts in {@link #buffer()}. */
    public int offset() { return lineOffset; }

    /** The current line's length in bytes, without its line terminator. */
    public int length() { return lineLength; }

    /** Byte offset of the current line in the file (in the decompressed stream for a compressed file). */
    public long lineOffsetInFile() { return lineStart; }

    /** Lines returned so far by this reader. */
    public long linesRead() { return linesReturned; }

    /**
     * The 1-based line number of the current line in the whole file. For a split not at offset 0 this reads
     * the file from its start once, counting newlines, so call it for error messages only.
     */
    public long lineNumber() {
        if (linesReturned == 0) throw new IllegalStateException("no current line: call next() first");
        if (linesBeforeFirst < 0) linesBeforeFirst = firstLineStart == 0 ? 0 : countNewlines(firstLineStart);
        return linesBeforeFirst + linesReturned;
    }

    /** {@code path:line} of the current line, for error messages. */
    public String location() { return split.path() + ":" + lineNumber(); }

    /** Bytes read from storage so far (compressed bytes for a compressed file). */
    public long bytesRead() { return counted.count; }

    @Override public void close() {
        if (closed) return;
        closed = true;
        done = true;
        if (charge != null) charge.close();
        if (pool != null) {   // the scan's next reader may fill it from now on: this one holds it no more
            pool.give(buf);
            buf = null;
        }
        try {
            in.close();
        } catch (IOException e) {
            throw IoErrors.io(split.path(), e);
        }
    }

    /** Skips the line in progress at the split's start: everything through the first newline at or after start-1. */
    private void skipThroughFirstNewline() {
        while (true) {
            for (int i = pos; i < limit; i++) {
                if (buf[i] == '\n') {
                    pos = i + 1;
                    return;
                }
            }
            bufStart += limit;   // none of these bytes are ours
            pos = 0;
            limit = 0;
            if (eof) return;
            fill();
        }
    }

    /** Frees space at the end of the buffer: drop consumed bytes, or grow when one line fills it all. */
    private void makeRoom() {
        if (limit < buf.length) return;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            bufStart += pos;
            limit -= pos;
            pos = 0;
        } else {
            if (buf.length >= Integer.MAX_VALUE - 16) {
                throw IoErrors.io(split.path(), "a line at byte " + bufStart + " is longer than 2 GiB; "
                        + "check that the file really is line-delimited");
            }
            int size = (int) Math.min(Integer.MAX_VALUE - 16L, buf.length * 2L);
            chargeGrowth(size - buf.length);
            byte[] bigger = new byte[size];
            System.arraycopy(buf, 0, bigger, 0, limit);
            buf = bigger;
        }
    }

    /** Charges {@code more} bytes of buffer to the scan's budget, or fails naming the budget and how to raise it. */
    private void chargeGrowth(long more) {
        if (charge == null) charge = BufferBudgetScope.current().open("line buffer of " + split.path());
        if (charge.tryGrow(more)) return;
        BufferBudget budget = BufferBudgetScope.current();
        throw SluiceException.of(dev.sluice.error.ErrorCode.LIMIT_EXCEEDED)
                .with("what", "The line at byte " + bufStart + " of " + split.path() + " (" + limit
                        + " bytes so far without a line end, which need a " + (buf.length + more) + "-byte buffer)")
                .with("limit", budget.describe())
                .with("remedy", "Raise the memory budget (Sluice.builder().memoryBudget(bytes) or -Dsluice.memory.budget) "
                        + "and the heap (-Xmx), or check that the file really is line-delimited (multiLine, lineSep).")
                .build();
    }

    /** Reads at least one byte into the free space, or sets eof. */
    private void fill() {
        int want = buf.length - limit;
        long beforeEnd = end - (bufStart + limit);
        if (beforeEnd < want) want = (int) Math.max(Math.min(want, TAIL_READ), Math.max(beforeEnd, 0));
        try {
            int n;
            do {
                n = in.read(buf, limit, want);
            } while (n == 0);
            if (n < 0) eof = true;
            else limit += n;
        } catch (IOException e) {
            throw DecompressionErrors.of(split.path(), e, linesReturned);
        }
    }

    private long countNewlines(long upTo) {
        long count = 0;
        try (InputStream whole = Compression.forPath(split.path()).decompress(storage.open(split.path()))) {
            byte[] b = new byte[64 * 1024];
            long remaining = upTo;
            while (remaining > 0) {
                int n = whole.read(b, 0, (int) Math.min(b.length, remaining));
                if (n < 0) break;
                for (int i = 0; i < n; i++) if (b[i] == '\n') count++;
                remaining -= n;
            }
        } catch (IOException e) {
            throw IoErrors.io(split.path(), e);
        }
        return count;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // already failing with a better error
        }
    }

    /** Counts the bytes taken from storage; forwards available(), which GZIPInputStream needs for multi-member files. */
    private static final class CountingInput extends FilterInputStream {
        long count;

        CountingInput(InputStream in) { super(in); }

        @Override public int read() throws IOException {
            int b = in.read();
            if (b >= 0) count++;
            return b;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }
}
