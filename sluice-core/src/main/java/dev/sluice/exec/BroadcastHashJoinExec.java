package dev.sluice.exec;

import dev.sluice.types.StructType;

import java.util.List;

/**
 * A join whose build side is broadcast: each partition of the probe side streams through the one shared
 * table. Never used where unmatched build rows must come out (full outer), since every probe partition
 * sees all of them. Without equi-join keys it is a nested loop join. When the build side did not fit in memory
 * it is on disk in hash partitions, and each probe partition joins it as a grace hash join.
 */
public final class BroadcastHashJoinExec implements ExecNode {
    private final ExecNode probe;
    private final BroadcastExchangeExec build;
    private final JoinSpec spec;
    private final dev.sluice.memory.MemoryPool pool;
    private volatile OperatorMetrics metrics;

    BroadcastHashJoinExec(ExecNode probe, BroadcastExchangeExec build, JoinSpec spec, dev.sluice.memory.MemoryPool pool) {
        this.probe = probe;
        this.build = build;
        this.spec = spec;
        this.pool = pool;
    }

    @Override public void attachMetrics(OperatorMetrics metrics) { this.metrics = metrics; }

    @Override public StructType schema() { return spec.schema(); }

    /** This join leaving the output columns its consumer does not read unbuilt ({@link JoinSpec#reading}), or this. */
    BroadcastHashJoinExec reading(boolean[] read) {
        JoinSpec narrowed = spec.reading(read);
        return narrowed == spec ? this : new BroadcastHashJoinExec(probe, build, narrowed, pool);
    }

    @Override public int partitionCount() { return probe.partitionCount(); }

    @Override public BatchStream execute(int partition, TaskContext ctx) {
        SpilledBroadcast onDisk = build.spilled();
        if (onDisk != null) {
            OperatorMetrics m = metrics;
            return new SpilledBroadcastJoinStream(probe.execute(partition, ctx), onDisk, spec, pool,
                    m == null ? dev.sluice.memory.SpillListener.NONE : m, ctx);
        }
        return spec.stream(probe.execute(partition, ctx), build.table(), false, ctx, () -> { });
    }

    @Override public List<ExecNode> children() {
        return spec.probeIsLeft() ? List.of(probe, build) : List.of(build, probe);
    }

    @Override public String describe() {
        return (spec.probeKeys().isEmpty() ? "BroadcastNestedLoopJoinExec: " : "BroadcastHashJoinExec: ") + spec.describe();
    }
}
