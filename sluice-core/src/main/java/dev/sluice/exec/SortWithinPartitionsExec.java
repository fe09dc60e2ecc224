package dev.sluice.exec;

import dev.sluice.expr.SortOrder;
import dev.sluice.memory.MemoryPool;
import dev.sluice.memory.Reservation;
import dev.sluice.plan.Explain;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;

import java.util.List;

/**
 * {@code sortWithinPartitions}: each partition buffers its rows (memory reserved), sorts them stably, emits
 * them; rows past the partition's share of the budget go to spilled runs that are merged back from disk (the
 * last run written too, the readers reserved, in passes when there are more runs than readers).
 */
public final class SortWithinPartitionsExec implements ExecNode {
    private final ExecNode input;
    private final List<SortOrder> orders;
    private final RowOrdering ordering;
    private final MemoryPool pool;
    private final int batchSize;
    private volatile OperatorMetrics metrics;

    /** {@code orders} are bound to the input's columns. */
    public SortWithinPartitionsExec(ExecNode input, List<SortOrder> orders, MemoryPool pool, int batchSize) {
        this.input = input;
        this.orders = List.copyOf(orders);
        this.ordering = new RowOrdering(this.orders);
        this.pool = pool;
        this.batchSize = batchSize;
    }

    @Override public StructType schema() { return input.schema(); }

    @Override public int partitionCount() { return input.partitionCount(); }

    @Override public List<ExecNode> children() { return List.of(input); }

    @Override public BatchStream execute(int partition, TaskContext ctx) {
        Reservation reservation = pool.newSpillableReservation("sort within partitions", ctx::isCancelled);
        OperatorMetrics m = metrics;
        dev.sluice.memory.SpillListener listener = m == null ? dev.sluice.memory.SpillListener.NONE : m;
        RunBuilder builder = new RunBuilder(input.schema(), orders, ordering, reservation, -1, listener);
        return new BatchStream() {
            RunMerger merger;

            @Override public Batch next() {
                ctx.checkCancelled();
                if (merger == null) {
                    try (BatchStream in = input.execute(partition, ctx)) {
                        for (Batch b = in.next(); b != null; b = in.next()) builder.add(b);
                    }
                    List<SpilledRun> spilled = builder.finishSpilled();
                    if (spilled == null) {
                        SortedRun run = builder.finish();
                        merger = new RunMerger(schema(), ordering, batchSize, -1, List.of(RunCursor.of(run, 0, run.rows)));
                    } else {
                        // every run on disk, merged with its readers reserved (in passes when they are too many)
                        MergeReaders.Sort sort = new MergeReaders.Sort(schema(), orders, ordering, pool, listener, "sort-merge");
                        merger = MergeReaders.open(spilled, null, null, sort, ctx, batchSize, true);
                    }
                }
                return merger.next();
            }

            @Override public void close() {
                if (merger != null) merger.close();
                builder.deleteSpills();
                reservation.close();
            }
        };
    }

    @Override public void attachMetrics(OperatorMetrics metrics) { this.metrics = metrics; }

    @Override public String describe() { return "SortExec: " + Explain.expressions(List.copyOf(orders)) + ", within partitions"; }
}
