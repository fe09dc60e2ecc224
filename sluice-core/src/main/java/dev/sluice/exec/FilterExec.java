package dev.sluice.exec;

import dev.sluice.expr.Expression;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import dev.sluice.plan.Explain;

import java.util.List;

/** Keeps the rows whose condition is TRUE, as a selection over the input vectors (no copy). */
public final class FilterExec implements ExecNode {
    private final ExecNode input;
    private final Expression condition;

    public FilterExec(ExecNode input, Expression condition) {
        this.input = input;
        this.condition = condition;
    }

    @Override public StructType schema() { return input.schema(); }

    @Override public int partitionCount() { return input.partitionCount(); }

    @Override public BatchStream execute(int partition, TaskContext ctx) {
        BatchStream in = input.execute(partition, ctx);
        return new BatchStream() {
            @Override public Batch next() {
                while (true) {
                    Batch batch = in.next();
                    if (batch == null) return null;
                    Batch kept = filter(batch);
                    if (kept.rowCount() > 0) return kept;   // skip empty batches: downstream never sees them
                }
            }

            @Override public void close() { in.close(); }
        };
    }

    private Batch filter(Batch batch) {
        ColumnVector keep = condition.evaluate(batch);
        int n = batch.rowCount();
        int[] ids = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) if (!keep.isNull(i) && keep.getBoolean(i)) ids[count++] = i;
        return batch.select(ids, count);
    }

    @Override public List<ExecNode> children() { return List.of(input); }

    @Override public String describe() { return "FilterExec: " + Explain.expression(condition); }
}
