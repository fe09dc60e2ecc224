package dev.sluice.exec;

import dev.sluice.memory.MemoryPool;
import dev.sluice.memory.Reservation;
import dev.sluice.memory.SpillListener;
import dev.sluice.plan.SetOperation;
import dev.sluice.types.StructType;

import java.util.List;

/**
 * INTERSECT / EXCEPT (DISTINCT or ALL) of two inputs hash-partitioned by all their columns into the same
 * partitions: partition i counts the right side's rows in a table of distinct rows, then streams the left side's
 * through it ({@link SetOperationStream}: the rules, and the grace hashing and rounds that bound its memory).
 */
public final class SetOperationExec implements ExecNode {
    private final ExecNode left;
    private final ExecNode right;
    private final SetOperation.Kind kind;
    private final boolean all;
    private final String name;
    private final StructType schema;
    private final MemoryPool pool;
    private final int maxLevel;
    private volatile OperatorMetrics metrics;

    SetOperationExec(ExecNode left, ExecNode right, SetOperation op, StructType schema, MemoryPool pool) {
        this(left, right, op, schema, pool, SpillPartitions.MAX_LEVEL);
    }

    /** {@code maxLevel}: how many levels of hash partitions a pair may be split into before it is processed in rounds. */
    SetOperationExec(ExecNode left, ExecNode right, SetOperation op, StructType schema, MemoryPool pool, int maxLevel) {
        this.maxLevel = maxLevel;
        this.left = left;
        this.right = right;
        this.kind = op.kind();
        this.all = op.all();
        this.name = op.displayName();
        this.schema = schema;
        this.pool = pool;
    }

    @Override public StructType schema() { return schema; }

    @Override public int partitionCount() { return left.partitionCount(); }

    @Override public void attachMetrics(OperatorMetrics metrics) { this.metrics = metrics; }

    @Override public BatchStream execute(int partition, TaskContext ctx) {
        Reservation reservation = pool.newSpillableReservation(name, ctx::isCancelled);
        OperatorMetrics m = metrics;
        return new SetOperationStream(kind, all, left.schema(), right.schema(), () -> left.execute(partition, ctx),
                () -> right.execute(partition, ctx), pool, reservation, m == null ? SpillListener.NONE : m, ctx, maxLevel);
    }

    @Override public List<ExecNode> children() { return List.of(left, right); }

    @Override public String describe() { return "SetOperationExec: " + name; }
}
