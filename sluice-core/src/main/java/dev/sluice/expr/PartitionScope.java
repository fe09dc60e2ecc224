package dev.sluice.expr;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * The partition a worker thread is computing, for the functions whose values depend on it: {@code rand(seed)}
 * seeds one generator per partition with {@code seed + partition}, as Spark does, so its values depend on the
 * data's partitioning (file splits), never on the number of workers or which worker ran what. The scheduler
 * enters a scope around each task; evaluation outside a task (on the driver) sees partition 0. State kept here
 * lives as long as the task, so a retried task starts its sequences afresh.
 */
public final class PartitionScope implements AutoCloseable {
    private static final ThreadLocal<PartitionScope> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<PartitionScope> OUTSIDE_TASKS = ThreadLocal.withInitial(() -> new PartitionScope(0, null));

    private final int partition;
    private final PartitionScope previous;
    /** Keyed by a bound call's state object; weak so that bindings of finished queries can go. */
    private final Map<Object, Object> state = new WeakHashMap<>();

    private PartitionScope(int partition, PartitionScope previous) {
        this.partition = partition;
        this.previous = previous;
    }

    /** Marks this thread as computing {@code partition} until the returned scope is closed. */
    public static PartitionScope enter(int partition) {
        PartitionScope scope = new PartitionScope(partition, CURRENT.get());
        CURRENT.set(scope);
        return scope;
    }

    /**
     * A scope for {@code partition} that is not entered yet: a task that computes several partitions' streams in
     * turn (a global limit reading its input) enters each one's scope with {@link #activate()} around every step,
     * so the partition's state (rand's generator, the file it reads) lasts from one batch to the next.
     */
    public static PartitionScope unentered(int partition) { return new PartitionScope(partition, null); }

    /** Makes this scope the thread's current one until the returned handle is closed, which restores the one before. */
    public Active activate() {
        PartitionScope before = CURRENT.get();
        CURRENT.set(this);
        return () -> {
            if (before == null) CURRENT.remove();
            else CURRENT.set(before);
        };
    }

    /** An activation of a scope; closing it restores the thread's previous scope. */
    public interface Active extends AutoCloseable {
        @Override void close();
    }

    public static PartitionScope current() {
        PartitionScope scope = CURRENT.get();
        return scope != null ? scope : OUTSIDE_TASKS.get();
    }

    public int partition() { return partition; }

    /** The file a scan of this task reads and the byte range of its split, for input_file_name / _block_start / _length. */
    private String filePath;
    private long fileStart = -1, fileLength = -1;

    /** Records the file the task's scan reads ({@code path} null when the split reads no file). */
    public void readingFile(String path, long start, long length) {
        this.filePath = path == null ? null : fileUri(path);
        this.fileStart = path == null ? -1 : start;
        this.fileLength = path == null ? -1 : length;
    }

    /**
     * A file as Spark's input_file_name names it: a URI, {@code file:///abs/path} for a local path (percent-encoded
     * as Hadoop's {@code Path.toUri}), a path that names its scheme ({@code s3://bucket/key}) as it is.
     */
    static String fileUri(String path) {
        if (path.matches("[A-Za-z][A-Za-z0-9+.-]+:.*")) return path;
        try {
            return java.nio.file.Path.of(path).toAbsolutePath().normalize().toUri().toString();
        } catch (java.nio.file.InvalidPathException e) {
            return path;
        }
    }

    /** The file this task's scan reads as a URI ({@link #fileUri}), "" when it reads none (as Spark's input_file_name). */
    public String inputFileName() { return filePath == null ? "" : filePath; }

    public long inputFileBlockStart() { return fileStart; }

    public long inputFileBlockLength() { return fileLength; }

    /** This task's value for {@code key}, created on first use. */
    @SuppressWarnings("unchecked")
    public <T> T state(Object key, Supplier<T> create) {
        return (T) state.computeIfAbsent(key, k -> create.get());
    }

    @Override public void close() {
        if (previous == null) CURRENT.remove();
        else CURRENT.set(previous);
    }
}
