package dev.sluice.exec;

import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;

import java.util.List;

/**
 * All rows after the first {@code offset} over all input partitions in partition order, as one partition: reads
 * the input partitions one after another, dropping rows until {@code offset} of them have gone by.
 */
public final class GlobalOffsetExec implements ExecNode {
    private final ExecNode input;
    private final long offset;

    public GlobalOffsetExec(ExecNode input, long offset) {
        this.input = input;
        this.offset = offset;
    }

    @Override public StructType schema() { return input.schema(); }

    @Override public int partitionCount() { return 1; }

    @Override public BatchStream execute(int partition, TaskContext ctx) {
        return new BatchStream() {
            long toSkip = offset;
            int nextPartition;
            BatchStream current;

            @Override public Batch next() {
                while (true) {
                    if (current == null) {
                        if (nextPartition >= input.partitionCount()) return null;
                        current = input.execute(nextPartition++, ctx);
                    }
                    Batch batch = current.next();
                    if (batch == null) {
                        current.close();
                        current = null;
                        continue;
                    }
                    if (toSkip == 0) return batch;
                    if (batch.rowCount() <= toSkip) {
                        toSkip -= batch.rowCount();
                        continue;
                    }
                    Batch rest = batch.slice((int) toSkip, batch.rowCount() - (int) toSkip);
                    toSkip = 0;
                    return rest;
                }
            }

            @Override public void close() {
                if (current != null) current.close();
                current = null;
            }
        };
    }

    @Override public List<ExecNode> children() { return List.of(input); }

    @Override public String describe() { return "GlobalOffsetExec: " + offset; }
}
