package dev.sluice.exec;

import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;

import java.util.List;

/** The first {@code limit} rows of each partition; stops pulling (and reading) once it has them. */
public final class LocalLimitExec implements ExecNode {
    private final ExecNode input;
    private final long limit;

    public LocalLimitExec(ExecNode input, long limit) {
        this.input = input;
        this.limit = limit;
    }

    @Override public StructType schema() { return input.schema(); }

    @Override public int partitionCount() { return input.partitionCount(); }

    @Override public BatchStream execute(int partition, TaskContext ctx) {
        BatchStream in = input.execute(partition, ctx);
        return new BatchStream() {
            long remaining = limit;

            @Override public Batch next() {
                if (remaining == 0) return null;    // stop pulling early: no more I/O
                Batch batch = in.next();
                if (batch == null) return null;
                if (batch.rowCount() > remaining) batch = batch.slice(0, (int) remaining);   // a view, not a copy
                remaining -= batch.rowCount();
                return batch;
            }

            @Override public void close() { in.close(); }
        };
    }

    @Override public List<ExecNode> children() { return List.of(input); }

    @Override public String describe() { return "LocalLimitExec: " + limit; }
}
