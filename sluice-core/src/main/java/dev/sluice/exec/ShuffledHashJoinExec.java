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

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A join of two inputs hash-partitioned by their keys into the same number of partitions: partition i of
 * the build side becomes a table (reserved from the memory pool, released when the partition ends) that
 * partition i of the probe side streams through. Each build row lives in one partition, so unmatched build
 * rows of a full outer join come out exactly once.
 * <p>When the build side does not fit (the pool refuses), the join becomes a grace hash join: both sides are
 * written to hash partitions on disk (seeded apart from the exchange hash), and each pair of partitions is
 * joined on its own the same way; a build partition still too big is re-partitioned with another seed, up to
 * {@link SpillPartitions#MAX_LEVEL} times; after that, or when splitting left every build row in one partition
 * (one key with too many rows), the pair is joined as a block nested loop ({@link ChunkedJoinStream}).
 * Every join type works partition by partition, since equal keys always meet in the same pair.
 */
public final class ShuffledHashJoinExec implements ExecNode {
    private final ExecNode left;
    private final ExecNode right;
    private final JoinSpec spec;
    private final MemoryPool pool;
    private volatile OperatorMetrics metrics;

    ShuffledHashJoinExec(ExecNode left, ExecNode right, JoinSpec spec, MemoryPool pool) {
        this.left = left;
        this.right = right;
        this.spec = spec;
        this.pool = pool;
    }

    @Override public StructType schema() { return spec.schema(); }

    /** This join leaving the output columns its consumer does not read unbuilt ({@link JoinSpec#reading}), or this. */
    ShuffledHashJoinExec reading(boolean[] read) {
        JoinSpec narrowed = spec.reading(read);
        return narrowed == spec ? this : new ShuffledHashJoinExec(left, right, narrowed, pool);
    }

    @Override public int partitionCount() { return left.partitionCount(); }

    @Override public void attachMetrics(OperatorMetrics metrics) { this.metrics = metrics; }

    @Override public BatchStream execute(int partition, TaskContext ctx) {
        ExecNode build = spec.probeIsLeft() ? right : left;
        ExecNode probe = spec.probeIsLeft() ? left : right;
        boolean spillable = !spec.buildKeys().isEmpty();   // without keys there is nothing to partition by
        Reservation reservation = spillable ? pool.newSpillableReservation("hash join build side", ctx::isCancelled)
                : pool.newReservation("hash join build side");
        OperatorMetrics m = metrics;
        SpillListener listener = m == null ? SpillListener.NONE : m;
        JoinHashTable.Builder builder = newBuilder(reservation);
        SpillPartitions buildSpill = null;
        try (BatchStream in = build.execute(partition, ctx)) {
            for (Batch b = in.next(); b != null; b = in.next()) {
                ctx.checkCancelled();
                if (buildSpill == null) {
                    if (!spillable) {
                        builder.add(b);
                        continue;
                    }
                    if (builder.tryAdd(b)) continue;
                    buildSpill = new SpillPartitions(reservation.spills(), listener, "join-build", 0, SpillPartitions.firstFanout(pool), pool);
                    Batch buffered = builder.buffered();
                    builder = null;
                    reservation.shrink(reservation.bytes());
                    partition(buffered, spec.buildKeys(), buildSpill);
                }
                partition(b, spec.buildKeys(), buildSpill);
            }
            if (buildSpill != null) buildSpill.finish();
        } catch (RuntimeException | Error e) {
            if (buildSpill != null) buildSpill.close();
            reservation.close();
            throw e;
        }
        if (buildSpill == null) {
            JoinHashTable table = builder.finish(spec.buildOuter());
            BatchStream probeStream;
            try {
                probeStream = probe.execute(partition, ctx);
            } catch (RuntimeException | Error e) {
                reservation.close();
                throw e;
            }
            return spec.stream(probeStream, table, true, ctx, reservation::close);
        }
        SpillPartitions probeSpill = new SpillPartitions(reservation.spills(), listener, "join-probe", 0, buildSpill.fanout(), pool);
        try (BatchStream in = probe.execute(partition, ctx)) {
            for (Batch b = in.next(); b != null; b = in.next()) {
                ctx.checkCancelled();
                partition(b, spec.probeKeys(), probeSpill);
            }
            probeSpill.finish();
        } catch (RuntimeException | Error e) {
            buildSpill.close();
            probeSpill.close();
            reservation.close();
            throw e;
        }
        return new GraceStream(buildSpill, probeSpill, reservation, listener, ctx);
    }

    private JoinHashTable.Builder newBuilder(Reservation reservation) { return newBuilder(reservation, 0); }

    private JoinHashTable.Builder newBuilder(Reservation reservation, long expectedRows) {
        return new JoinHashTable.Builder(spec.buildSchema(), spec.buildKeys(), spec.nullSafe(), reservation, expectedRows);
    }

    private static void partition(Batch b, List<Expression> keyExprs, SpillPartitions into) {
        ColumnVector[] keys = new ColumnVector[keyExprs.size()];
        DataType[] types = new DataType[keys.length];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = keyExprs.get(k).evaluate(b);
            types[k] = keyExprs.get(k).dataType();
        }
        into.add(b, keys, types);
    }

    private StructType probeSchema() { return spec.probeIsLeft() ? spec.leftSchema() : spec.rightSchema(); }

    /** Joins the spilled partition pairs one after another. */
    private final class GraceStream implements BatchStream {
        /** {@code unsplittable}: splitting it again put every build row in one partition (one key). */
        private record Work(SpillPartitions build, SpillPartitions probe, int partition, boolean unsplittable) {}

        private final ArrayDeque<Work> work = new ArrayDeque<>();
        private final List<SpillPartitions> owned = new ArrayList<>();
        private final Reservation reservation;
        private final SpillListener listener;
        private final TaskContext ctx;
        private BatchStream current;
        private Work currentWork;
        private JoinHashTable currentTable;
        private JoinHashTable.Chains spare;   // the chain arrays of the last pair's table, for the next one
        private JoinHashTable.Columns spareColumns;   // and its columns (lent: its output batches were copies)

        GraceStream(SpillPartitions build, SpillPartitions probe, Reservation reservation, SpillListener listener, TaskContext ctx) {
            this.reservation = reservation;
            this.listener = listener;
            this.ctx = ctx;
            queue(build, probe);
        }

        private void queue(SpillPartitions build, SpillPartitions probe) {
            owned.add(build);
            owned.add(probe);
            int buildFiles = 0;
            for (int p = 0; p < build.fanout(); p++) if (build.get(p) != null) buildFiles++;
            boolean unsplittable = build.level() > 0 && buildFiles == 1;
            for (int p = build.fanout() - 1; p >= 0; p--) {
                if (build.get(p) != null || probe.get(p) != null) work.addFirst(new Work(build, probe, p, unsplittable));
            }
        }

        @Override public Batch next() {
            while (true) {
                ctx.checkCancelled();
                if (current != null) {
                    Batch b = current.next();
                    if (b != null) return b;
                    current.close();
                    current = null;
                    spare = currentTable == null ? null : currentTable.chains();
                    spareColumns = currentTable == null ? null : currentTable.lentColumns();
                    currentTable = null;
                    currentWork.build().delete(currentWork.partition());
                    currentWork.probe().delete(currentWork.partition());
                }
                Work w = work.poll();
                if (w == null) return null;
                start(w);
            }
        }

        /**
         * Builds the table of one pair, or splits the pair further when its build side does not fit: the rows
         * read so far and the rest of the file go to as many partitions as the rows that fit say are needed,
         * so one more level is normally enough.
         */
        private void start(Work w) {
            SpillFile buildFile = w.build().get(w.partition());
            int level = w.build().level();
            JoinHashTable.Builder builder = new JoinHashTable.Builder(spec.buildSchema(), spec.buildKeys(), spec.nullSafe(),
                    reservation, buildFile == null ? 0 : buildFile.rows(), spareColumns);
            spareColumns = null;   // refilled by this builder, or dropped (not held while the pair splits or loops)
            SpillFile.Reader reader = buildFile == null ? null : buildFile.reader(spec.buildSchema());
            Batch refused = null;
            try {
                if (reader != null) {
                    for (Batch b = reader.next(); b != null; b = reader.next()) {
                        ctx.checkCancelled();
                        if (!builder.tryAdd(b)) {
                            refused = b;
                            break;
                        }
                    }
                }
                if (refused == null) {
                    JoinHashTable table = builder.finish(spec.buildOuter(), spare, true);
                    spare = null;
                    SpillFile probeFile = w.probe().get(w.partition());
                    BatchStream probeStream = SpillPartitions.read(probeFile, probeSchema());
                    currentWork = w;
                    currentTable = table;
                    current = spec.stream(probeStream, table, true, ctx, () -> reservation.shrink(reservation.bytes()));
                    return;
                }
                long fitRows = builder.rows();
                Batch buffered = builder.buffered();
                builder = null;
                reservation.shrink(reservation.bytes());
                if (level + 1 >= SpillPartitions.MAX_LEVEL || w.unsplittable()) {
                    // one key, or too deep: a block nested loop over the two files instead of a table
                    currentWork = w;
                    current = new ChunkedJoinStream(spec, SpillPartitions.read(buildFile, spec.buildSchema()), w.probe().get(w.partition()), probeSchema(), pool,
                            reservation, () -> newBuilder(reservation), ctx);
                    return;
                }
                int fanout = SpillPartitions.fanoutFor(buildFile.rows(), fitRows);
                SpillPartitions build = new SpillPartitions(reservation.spills(), listener, "join-build", level + 1, fanout, pool);
                SpillPartitions probe = new SpillPartitions(reservation.spills(), listener, "join-probe", level + 1, fanout, pool);
                owned.add(build);
                owned.add(probe);
                partition(buffered, spec.buildKeys(), build);
                buffered = null;
                for (Batch b = refused; b != null; b = reader.next()) {
                    ctx.checkCancelled();
                    partition(b, spec.buildKeys(), build);
                }
                build.finish();
                copy(w.probe().get(w.partition()), probeSchema(), spec.probeKeys(), probe);
                probe.finish();
                owned.remove(build);
                owned.remove(probe);
                w.build().delete(w.partition());
                w.probe().delete(w.partition());
                queue(build, probe);
            } finally {
                if (reader != null) reader.close();
            }
        }

        private void copy(SpillFile from, StructType schema, List<Expression> keys, SpillPartitions into) {
            if (from == null) return;
            try (SpillFile.Reader reader = from.reader(schema)) {
                for (Batch b = reader.next(); b != null; b = reader.next()) {
                    ctx.checkCancelled();
                    partition(b, keys, into);
                }
            }
        }

        @Override public void close() {
            if (current != null) current.close();
            current = null;
            for (SpillPartitions s : owned) s.close();
            reservation.close();
        }
    }

    @Override public List<ExecNode> children() { return List.of(left, right); }

    @Override public String describe() {
        // without keys both sides sit in one partition: a plain nested loop
        return (spec.leftKeys().isEmpty() ? "NestedLoopJoinExec: " : "ShuffledHashJoinExec: ") + spec.describe();
    }
}
