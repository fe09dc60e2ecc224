package dev.sluice.exec;

import dev.sluice.expr.SortOrder;
import dev.sluice.memory.MemoryPool;
import dev.sluice.memory.Reservation;
import dev.sluice.plan.Explain;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;

import java.util.List;

/** {@code sortWithinPartitions}: each partition buffers its rows (memory reserved), sorts them stably, emits them. */
public final class SortWithinPartitionsExec implements ExecNode {
    private final ExecNode input;
    private final List<SortOrder> orders;
    private final RowOrdering ordering;
    private final MemoryPool pool;
    private final int batchSize;

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
        Reservation reservation = pool.newReservation("sort within partitions");
        return new BatchStream() {
            RunMerger merger;

            @Override public Batch next() {
                ctx.checkCancelled();
                if (merger == null) {
                    RunBuilder builder = new RunBuilder(input.schema(), orders, ordering, reservation, -1);
                    try (BatchStream in = input.execute(partition, ctx)) {
                        for (Batch b = in.next(); b != null; b = in.next()) builder.add(b);
                    }
                    SortedRun run = builder.finish();
                    merger = new RunMerger(schema(), ordering, List.of(new RunMerger.Slice(run, 0, run.rows)), batchSize, -1);
                }
                return merger.next();
            }

            @Override public void close() { reservation.close(); }
        };
    }

    @Override public String describe() { return "SortExec: " + Explain.expressions(List.copyOf(orders)) + ", within partitions"; }
}
