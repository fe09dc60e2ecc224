package dev.sluice.exec;

import dev.sluice.plan.PartitionFunction;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Runs a {@link PartitionFunction} over each input partition: the input's batches are offered as rows one at a
 * time (pulled lazily, so a function that stops early reads no further) and the output rows are packed into
 * batches of the session's batch size. Streams both ways: memory holds one input and one output batch. An output
 * iterator that is {@link AutoCloseable} is closed with the stream (also when the consumer stops early).
 */
public final class MapPartitionsExec implements ExecNode {
    private final ExecNode input;
    private final PartitionFunction function;
    private final StructType schema;
    private final int batchSize;

    public MapPartitionsExec(ExecNode input, PartitionFunction function, StructType schema, int batchSize) {
        this.input = input;
        this.function = function;
        this.schema = schema;
        this.batchSize = batchSize;
    }

    @Override public StructType schema() { return schema; }

    @Override public int partitionCount() { return input.partitionCount(); }

    @Override public BatchStream execute(int partition, TaskContext ctx) {
        BatchStream in = input.execute(partition, ctx);
        Iterator<Row> out = function.apply(partition, new Rows(in, input.schema(), ctx));
        return new BatchStream() {
            @Override public Batch next() {
                if (!out.hasNext()) return null;
                FlatVector[] vectors = new FlatVector[schema.size()];
                for (int c = 0; c < vectors.length; c++) vectors[c] = Vectors.allocate(schema.field(c).dataType(), batchSize);
                int n = 0;
                while (n < batchSize && out.hasNext()) {
                    Row r = out.next();
                    for (int c = 0; c < vectors.length; c++) vectors[c].appendObject(r.get(c));
                    n++;
                }
                return new Batch(java.util.Arrays.copyOf(vectors, vectors.length, ColumnVector[].class), n);
            }

            @Override public void close() {
                // a function holding a resource per partition (a Python worker) gets to release it when the consumer stops
                if (out instanceof AutoCloseable c) {
                    try {
                        c.close();
                    } catch (Exception e) {
                        in.close();
                        throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
                    }
                }
                in.close();
            }
        };
    }

    /** The input partition's rows, read batch by batch as the function pulls them. */
    private static final class Rows implements Iterator<Row> {
        private final BatchStream in;
        private final StructType type;
        private final TaskContext ctx;
        private Batch batch;
        private int next;
        private boolean done;

        Rows(BatchStream in, StructType type, TaskContext ctx) {
            this.in = in;
            this.type = type;
            this.ctx = ctx;
        }

        @Override public boolean hasNext() {
            while (!done && (batch == null || next >= batch.rowCount())) {
                ctx.checkCancelled();
                batch = in.next();
                next = 0;
                if (batch == null) done = true;
            }
            return !done;
        }

        @Override public Row next() {
            if (!hasNext()) throw new NoSuchElementException();
            Object[] values = new Object[type.size()];
            for (int c = 0; c < values.length; c++) values[c] = batch.column(c).getObject(next);
            next++;
            return new Row(type, values);
        }
    }

    @Override public List<ExecNode> children() { return List.of(input); }

    @Override public String describe() { return "MapPartitionsExec: " + schema.simpleString(); }
}
