package dev.sluice.exec;

import java.util.concurrent.atomic.LongAdder;

/** What one operator produced over all its partitions: rows, batches and the time spent in it and below it. */
public final class OperatorMetrics {
    private final LongAdder rows = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final LongAdder nanos = new LongAdder();
    private final LongAdder partitions = new LongAdder();

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
}
