package dev.sluice.exec;

import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.Expression;
import dev.sluice.expr.GroupAccumulator;
import dev.sluice.expr.agg.Aggregation;
import dev.sluice.plan.Explain;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.util.List;

/**
 * Passes its input's batches through unchanged while it aggregates the observed metrics over them (Spark's
 * {@code CollectMetricsExec}): each partition keeps one group of accumulators and hands their partial states to the
 * run when its stream ends or is closed (a limit above stops reading early: the metrics cover the rows read).
 */
public final class CollectMetricsExec implements ExecNode {
    private final ExecNode input;
    private final String name;
    private final List<List<Expression>> boundInputs;
    private final MetricsRun run;

    public CollectMetricsExec(ExecNode input, String name, List<List<Expression>> boundInputs, MetricsRun run) {
        this.input = input;
        this.name = name;
        this.boundInputs = boundInputs;
        this.run = run;
    }

    @Override public StructType schema() { return input.schema(); }

    @Override public int partitionCount() { return input.partitionCount(); }

    @Override public List<ExecNode> children() { return List.of(input); }

    @Override public BatchStream execute(int partition, TaskContext ctx) {
        BatchStream in = input.execute(partition, ctx);
        List<AggregateExpression> aggregates = run.aggregates();
        GroupAccumulator[] accs = new GroupAccumulator[aggregates.size()];
        for (int a = 0; a < accs.length; a++) {
            accs[a] = Aggregation.newAccumulator(aggregates.get(a));
            accs[a].ensureGroups(1);
        }
        return new BatchStream() {
            int[] groups = new int[0];
            boolean recorded;

            @Override public Batch next() {
                Batch b = in.next();
                if (b == null) {
                    record();
                    return null;
                }
                int n = b.rowCount();
                if (groups.length < n) groups = new int[n];   // zeros: every row is in the one group
                for (int a = 0; a < accs.length; a++) {
                    List<Expression> exprs = boundInputs.get(a);
                    ColumnVector[] inputs = new ColumnVector[exprs.size()];
                    for (int i = 0; i < inputs.length; i++) inputs[i] = exprs.get(i).evaluate(b);
                    accs[a].update(inputs, groups, n);
                }
                return b;
            }

            private void record() {
                if (recorded) return;
                recorded = true;
                run.record(partition, run.states(accs));
            }

            @Override public void close() {
                record();
                in.close();
            }
        };
    }

    @Override public String describe() { return "CollectMetricsExec: " + name + ", " + Explain.columns(run.schema()); }
}
