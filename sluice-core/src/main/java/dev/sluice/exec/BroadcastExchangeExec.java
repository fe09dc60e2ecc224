package dev.sluice.exec;

import dev.sluice.expr.Expression;
import dev.sluice.memory.MemoryPool;
import dev.sluice.memory.Reservation;
import dev.sluice.plan.Explain;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.BatchSizes;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.Vectors;

import java.util.ArrayList;
import java.util.List;

/**
 * The build side of a broadcast join: its input stage runs once (all partitions, before the join's stage)
 * and its rows become one {@link JoinHashTable}, shared read-only by every probe partition. The rows are
 * assembled in input partition order, so the table is the same for any number of workers. Everything held
 * is reserved from the memory pool; a build side larger than the pool grants goes to disk instead, hash
 * partitioned ({@link SpilledBroadcast}), and each probe partition joins it as a grace hash join (Spark would
 * fail the broadcast; Sluice falls back to the join a shuffled plan would have done, without re-planning).
 */
public final class BroadcastExchangeExec implements StageBoundary {
    private final ExecNode input;
    private final List<Expression> keys;
    private final boolean[] nullSafe;
    private final MemoryPool pool;
    private Reservation reservation;
    private volatile JoinHashTable table;
    private volatile SpilledBroadcast spilled;
    private volatile OperatorMetrics metrics;

    /** {@code keys} are bound to {@code input}'s schema. */
    public BroadcastExchangeExec(ExecNode input, List<Expression> keys, boolean[] nullSafe, MemoryPool pool) {
        this.input = input;
        this.keys = List.copyOf(keys);
        this.nullSafe = nullSafe.clone();
        this.pool = pool;
    }

    @Override public StructType schema() { return input.schema(); }

    @Override public int partitionCount() { return 1; }

    @Override public List<ExecNode> children() { return List.of(input); }

    @Override public void attachMetrics(OperatorMetrics metrics) { this.metrics = metrics; }

    @SuppressWarnings("unchecked")
    @Override public void materialize(StageRunner runner) {
        reservation = pool.newSpillableReservation("broadcast join build side", () -> false);
        List<Batch>[] parts = new List[input.partitionCount()];
        SpillPartitions[] files = new SpillPartitions[input.partitionCount()];
        long[] copied = {0};
        boolean[] overflow = {false};
        runner.runStage(input, "broadcast", (partition, stream, ctx) -> {
            List<Batch> mine = new ArrayList<>();
            long mineBytes = 0;
            SpillPartitions spilled = null;
            try {
                for (Batch b = stream.next(); b != null; b = stream.next()) {
                    if (b.rowCount() == 0) continue;
                    if (spilled == null) {
                        ColumnVector[] cols = new ColumnVector[b.columnCount()];
                        for (int c = 0; c < cols.length; c++) cols[c] = Vectors.copy(b.column(c));   // own the rows: readers may reuse buffers
                        Batch copy = new Batch(cols, b.rowCount());
                        long size = BatchSizes.estimate(copy);
                        synchronized (this) {
                            if (!overflow[0] && reservation.tryGrow(size)) {
                                copied[0] += size;
                                mineBytes += size;
                                mine.add(copy);
                                continue;
                            }
                            overflow[0] = true;   // over its share: every task goes on to disk
                            copied[0] -= mineBytes;
                            reservation.shrink(mineBytes);
                        }
                        spilled = spill(mine);
                        mine = new ArrayList<>();
                    }
                    write(b, spilled);
                }
            } catch (RuntimeException | Error e) {
                if (spilled != null) spilled.close();
                throw e;
            }
            if (spilled != null) spilled.flush();   // its block buffers go back to the pool with the task
            synchronized (this) {
                parts[partition] = mine;
                files[partition] = spilled;
            }
        });
        if (!overflow[0]) {
            JoinHashTable.Builder builder = new JoinHashTable.Builder(input.schema(), keys, nullSafe, reservation);
            boolean fits = true;
            for (List<Batch> part : parts) {
                if (part == null) continue;
                for (Batch b : part) {
                    if (fits && !builder.tryAdd(b)) fits = false;
                }
            }
            if (fits) {
                table = builder.finish(false);
                reservation.shrink(copied[0]);   // the copies are garbage now; the table holds the rows
                reservation.detachFromTask();   // the table is held for the probe tasks
                return;
            }
        }
        // it did not fit: every input partition's rows go to hash partitions on disk, and the join is a grace hash join
        reservation.shrink(reservation.bytes());
        List<SpillPartitions> inputs = new ArrayList<>();
        for (int p = 0; p < parts.length; p++) {
            SpillPartitions f = files[p];
            if (f == null) f = spill(parts[p] == null ? List.of() : parts[p]);
            parts[p] = null;
            f.finish();   // written out before the probe tasks read it, several at once
            inputs.add(f);
        }
        spilled = new SpilledBroadcast(inputs, input.schema());
    }

    private SpillPartitions spill(List<Batch> rows) {
        OperatorMetrics m = metrics;
        SpillPartitions out = new SpillPartitions(pool.spills(), m == null ? dev.sluice.memory.SpillListener.NONE : m, "broadcast-build", 0, pool);
        for (Batch b : rows) write(b, out);
        return out;
    }

    private void write(Batch b, SpillPartitions into) {
        ColumnVector[] keyValues = new ColumnVector[keys.size()];
        dev.sluice.types.DataType[] types = new dev.sluice.types.DataType[keys.size()];
        for (int k = 0; k < keyValues.length; k++) {
            keyValues[k] = keys.get(k).evaluate(b);
            types[k] = keys.get(k).dataType();
        }
        into.add(b, keyValues, types);
    }

    /** The build side on disk when it did not fit in memory (then there is no table), else null. */
    SpilledBroadcast spilled() { return spilled; }

    /** The table every probe partition reads (available once materialized). */
    JoinHashTable table() {
        if (table == null) throw dev.sluice.error.SluiceException.internal("broadcast read before it was materialized");
        return table;
    }

    @Override public BatchStream execute(int partition, TaskContext ctx) {
        SpilledBroadcast onDisk = spilled;
        if (onDisk != null) return allOf(onDisk);
        JoinHashTable t = table();
        return new BatchStream() {
            boolean done;

            @Override public Batch next() {
                if (done || t.rowCount() == 0) return null;
                done = true;
                ColumnVector[] cols = new ColumnVector[schema().size()];
                for (int c = 0; c < cols.length; c++) cols[c] = t.column(c);
                return new Batch(cols, t.rowCount());
            }

            @Override public void close() { done = true; }
        };
    }

    /** Every spilled build row, hash partition after hash partition. */
    private static BatchStream allOf(SpilledBroadcast onDisk) {
        return new ConcatenatedStream(SpillPartitions.FANOUT, onDisk::open);
    }

    @Override public void release() {
        table = null;
        SpilledBroadcast s = spilled;
        spilled = null;
        if (s != null) s.close();
        if (reservation != null) reservation.close();
    }

    @Override public String describe() {
        return "BroadcastExchangeExec" + (keys.isEmpty() ? "" : ": keys=" + Explain.expressions(keys));
    }
}
