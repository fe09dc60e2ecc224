package dev.sluice.exec;

import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;

import java.util.List;

/**
 * Output partition i reads a run of neighbouring input partitions one after another, in order: fewer
 * partitions without a shuffle, and a sorted input stays sorted.
 */
public final class CoalesceExec implements ExecNode {
    private final ExecNode input;
    private final int partitions;

    public CoalesceExec(ExecNode input, int partitions) {
        this.input = input;
        this.partitions = Math.max(1, Math.min(partitions, Math.max(1, input.partitionCount())));
    }

    @Override public StructType schema() { return input.schema(); }

    @Override public int partitionCount() { return partitions; }

    /** The first input partition of output partition {@code p} (even runs; the last ones one shorter). */
    private int start(int p) { return (int) ((long) p * input.partitionCount() / partitions); }

    @Override public BatchStream execute(int partition, TaskContext ctx) {
        int from = start(partition);
        int to = partition + 1 == partitions ? input.partitionCount() : start(partition + 1);
        return new BatchStream() {
            int next = from;
            BatchStream current;

            @Override public Batch next() {
                while (true) {
                    if (current == null) {
                        if (next >= to) return null;
                        current = input.execute(next++, ctx);
                    }
                    Batch b = current.next();
                    if (b != null) return b;
                    current.close();
                    current = null;
                }
            }

            @Override public void close() {
                if (current != null) current.close();
                current = null;
            }
        };
    }

    @Override public List<ExecNode> children() { return List.of(input); }

    @Override public String describe() { return "CoalesceExec: " + partitions; }
}
