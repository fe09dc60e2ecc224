package dev.sluice.exec;

import dev.sluice.memory.SpillListener;

import java.util.concurrent.atomic.LongAdder;

/**
 * What one operator produced over all its partitions: rows, batches and the time spent in it and below it,
 * and what it spilled to disk (compressed bytes, files, time spent writing).
 */
public final class OperatorMetrics implements SpillListener {
    private final LongAdder rows = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final LongAdder nanos = new LongAdder();
    private final LongAdder partitions = new LongAdder();
    private final LongAdder spillBytes = new LongAdder();
    private final LongAdder spillFiles = new LongAdder();
    private final LongAdder spillNanos = new LongAdder();

    void record(int batchRows, long elapsedNanos) {
        if (batchRows >= 0) {
            rows.add(batchRows);
            batches.increment();
        }
        nanos.add(elapsedNanos);
    }

    void partitionDone() { partitions.increment(); }

    public long rows() { return rows.sum(); }

    public long batches() { return batches.sum(); }

    /** Time inside this operator's next(), its inputs included (subtract the children's for its own). */
    public long inclusiveNanos() { return nanos.sum(); }

    public long partitions() { return partitions.sum(); }

    @Override public void spilled(long bytes, long elapsedNanos, boolean newFile) {
        spillBytes.add(bytes);
        spillNanos.add(elapsedNanos);
        if (newFile) spillFiles.increment();
    }

    public long spillBytes() { return spillBytes.sum(); }

    public long spillFiles() { return spillFiles.sum(); }

    public long spillNanos() { return spillNanos.sum(); }
}
