package dev.sluice.exec;

import dev.sluice.expr.Comparison;
import dev.sluice.expr.Expression;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.BooleanVector;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatRows;

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
        int n = batch.rowCount();
        int[] ids = new int[n];
        if (condition instanceof Comparison comparison) {   // a comparison may write the selection itself
            ColumnVector[] operands = new ColumnVector[2];
            int count = comparison.selectTrue(batch, ids, operands);
            if (count >= 0) return batch.select(ids, count);
            return batch.select(ids, selectTrue(comparison.compare(operands[0], operands[1], n), n, ids));
        }
        ColumnVector keep = condition.evaluate(batch);
        return batch.select(ids, selectTrue(keep, n, ids));
    }

    /** Writes the rows where {@code keep} is TRUE (not NULL, not FALSE) to {@code ids}; returns how many. */
    static int selectTrue(ColumnVector keep, int n, int[] ids) {
        int count = 0;
        FlatRows rows = FlatRows.of(keep);
        if (rows != null && rows.base() instanceof BooleanVector base) {   // the loop over the flat array
            boolean[] values = base.values();
            if (rows.noNulls()) {
                for (int i = 0; i < n; i++) if (values[rows.row(i)]) ids[count++] = i;
            } else {
                for (int i = 0; i < n; i++) {
                    int p = rows.row(i);
                    if (!base.isNull(p) && values[p]) ids[count++] = i;
                }
            }
            return count;
        }
        for (int i = 0; i < n; i++) if (!keep.isNull(i) && keep.getBoolean(i)) ids[count++] = i;
        return count;
    }

    @Override public List<ExecNode> children() { return List.of(input); }

    @Override public String describe() { return "FilterExec: " + Explain.expression(condition); }
}
