package dev.sluice.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * A {@link Storage} decorator that counts what is done through it: opens per path, bytes read, listings,
 * status calls and files created. Laziness tests use it to assert that building a plan opened nothing and
 * read no byte, and that an action opened each file once. Thread-safe: workers read in parallel.
 */
public final class CountingStorage implements Storage {
    private final Storage inner;
    private final Map<String, AtomicLong> opens = new ConcurrentHashMap<>();
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong listings = new AtomicLong();
    private final AtomicLong statusCalls = new AtomicLong();
    private final AtomicLong creates = new AtomicLong();
    private final AtomicLong openStreams = new AtomicLong();

    public CountingStorage(Storage inner) { this.inner = requireNonNull(inner, "inner"); }

    /** Counts over the local file system. */
    public static CountingStorage local() { return new CountingStorage(LocalStorage.INSTANCE); }

    /** How many times {@code path} was opened for reading (spelled as it was passed to {@link #open}). */
    public long opens(String path) {
        AtomicLong n = opens.get(path);
        return n == null ? 0 : n.get();
    }

    /** Opens for reading, all paths together. */
    public long totalOpens() {
        long sum = 0;
        for (AtomicLong n : opens.values()) sum += n.get();
        return sum;
    }

    /** Opens per path, sorted by path (for readable assertion failures). */
    public Map<String, Long> opensByPath() {
        Map<String, Long> out = new TreeMap<>();
        opens.forEach((path, n) -> out.put(path, n.get()));
        return out;
    }

    /** Bytes returned by all streams opened through this storage. */
    public long bytesRead() { return bytesRead.get(); }

    /** Read streams opened and not yet closed: 0 after every reader released its file. */
    public long openStreams() { return openStreams.get(); }

    /** Calls to {@link #list}. */
    public long listings() { return listings.get(); }

    /** Calls to {@link #status} and {@link #exists}. */
    public long statusCalls() { return statusCalls.get(); }

    /** Calls to {@link #create}. */
    public long creates() { return creates.get(); }

    /** Any contact with the data or the metadata at all: what a lazy plan builder must not cause. */
    public boolean untouched() {
        return totalOpens() == 0 && bytesRead() == 0 && listings() == 0 && statusCalls() == 0 && creates() == 0;
    }

    public void reset() {
        opens.clear();
        bytesRead.set(0);
        listings.set(0);
        statusCalls.set(0);
        creates.set(0);
    }

    @Override public List<FileStatus> list(String directory) {
        listings.incrementAndGet();
        return inner.list(directory);
    }

    @Override public FileStatus status(String path) {
        statusCalls.incrementAndGet();
        return inner.status(path);
    }

    @Override public boolean exists(String path) {
        statusCalls.incrementAndGet();
        return inner.exists(path);
    }

    @Override public SeekableInputStream open(String path) {
        opens.computeIfAbsent(path, p -> new AtomicLong()).incrementAndGet();
        Counted stream = new Counted(inner.open(path));
        openStreams.incrementAndGet();
        return stream;
    }

    @Override public OutputStream create(String path) {
        creates.incrementAndGet();
        return inner.create(path);
    }

    @Override public void rename(String from, String to) { inner.rename(from, to); }

    @Override public boolean atomicRename() { return inner.atomicRename(); }

    /** The inner storage's committer: it writes through the inner storage, so its work is not counted. */
    @Override public JobCommitter jobCommitter(String target, SaveMode mode, String jobId) {
        return inner.jobCommitter(target, mode, jobId);
    }

    @Override public JobCommitter jobCommitter(String target, SaveMode mode, boolean replacePartitions, String jobId) {
        return inner.jobCommitter(target, mode, replacePartitions, jobId);
    }

    @Override public java.util.Map<String, Long> metrics() { return inner.metrics(); }

    @Override public boolean deleteRecursively(String path) { return inner.deleteRecursively(path); }

    @Override public void mkdirs(String path) { inner.mkdirs(path); }

    @Override public void sync(String path) { inner.sync(path); }

    @Override public String toString() { return "Counting(" + inner + ")"; }

    private final class Counted extends SeekableInputStream {
        private final SeekableInputStream in;
        private boolean closed;

        Counted(SeekableInputStream in) { this.in = in; }

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

        @Override public void seek(long position) throws IOException { in.seek(position); }

        @Override public long position() throws IOException { return in.position(); }

        @Override public long length() throws IOException { return in.length(); }

        @Override public int available() throws IOException { return in.available(); }

        @Override public void close() throws IOException {
            if (!closed) {
                closed = true;
                openStreams.decrementAndGet();
            }
            in.close();
        }
    }
}
