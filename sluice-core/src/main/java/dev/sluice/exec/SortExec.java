package dev.sluice.exec;

import dev.sluice.expr.SortOrder;
import dev.sluice.memory.MemoryPool;
import dev.sluice.plan.Explain;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;

import java.util.ArrayList;
import java.util.List;

/**
 * A global sort ({@code orderBy}): first every input partition is sorted in parallel into a run (memory
 * reserved from the pool); then the runs are range-partitioned by sampled bounds into {@code partitions}
 * output partitions, each a k-way merge of its slices of the runs. Reading the outputs in partition order
 * gives a stable sort of the input in partition order.
 */
public final class SortExec implements StageBoundary {
    private final ExecNode input;
    private final List<SortOrder> orders;
    private final RowOrdering ordering;
    private final MemoryPool pool;
    private final int batchSize;
    private final int partitions;
    private RunStage stage;
    private List<SortedRun> runs;
    private int[][] cuts;

    /** {@code orders} are bound to the input's columns. */
    public SortExec(ExecNode input, List<SortOrder> orders, MemoryPool pool, int batchSize, int partitions) {
        if (partitions < 1) throw new IllegalArgumentException("partitions must be >= 1");
        this.input = input;
        this.orders = List.copyOf(orders);
        this.ordering = new RowOrdering(this.orders);
        this.pool = pool;
        this.batchSize = batchSize;
        this.partitions = partitions;
    }

    @Override public StructType schema() { return input.schema(); }

    @Override public int partitionCount() { return partitions; }

    @Override public List<ExecNode> children() { return List.of(input); }

    @Override public void materialize(StageRunner runner) {
        stage = RunStage.run(input, orders, ordering, pool, -1, runner, "sort");
        runs = stage.runs();
        cuts = RangeCuts.cut(runs, ordering, partitions);
    }

    @Override public BatchStream execute(int partition, TaskContext ctx) {
        List<RunMerger.Slice> slices = new ArrayList<>(runs.size());
        for (int r = 0; r < runs.size(); r++) {
            int from = partition == 0 ? 0 : cuts[r][partition - 1];
            slices.add(new RunMerger.Slice(runs.get(r), from, cuts[r][partition]));
        }
        return Merges.stream(new RunMerger(schema(), ordering, slices, batchSize, -1), ctx);
    }

    @Override public void release() {
        if (stage != null) stage.release();
        stage = null;
        runs = null;
    }

    @Override public String describe() {
        return "SortExec: " + Explain.expressions(List.copyOf(orders)) + ", range(" + partitions + ")";
    }
}
