package dev.sluice.exec;

import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;

import java.util.List;

/**
 * The first {@code limit} rows over all input partitions in partition order, as one partition: reads the
 * input partitions one after another and stops as soon as it has enough (later partitions never open).
 */
public final class GlobalLimitExec implements ExecNode {
    private final ExecNode input;
    private final long limit;

    public GlobalLimitExec(ExecNode input, long limit) {
        this.input = input;
        this.limit = limit;
    }

    @Override public StructType schema() { return input.schema(); }

    @Override public int partitionCount() { return 1; }

    @Override public BatchStream execute(int partition, TaskContext ctx) {
        return new BatchStream() {
            long remaining = limit;
            int nextPartition;
            BatchStream current;

            @Override public Batch next() {
                while (remaining > 0) {
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
                    if (batch.rowCount() > remaining) batch = batch.slice(0, (int) remaining);
                    remaining -= batch.rowCount();
                    return batch;
                }
                return null;
            }

            @Override public void close() {
                if (current != null) current.close();
                current = null;
            }
        };
    }

    @Override public List<ExecNode> children() { return List.of(input); }

    @Override public String describe() { return "GlobalLimitExec: " + limit; }
}
