package dev.sluice.exec;

import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;

import java.util.List;

/**
 * All rows after the first {@code offset} over all input partitions in partition order, as one partition: reads
 * the input partitions in order (the job's workers computing the next ones ahead, see {@link OrderedStream}),
 * dropping rows until {@code offset} of them have gone by.
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
        Workers workers = ctx.workers();
        OrderedStream in = OrderedStream.forTask(input, ctx, OrderedStream.Lookahead.fixed(workers == null ? 1 : workers.parallelism()));
        return new BatchStream() {
            long toSkip = offset;

            @Override public Batch next() {
                while (in.hasNext()) {
                    Batch batch = in.next();
                    if (toSkip == 0) return batch;
                    if (batch.rowCount() <= toSkip) {
                        toSkip -= batch.rowCount();
                        continue;
                    }
                    Batch rest = batch.slice((int) toSkip, batch.rowCount() - (int) toSkip);
                    toSkip = 0;
                    return rest;
                }
                return null;
            }

            @Override public void close() { in.close(); }
        };
    }

    @Override public List<ExecNode> children() { return List.of(input); }

    @Override public String describe() { return "GlobalOffsetExec: " + offset; }
}
