package dev.sluice.exec;

import dev.sluice.expr.Expression;
import dev.sluice.expr.ValueHasher;
import dev.sluice.memory.MemoryPool;
import dev.sluice.memory.Reservation;
import dev.sluice.plan.Explain;
import dev.sluice.types.DataType;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.BatchSizes;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

import java.util.ArrayList;
import java.util.List;

/**
 * Redistributes rows between stages: the input stage runs first (all its partitions), each task cutting its
 * rows into one bucket per output partition; output partition i then reads bucket i of every input
 * partition, in input partition order, so the result never depends on the number of workers. Buffered
 * batches are reserved from the memory pool.
 */
public final class ExchangeExec implements StageBoundary {
    private final ExecNode input;
    private final Partitioning partitioning;
    private final MemoryPool pool;
    private final int batchSize;
    private List<Batch>[][] buckets;   // [input partition][output partition]
    private Reservation reservation;

    public ExchangeExec(ExecNode input, Partitioning partitioning, MemoryPool pool, int batchSize) {
        this.input = input;
        this.partitioning = partitioning;
        this.pool = pool;
        this.batchSize = batchSize;
    }

    public ExecNode input() { return input; }

    public Partitioning partitioning() { return partitioning; }

    @Override public StructType schema() { return input.schema(); }

    @Override public int partitionCount() { return partitioning.partitionCount(); }

    @Override public List<ExecNode> children() { return List.of(input); }

    @SuppressWarnings("unchecked")
    @Override public void materialize(StageRunner runner) {
        int inputs = input.partitionCount();
        int outputs = partitioning.partitionCount();
        buckets = new List[inputs][];
        reservation = pool.newReservation("exchange");
        runner.runStage(input, "exchange " + describePartitioning(), (partition, stream, ctx) -> {
            Splitter splitter = new Splitter(outputs);
            for (Batch b = stream.next(); b != null; b = stream.next()) splitter.add(b);
            List<Batch>[] mine = splitter.finish();
            synchronized (this) {
                buckets[partition] = mine;
            }
        });
    }

    @Override public BatchStream execute(int partition, TaskContext ctx) {
        List<Batch> out = new ArrayList<>();
        for (List<Batch>[] perInput : buckets) if (perInput != null) out.addAll(perInput[partition]);
        return new BatchStream() {
            int next;

            @Override public Batch next() {
                ctx.checkCancelled();
                return next < out.size() ? out.get(next++) : null;
            }

            @Override public void close() { }
        };
    }

    @Override public void release() {
        buckets = null;
        if (reservation != null) reservation.close();
    }

    @Override public String describe() { return "ExchangeExec: " + describePartitioning(); }

    private String describePartitioning() {
        if (partitioning instanceof Partitioning.Hash h) return "hash(" + Explain.expressions(h.keys()) + ", " + h.partitionCount() + ")";
        return "single";
    }

    /** One input task's rows cut into per-output buckets of compact batches. */
    private final class Splitter {
        private final int outputs;
        private final List<Batch>[] done;
        private final FlatVector[][] building;
        private final int[] rows;

        @SuppressWarnings("unchecked")
        Splitter(int outputs) {
            this.outputs = outputs;
            this.done = new List[outputs];
            this.building = new FlatVector[outputs][];
            this.rows = new int[outputs];
            for (int i = 0; i < outputs; i++) done[i] = new ArrayList<>();
        }

        void add(Batch batch) {
            if (outputs == 1) {
                Batch copy = compact(batch);
                reserve(copy);
                done[0].add(copy);
                return;
            }
            List<Expression> keys = ((Partitioning.Hash) partitioning).keys();
            ColumnVector[] keyVectors = new ColumnVector[keys.size()];
            DataType[] keyTypes = new DataType[keys.size()];
            for (int k = 0; k < keyVectors.length; k++) {
                keyVectors[k] = keys.get(k).evaluate(batch);
                keyTypes[k] = keys.get(k).dataType();
            }
            for (int r = 0; r < batch.rowCount(); r++) {
                int target = (int) Math.floorMod(ValueHasher.hashRow(keyTypes, keyVectors, r), (long) outputs);
                append(target, batch, r);
            }
        }

        private void append(int target, Batch batch, int row) {
            if (building[target] == null) {
                building[target] = new FlatVector[batch.columnCount()];
                for (int c = 0; c < batch.columnCount(); c++) building[target][c] = Vectors.allocate(batch.column(c).type(), 64);
            }
            for (int c = 0; c < batch.columnCount(); c++) building[target][c].appendFrom(batch.column(c), row);
            if (++rows[target] == batchSize) flush(target);
        }

        private void flush(int target) {
            if (rows[target] == 0) return;
            Batch b = new Batch(building[target], rows[target]);
            reserve(b);
            done[target].add(b);
            building[target] = null;
            rows[target] = 0;
        }

        List<Batch>[] finish() {
            for (int i = 0; i < outputs; i++) flush(i);
            return done;
        }

        private Batch compact(Batch batch) {
            ColumnVector[] cols = new ColumnVector[batch.columnCount()];
            for (int c = 0; c < cols.length; c++) cols[c] = Vectors.copy(batch.column(c));
            return new Batch(cols, batch.rowCount());
        }

        private void reserve(Batch b) {
            long size = BatchSizes.estimate(b);
            synchronized (ExchangeExec.this) {
                reservation.grow(size);
            }
        }
    }
}
