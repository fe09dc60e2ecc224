package dev.sluice.exec;

import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;

import java.util.List;

/**
 * Wraps every planned operator so that its output is counted (rows, batches, time) without each operator
 * doing it: the planner wraps what it builds; stage boundaries stay stage boundaries.
 */
public final class Metered {
    private Metered() {}

    public static ExecNode wrap(ExecNode node) {
        if (node instanceof MeteredNode) return node;
        return node instanceof StageBoundary b ? new MeteredBoundary(b) : new MeteredExec(node);
    }

    /** The operator under a wrapper (itself if not wrapped). */
    public static ExecNode unwrap(ExecNode node) { return node instanceof MeteredNode m ? m.inner() : node; }

    /** The metrics of a wrapped node, or null for a node the planner did not wrap. */
    public static OperatorMetrics metricsOf(ExecNode node) { return node instanceof MeteredNode m ? m.metrics() : null; }

    /** A wrapper: the operator it counts and its metrics. */
    public interface MeteredNode extends ExecNode {
        ExecNode inner();

        OperatorMetrics metrics();
    }

    static BatchStream meter(BatchStream in, OperatorMetrics metrics) {
        return new BatchStream() {
            @Override public Batch next() {
                long start = System.nanoTime();
                Batch b = in.next();
                metrics.record(b == null ? -1 : b.rowCount(), System.nanoTime() - start);
                return b;
            }

            @Override public void close() {
                metrics.partitionDone();
                in.close();
            }
        };
    }

    private static class MeteredExec implements MeteredNode {
        final ExecNode inner;
        final OperatorMetrics metrics = new OperatorMetrics();

        MeteredExec(ExecNode inner) {
            this.inner = inner;
            inner.attachMetrics(metrics);
        }

        @Override public ExecNode inner() { return inner; }
        @Override public OperatorMetrics metrics() { return metrics; }
        @Override public StructType schema() { return inner.schema(); }
        @Override public int partitionCount() { return inner.partitionCount(); }
        @Override public BatchStream execute(int partition, TaskContext ctx) { return meter(inner.execute(partition, ctx), metrics); }
        @Override public List<ExecNode> children() { return inner.children(); }
        @Override public String describe() { return inner.describe(); }
    }

    private static final class MeteredBoundary extends MeteredExec implements StageBoundary {
        MeteredBoundary(StageBoundary inner) { super(inner); }

        @Override public void materialize(StageRunner runner) { ((StageBoundary) inner).materialize(runner); }

        @Override public void release() { ((StageBoundary) inner).release(); }
    }
}
