package dev.sluice.exec;

import dev.sluice.expr.Expression;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import dev.sluice.plan.Explain;

import java.util.List;

/** Evaluates one expression per output column; column references pass vectors through untouched. */
public final class ProjectExec implements ExecNode {
    private final ExecNode input;
    private final List<Expression> projections;
    private final StructType schema;

    public ProjectExec(ExecNode input, List<Expression> projections, StructType schema) {
        this.input = input;
        this.projections = List.copyOf(projections);
        this.schema = schema;
    }

    @Override public StructType schema() { return schema; }

    @Override public int partitionCount() { return input.partitionCount(); }

    @Override public BatchStream execute(int partition, TaskContext ctx) {
        BatchStream in = input.execute(partition, ctx);
        return new BatchStream() {
            @Override public Batch next() {
                Batch batch = in.next();
                if (batch == null) return null;
                ColumnVector[] out = new ColumnVector[projections.size()];
                for (int i = 0; i < out.length; i++) out[i] = projections.get(i).evaluate(batch);
                return new Batch(out, batch.rowCount());
            }

            @Override public void close() { in.close(); }
        };
    }

    @Override public List<ExecNode> children() { return List.of(input); }

    @Override public String describe() { return "ProjectExec: " + Explain.expressions(projections); }
}
