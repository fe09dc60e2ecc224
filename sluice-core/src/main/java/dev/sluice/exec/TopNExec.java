package dev.sluice.exec;

import dev.sluice.expr.SortOrder;
import dev.sluice.memory.MemoryPool;
import dev.sluice.plan.Explain;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code orderBy(...).limit(n)}: each input partition keeps only its first n rows in order (bounded memory,
 * whatever the input size), then one output partition merges them and stops after n rows. Equal keys keep
 * their input order, as in {@link SortExec}.
 */
public final class TopNExec implements StageBoundary {
    private final ExecNode input;
    private final List<SortOrder> orders;
    private final RowOrdering ordering;
    private final long limit;
    private final MemoryPool pool;
    private final int batchSize;
    private RunStage stage;

    /** {@code orders} are bound to the input's columns. */
    public TopNExec(ExecNode input, List<SortOrder> orders, long limit, MemoryPool pool, int batchSize) {
        this.input = input;
        this.orders = List.copyOf(orders);
        this.ordering = new RowOrdering(this.orders);
        this.limit = limit;
        this.pool = pool;
        this.batchSize = batchSize;
    }

    @Override public StructType schema() { return input.schema(); }

    @Override public int partitionCount() { return 1; }

    @Override public List<ExecNode> children() { return List.of(input); }

    @Override public void materialize(StageRunner runner) {
        stage = RunStage.run(input, orders, ordering, pool, limit, runner, "top " + limit);
    }

    @Override public BatchStream execute(int partition, TaskContext ctx) {
        List<RunMerger.Slice> slices = new ArrayList<>();
        for (SortedRun run : stage.runs()) slices.add(new RunMerger.Slice(run, 0, run.rows));
        return Merges.stream(new RunMerger(schema(), ordering, slices, batchSize, limit), ctx);
    }

    @Override public void release() {
        if (stage != null) stage.release();
        stage = null;
    }

    @Override public String describe() { return "TopNExec: " + limit + " " + Explain.expressions(List.copyOf(orders)); }
}
