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
 * them; rows past the partition's share of the budget go to spilled runs that are merged back from disk.
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
        RunBuilder builder = new RunBuilder(input.schema(), orders, ordering, reservation, -1,
                m == null ? dev.sluice.memory.SpillListener.NONE : m);
        return new BatchStream() {
            RunMerger merger;

            @Override public Batch next() {
                ctx.checkCancelled();
                if (merger == null) {
                    try (BatchStream in = input.execute(partition, ctx)) {
                        for (Batch b = in.next(); b != null; b = in.next()) builder.add(b);
                    }
                    SortedRun run = builder.finish();
                    List<RunCursor> cursors = new java.util.ArrayList<>();
                    for (SpilledRun s : builder.spilledRuns()) cursors.add(RunCursor.spilled(s, schema(), orders, ordering, null, null));
                    cursors.add(RunCursor.of(run, 0, run.rows));
                    merger = new RunMerger(schema(), ordering, batchSize, -1, cursors);
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
