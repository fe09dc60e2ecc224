package dev.sluice.exec;

import dev.sluice.error.SluiceException;
import dev.sluice.memory.MemoryPool;
import dev.sluice.memory.Reservation;
import dev.sluice.memory.SpillFile;
import dev.sluice.memory.SpillListener;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.BatchSizes;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.Vectors;

import java.util.ArrayList;
import java.util.List;

/**
 * The stored rows of one cached query: per partition, an ordered list of segments, each either batches in memory or
 * one spill file. Filled once by the first action that computes the query ({@link #materialize}); read by every later
 * one. Memory comes from the session's pool through one spillable reservation: a refused batch first writes every
 * in-memory segment to spill files (the pool's own file format), and any task short of memory may have them written
 * out too, so caching under a small budget spills instead of failing. A segment that is spilled is replaced, never
 * changed, so readers holding the old one keep reading it. {@link #close} (unpersist) frees the memory and files.
 */
public final class CachedPartitions implements AutoCloseable {
    private final String owner;
    private final Object materializing = new Object();   // a second action waits for the first one's stage
    private List<List<Segment>> parts;
    private Reservation reservation;
    private StructType schema;
    private boolean diskOnly;
    private SpillListener listener = SpillListener.NONE;
    private volatile boolean ready;

    public CachedPartitions(String owner) { this.owner = owner; }

    /** One run of batches: in memory ({@code file} null) or in a spill file. */
    private record Segment(List<Batch> batches, long bytes, SpillFile file, boolean open) {
        static Segment memory() { return new Segment(new ArrayList<>(), 0, null, false); }
    }

    public boolean isReady() { return ready; }

    public synchronized int partitionCount() { return parts == null ? 0 : parts.size(); }

    /**
     * Runs {@code compute} as a stage and keeps every partition's batches, unless an earlier action already did; on
     * failure nothing is kept and the next action tries again.
     */
    public void materialize(ExecNode compute, StageRunner runner, MemoryPool pool, SpillListener spills, boolean toDisk) {
        synchronized (materializing) {
            if (ready) return;
            synchronized (this) {
                parts = new ArrayList<>();
                for (int p = 0; p < compute.partitionCount(); p++) parts.add(new ArrayList<>());
                schema = compute.schema();
                diskOnly = toDisk;
                listener = spills == null ? SpillListener.NONE : spills;
                reservation = pool.newSpillableReservation(owner, () -> false);
                reservation.setSharedSpiller(this::spillMemory);   // cached batches are always safe to write out
            }
            boolean ok = false;
            try {
                runner.runStage(compute, owner, (partition, stream, ctx) -> {
                    for (Batch b = stream.next(); b != null; b = stream.next()) add(partition, b);
                    finishPartition(partition);
                });
                ok = true;
            } finally {
                synchronized (this) {
                    if (ok && parts != null) ready = true;   // parts is null when unpersist came first
                }
                if (!ok) close();
            }
        }
    }

    private void add(int partition, Batch batch) {
        if (batch.rowCount() == 0) return;
        Batch b = compact(batch);
        long size = BatchSizes.estimate(b);
        synchronized (this) {
            if (parts == null) throw SluiceException.of(dev.sluice.error.ErrorCode.JOB_CANCELLED).build();   // unpersisted meanwhile
            List<Segment> segments = parts.get(partition);
            if (!diskOnly && reservation.tryGrowNow(size)) {
                Segment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
                if (last == null || last.file() != null) {
                    last = Segment.memory();
                    segments.add(last);
                }
                last.batches().add(b);
                segments.set(segments.size() - 1, new Segment(last.batches(), last.bytes() + size, null, false));
                return;
            }
            if (!diskOnly) spillMemory();
            Segment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
            if (last == null || !last.open()) {
                last = new Segment(List.of(), 0, reservation.spills().newFile("cache", listener), true);
                segments.add(last);
            }
            last.file().write(b);
        }
    }

    private synchronized void finishPartition(int partition) {
        if (parts == null) return;
        List<Segment> segments = parts.get(partition);
        if (segments.isEmpty()) return;
        Segment last = segments.get(segments.size() - 1);
        if (last.open()) {
            last.file().finishWriting();
            segments.set(segments.size() - 1, new Segment(List.of(), 0, last.file(), false));
        }
    }

    /** Writes every in-memory segment to a spill file of its own and gives the memory back to the pool. */
    private synchronized void spillMemory() {
        if (parts == null || reservation == null) return;
        long freed = 0;
        for (List<Segment> segments : parts) {
            for (int i = 0; i < segments.size(); i++) {
                Segment s = segments.get(i);
                if (s.file() != null || s.batches().isEmpty()) continue;
                SpillFile f = reservation.spills().newFile("cache", listener);
                for (Batch b : s.batches()) f.write(b);
                f.finishWriting();
                segments.set(i, new Segment(List.of(), 0, f, false));
                freed += s.bytes();
            }
        }
        reservation.shrink(freed);
    }

    /** The stored batches of {@code partition}, in the order they were computed. */
    public BatchStream read(int partition, TaskContext ctx) {
        List<Segment> snapshot;
        StructType rowSchema;
        synchronized (this) {
            if (!ready || parts == null) throw SluiceException.internal("cached rows read before they were computed (" + owner + ")");
            snapshot = new ArrayList<>();
            for (Segment s : parts.get(partition)) snapshot.add(s.file() == null ? new Segment(List.copyOf(s.batches()), s.bytes(), null, false) : s);
            rowSchema = schema;
        }
        return new BatchStream() {
            int segment;
            int next;
            SpillFile.Reader reader;

            @Override public Batch next() {
                while (segment < snapshot.size()) {
                    ctx.checkCancelled();
                    Segment s = snapshot.get(segment);
                    if (s.file() != null) {
                        if (reader == null) reader = s.file().reader(rowSchema);
                        Batch b = reader.next();
                        if (b != null) return b;
                        reader.close();
                        reader = null;
                    } else if (next < s.batches().size()) {
                        return s.batches().get(next++);
                    }
                    segment++;
                    next = 0;
                }
                return null;
            }

            @Override public void close() {
                if (reader != null) reader.close();
                reader = null;
            }
        };
    }

    /** Bytes held in memory now. */
    public synchronized long memoryBytes() { return reservation == null ? 0 : reservation.bytes(); }

    /** Compressed bytes in spill files now. */
    public synchronized long diskBytes() {
        long total = 0;
        if (parts != null) for (List<Segment> segments : parts) for (Segment s : segments) if (s.file() != null) total += s.file().sizeInBytes();
        return total;
    }

    /** Frees the memory and deletes the files (unpersist); the next action computes the rows again. */
    @Override public void close() {
        synchronized (this) {
            ready = false;
            if (parts != null) for (List<Segment> segments : parts) for (Segment s : segments) if (s.file() != null) s.file().delete();
            parts = null;
            if (reservation != null) reservation.close();
            reservation = null;
        }
    }

    private static Batch compact(Batch batch) {
        ColumnVector[] cols = new ColumnVector[batch.columnCount()];
        for (int c = 0; c < cols.length; c++) cols[c] = Vectors.copy(batch.column(c));
        return new Batch(cols, batch.rowCount());
    }
}
