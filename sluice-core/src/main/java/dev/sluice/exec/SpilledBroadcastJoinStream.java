package dev.sluice.exec;

import dev.sluice.expr.Expression;
import dev.sluice.memory.MemoryPool;
import dev.sluice.memory.Reservation;
import dev.sluice.memory.SpillFile;
import dev.sluice.memory.SpillListener;
import dev.sluice.types.DataType;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.util.List;

/**
 * One probe partition of a broadcast join whose build side went to disk ({@link SpilledBroadcast}): the
 * probe rows are split into the same hash partitions, then each pair is joined with a table of that build
 * partition, or as a block nested loop ({@link ChunkedJoinStream}) when even that does not fit. The build side
 * of a broadcast join is never outer, so no build row needs to be remembered across probe partitions.
 */
final class SpilledBroadcastJoinStream implements BatchStream {
    private final BatchStream probe;
    private final SpilledBroadcast build;
    private final JoinSpec spec;
    private final MemoryPool pool;
    private final Reservation reservation;
    private final SpillListener listener;
    private final TaskContext ctx;
    private SpillPartitions probeFiles;
    private int nextPartition;
    private BatchStream current;

    SpilledBroadcastJoinStream(BatchStream probe, SpilledBroadcast build, JoinSpec spec, MemoryPool pool, SpillListener listener,
                               TaskContext ctx) {
        this.probe = probe;
        this.build = build;
        this.spec = spec;
        this.pool = pool;
        this.reservation = pool.newSpillableReservation("broadcast join build partition", ctx::isCancelled);
        this.listener = listener;
        this.ctx = ctx;
    }

    private StructType probeSchema() { return spec.probeIsLeft() ? spec.leftSchema() : spec.rightSchema(); }

    @Override public Batch next() {
        if (probeFiles == null) splitProbe();
        while (true) {
            ctx.checkCancelled();
            if (current != null) {
                Batch b = current.next();
                if (b != null) return b;
                current.close();
                current = null;
                probeFiles.delete(nextPartition - 1);
            }
            if (nextPartition >= SpillPartitions.FANOUT) return null;
            start(nextPartition++);
        }
    }

    private void splitProbe() {
        probeFiles = new SpillPartitions(reservation.spills(), listener, "broadcast-probe", 0, pool);
        List<Expression> keyExprs = spec.probeKeys();
        DataType[] types = new DataType[keyExprs.size()];
        for (int k = 0; k < types.length; k++) types[k] = keyExprs.get(k).dataType();
        try (BatchStream in = probe) {
            for (Batch b = in.next(); b != null; b = in.next()) {
                ctx.checkCancelled();
                ColumnVector[] keys = new ColumnVector[types.length];
                for (int k = 0; k < keys.length; k++) keys[k] = keyExprs.get(k).evaluate(b);
                probeFiles.add(b, keys, types);
            }
        }
        probeFiles.finish();
    }

    private void start(int p) {
        SpillFile probeFile = probeFiles.get(p);
        if (probeFile == null) return;   // the build side is never outer: no probe rows, no output
        reservation.shrink(reservation.bytes());
        JoinHashTable.Builder builder = newBuilder();
        boolean fits = true;
        try (BatchStream rows = build.open(p)) {
            for (Batch b = rows.next(); b != null; b = rows.next()) {
                ctx.checkCancelled();
                if (!builder.tryAdd(b)) {
                    fits = false;
                    break;
                }
            }
        }
        if (fits) {
            current = spec.stream(SpillPartitions.read(probeFile, probeSchema()), builder.finish(false), false, ctx,
                    () -> reservation.shrink(reservation.bytes()));
        } else {
            reservation.shrink(reservation.bytes());
            current = new ChunkedJoinStream(spec, build.open(p), probeFile, probeSchema(), pool, reservation, this::newBuilder, ctx);
        }
    }

    private JoinHashTable.Builder newBuilder() {
        return new JoinHashTable.Builder(spec.buildSchema(), spec.buildKeys(), spec.nullSafe(), reservation);
    }

    @Override public void close() {
        if (current != null) current.close();
        current = null;
        probe.close();
        if (probeFiles != null) probeFiles.close();
        reservation.close();
    }
}
