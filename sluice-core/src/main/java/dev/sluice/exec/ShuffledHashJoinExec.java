package dev.sluice.exec;

import dev.sluice.memory.MemoryPool;
import dev.sluice.memory.Reservation;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;

import java.util.List;

/**
 * A join of two inputs hash-partitioned by their keys into the same number of partitions: partition i of
 * the build side becomes a table (reserved from the memory pool, released when the partition ends) that
 * partition i of the probe side streams through. Each build row lives in one partition, so unmatched build
 * rows of a full outer join come out exactly once.
 */
public final class ShuffledHashJoinExec implements ExecNode {
    private final ExecNode left;
    private final ExecNode right;
    private final JoinSpec spec;
    private final MemoryPool pool;

    ShuffledHashJoinExec(ExecNode left, ExecNode right, JoinSpec spec, MemoryPool pool) {
        this.left = left;
        this.right = right;
        this.spec = spec;
        this.pool = pool;
    }

    @Override public StructType schema() { return spec.schema(); }

    @Override public int partitionCount() { return left.partitionCount(); }

    @Override public BatchStream execute(int partition, TaskContext ctx) {
        ExecNode build = spec.probeIsLeft() ? right : left;
        ExecNode probe = spec.probeIsLeft() ? left : right;
        Reservation reservation = pool.newReservation("hash join build side");
        JoinHashTable table;
        try (BatchStream in = build.execute(partition, ctx)) {
            JoinHashTable.Builder builder = new JoinHashTable.Builder(spec.buildSchema(), spec.buildKeys(), spec.nullSafe(), reservation);
            for (Batch b = in.next(); b != null; b = in.next()) builder.add(b);
            table = builder.finish(spec.buildOuter());
        } catch (RuntimeException | Error e) {
            reservation.close();
            throw e;
        }
        BatchStream probeStream;
        try {
            probeStream = probe.execute(partition, ctx);
        } catch (RuntimeException | Error e) {
            reservation.close();
            throw e;
        }
        return spec.stream(probeStream, table, true, ctx, reservation::close);
    }

    @Override public List<ExecNode> children() { return List.of(left, right); }

    @Override public String describe() {
        // without keys both sides sit in one partition: a plain nested loop
        return (spec.leftKeys().isEmpty() ? "NestedLoopJoinExec: " : "ShuffledHashJoinExec: ") + spec.describe();
    }
}
