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
        ConcatenatedStream in = ConcatenatedStream.partitionsOf(input, ctx);
        return new BatchStream() {
            long remaining = limit;

            @Override public Batch next() {
                if (remaining <= 0) return null;
                Batch batch = in.next();
                if (batch == null) return null;
                if (batch.rowCount() > remaining) batch = batch.slice(0, (int) remaining);
                remaining -= batch.rowCount();
                return batch;
            }

            @Override public void close() { in.close(); }
        };
    }

    @Override public List<ExecNode> children() { return List.of(input); }

    @Override public String describe() { return "GlobalLimitExec: " + limit; }
}
