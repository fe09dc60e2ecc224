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
 * is reserved from the memory pool.
 */
public final class BroadcastExchangeExec implements StageBoundary {
    private final ExecNode input;
    private final List<Expression> keys;
    private final boolean[] nullSafe;
    private final MemoryPool pool;
    private Reservation reservation;
    private volatile JoinHashTable table;

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

    @SuppressWarnings("unchecked")
    @Override public void materialize(StageRunner runner) {
        reservation = pool.newReservation("broadcast join build side");
        List<Batch>[] parts = new List[input.partitionCount()];
        long[] copied = {0};
        runner.runStage(input, "broadcast", (partition, stream, ctx) -> {
            List<Batch> mine = new ArrayList<>();
            for (Batch b = stream.next(); b != null; b = stream.next()) {
                if (b.rowCount() == 0) continue;
                ColumnVector[] cols = new ColumnVector[b.columnCount()];
                for (int c = 0; c < cols.length; c++) cols[c] = Vectors.copy(b.column(c));   // own the rows: readers may reuse buffers
                Batch copy = new Batch(cols, b.rowCount());
                long size = BatchSizes.estimate(copy);
                synchronized (this) {
                    reservation.grow(size);
                    copied[0] += size;
                }
                mine.add(copy);
            }
            synchronized (this) {
                parts[partition] = mine;
            }
        });
        JoinHashTable.Builder builder = new JoinHashTable.Builder(input.schema(), keys, nullSafe, reservation);
        for (List<Batch> part : parts) if (part != null) for (Batch b : part) builder.add(b);
        table = builder.finish(false);
        reservation.shrink(copied[0]);   // the copies are garbage now; the table holds the rows
    }

    /** The table every probe partition reads (available once materialized). */
    JoinHashTable table() {
        if (table == null) throw dev.sluice.error.SluiceException.internal("broadcast read before it was materialized");
        return table;
    }

    @Override public BatchStream execute(int partition, TaskContext ctx) {
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

    @Override public void release() {
        table = null;
        if (reservation != null) reservation.close();
    }

    @Override public String describe() {
        return "BroadcastExchangeExec" + (keys.isEmpty() ? "" : ": keys=" + Explain.expressions(keys));
    }
}
