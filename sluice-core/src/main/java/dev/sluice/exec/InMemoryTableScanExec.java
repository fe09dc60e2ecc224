package dev.sluice.exec;

import dev.sluice.memory.MemoryPool;
import dev.sluice.plan.Explain;
import dev.sluice.types.StructType;

import java.util.List;

/**
 * Reads a cached query's stored batches (Spark's {@code InMemoryTableScan}). While the rows are not stored yet, its
 * child is the plan computing them and it is a stage boundary: the scheduler runs that plan as a stage whose output
 * is kept (in memory within the budget, spilled when the pool asks), then every partition reads it. Once stored, it
 * has no child and reads without computing anything. Releasing the job keeps the rows: only unpersist frees them.
 */
public final class InMemoryTableScanExec implements StageBoundary {
    private final CachedTable table;
    private final ExecNode compute;   // null when the rows were stored when the query was planned
    private final MemoryPool pool;
    private volatile OperatorMetrics metrics;

    public InMemoryTableScanExec(CachedTable table, ExecNode compute, MemoryPool pool) {
        this.table = table;
        this.compute = compute;
        this.pool = pool;
    }

    @Override public StructType schema() { return table.plan().schema(); }

    @Override public int partitionCount() { return compute != null ? compute.partitionCount() : table.storage().partitionCount(); }

    @Override public List<ExecNode> children() { return compute == null ? List.of() : List.of(compute); }

    @Override public void attachMetrics(OperatorMetrics metrics) { this.metrics = metrics; }

    @Override public void materialize(StageRunner runner) {
        if (compute != null) table.storage().materialize(compute, runner, pool, metrics, table.diskOnly());
    }

    @Override public BatchStream execute(int partition, TaskContext ctx) { return table.storage().read(partition, ctx); }

    /** The rows stay stored after the job: only unpersist frees them. */
    @Override public void release() { }

    @Override public String describe() {
        return "InMemoryTableScanExec: " + Explain.columns(schema()) + ", " + table.storageLevelText()
                + (table.tableName() == null ? "" : ", table=" + table.tableName())
                + (compute == null ? ", cached" : ", computing");
    }
}
