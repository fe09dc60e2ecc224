package dev.sluice.exec;

import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;

import java.util.List;

/**
 * The first {@code limit} rows over all input partitions in partition order, as one partition. Its task reads the
 * input partitions in order while the job's workers compute the next ones ahead, as many as Spark's incremental
 * take would try ({@link IncrementalTake}); as soon as it has enough it closes them all (those still running stop
 * within a batch and close their files, those not started never open). The rows are the same for any number of
 * workers. Each input partition runs in its own partition scope ({@code spark_partition_id()} under a limit is
 * the input's partition, as in Spark's {@code CollectLimitExec}).
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
        Workers workers = ctx.workers();
        OrderedStream in = OrderedStream.forTask(input, ctx, new IncrementalTake(limit, workers == null ? 0 : workers.parallelism()));
        return new BatchStream() {
            long remaining = limit;

            @Override public Batch next() {
                if (remaining <= 0) {
                    in.close();   // stop the partitions still running now, not when the consumer closes
                    return null;
                }
                if (!in.hasNext()) return null;
                Batch batch = in.next();
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
