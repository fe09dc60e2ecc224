package dev.sluice.exec;

import dev.sluice.expr.Expression;
import dev.sluice.plan.Explain;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.util.ArrayList;
import java.util.List;

/**
 * Spark's Expand over batches: each input batch comes out once per projection, the projection's expressions
 * evaluated over it (a NULL or a constant is a constant vector, a column reference passes the vector through).
 * Streaming: one input batch is held while its copies go out.
 */
public final class ExpandExec implements ExecNode {
    private final ExecNode input;
    private final List<List<Expression>> projections;
    private final StructType schema;

    /** {@code projections} are bound to the input's columns. */
    public ExpandExec(ExecNode input, List<List<Expression>> projections, StructType schema) {
        this.input = input;
        List<List<Expression>> copies = new ArrayList<>();
        for (List<Expression> p : projections) copies.add(List.copyOf(p));
        this.projections = List.copyOf(copies);
        this.schema = schema;
    }

    @Override public StructType schema() { return schema; }

    @Override public int partitionCount() { return input.partitionCount(); }

    @Override public BatchStream execute(int partition, TaskContext ctx) {
        BatchStream in = input.execute(partition, ctx);
        return new BatchStream() {
            Batch current;
            int next = projections.size();   // the projection the next output batch computes

            @Override public Batch next() {
                if (next == projections.size()) {
                    do {
                        current = in.next();
                        if (current == null) return null;
                    } while (current.rowCount() == 0);
                    next = 0;
                }
                List<Expression> projection = projections.get(next++);
                ColumnVector[] out = new ColumnVector[projection.size()];
                for (int i = 0; i < out.length; i++) out[i] = projection.get(i).evaluate(current);
                Batch batch = new Batch(out, current.rowCount());
                if (next == projections.size()) current = null;   // the last copy: let the input batch go
                return batch;
            }

            @Override public void close() { in.close(); }
        };
    }

    @Override public List<ExecNode> children() { return List.of(input); }

    @Override public String describe() {
        List<String> parts = new ArrayList<>();
        for (List<Expression> p : projections) parts.add(Explain.expressions(p));
        return "ExpandExec: [" + String.join(", ", parts) + "]";
    }
}
