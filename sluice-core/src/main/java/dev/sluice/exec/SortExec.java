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
 * gives a stable sort of the input in partition order. When the input does not fit the memory budget the
 * runs are cut into spilled runs (external merge sort): the bounds then come from a weighted sample over the
 * spilled blocks too, and each output partition merges its key range of every spilled run, read from disk
 * block by block from the block where its range starts (found in the run's sparse {@link BlockIndex}).
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
    private List<RunCursor.Bound> bounds;   // when something spilled
    private List<SpilledRun> merged;        // after merge passes: every run, in order (nothing in memory)
    private dev.sluice.memory.Reservation mergedKeys;   // the indexes of the runs read by key range
    private volatile OperatorMetrics metrics;

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
        OperatorMetrics m = metrics;
        dev.sluice.memory.SpillListener listener = m == null ? dev.sluice.memory.SpillListener.NONE : m;
        stage = RunStage.run(input, orders, ordering, pool, -1, runner, "sort", listener);
        if (stage.freezeIfUnspilled()) {
            runs = stage.runs();
            cuts = RangeCuts.cut(runs, ordering, partitions);
            return;
        }
        // it did not fit: write the last runs out too, so that the output stage (and what consumes it, e.g. a
        // Parquet writer) has the memory, and merge in passes down to the runs each output task may read at
        // once (MergeReaders: each open run holds a block and buffers, reserved while it is read)
        stage.spillAllFinished();
        stage.freeze();
        List<SpilledRun> all = new ArrayList<>();
        for (int p = 0; p < stage.partitions(); p++) all.addAll(stage.spilledRuns(p));
        int fanIn = MergeReaders.plannedFanIn(pool, all, partitions);
        merged = MergePass.mergeDown(all, fanIn, schema(), orders, ordering, pool, listener, runner, this::ownMerged);
        // input runs read by key range without a merge pass get their index now, read back from their files
        long indexBytes = BlockIndex.maxBytes(pool.budget());
        List<SpilledRun> indexed = new ArrayList<>(merged.size());
        for (SpilledRun r : merged) {
            if (r.index == null) {
                r = r.indexed(schema(), orders, indexBytes);
                chargeIndex(r);
            }
            indexed.add(r);
        }
        merged = indexed;
        runs = List.of();
        bounds = SpilledRangeCuts.bounds(List.of(), merged, ordering, partitions);
    }

    /** Owns a run a merge pass wrote and charges its index (if the run is read by key range) until the sort is released. */
    private void ownMerged(SpilledRun out) {
        stage.own(out);
        chargeIndex(out);
    }

    /**
     * Charges {@code run}'s index until the sort is released: bounded, at most {@link MergeReaders#MAX_GLOBAL_FAN_IN}
     * indexed runs of {@link BlockIndex#maxBytes} each, whatever the input.
     */
    private synchronized void chargeIndex(SpilledRun run) {
        if (run.keyBytes() == 0) return;
        if (mergedKeys == null) mergedKeys = pool.newReservation("sort run index");
        mergedKeys.charge(run.keyBytes());
    }

    /** What the indexes of the runs read by key range hold (charged to the pool): 0 when nothing spilled. */
    synchronized long indexBytes() { return mergedKeys == null ? 0 : mergedKeys.bytes(); }

    /** The blocks of the runs read by key range (an index entry each, before the index was sparse). */
    long indexedBlocks() {
        long blocks = 0;
        if (merged != null) for (SpilledRun r : merged) blocks += r.blocks();
        return blocks;
    }

    @Override public void attachMetrics(OperatorMetrics metrics) { this.metrics = metrics; }

    @Override public BatchStream execute(int partition, TaskContext ctx) {
        if (bounds != null) return executeSpilled(partition, ctx);
        List<RunMerger.Slice> slices = new ArrayList<>(runs.size());
        for (int r = 0; r < runs.size(); r++) {
            int from = partition == 0 ? 0 : cuts[r][partition - 1];
            slices.add(new RunMerger.Slice(runs.get(r), from, cuts[r][partition]));
        }
        return Merges.stream(new RunMerger(schema(), ordering, slices, batchSize, -1), ctx);
    }

    /**
     * Output partition {@code p}: its key range of every spilled run, merged (in passes inside the task when it
     * gets fewer readers than there are runs).
     */
    private BatchStream executeSpilled(int p, TaskContext ctx) {
        RunCursor.Bound lower = p == 0 ? null : bounds.get(p - 1);
        RunCursor.Bound upper = p == partitions - 1 ? null : bounds.get(p);
        OperatorMetrics m = metrics;
        MergeReaders.Sort sort = new MergeReaders.Sort(schema(), orders, ordering, pool,
                m == null ? dev.sluice.memory.SpillListener.NONE : m, "sort-merge", MergeReaders.Share.GLOBAL_SORT);
        return Merges.stream(MergeReaders.open(merged, lower, upper, sort, ctx, batchSize, false), ctx);
    }

    @Override public void release() {
        if (stage != null) stage.release();
        if (mergedKeys != null) mergedKeys.close();
        mergedKeys = null;
        stage = null;
        runs = null;
        bounds = null;
        merged = null;
    }

    @Override public String describe() {
        return "SortExec: " + Explain.expressions(List.copyOf(orders)) + ", range(" + partitions + ")";
    }
}
