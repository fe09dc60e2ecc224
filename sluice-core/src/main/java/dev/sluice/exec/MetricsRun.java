package dev.sluice.exec;

import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.Expression;
import dev.sluice.expr.GroupAccumulator;
import dev.sluice.expr.agg.Aggregation;
import dev.sluice.types.DataType;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

import java.util.List;

/**
 * The observed metrics of one run of a query: each partition's partial aggregate states (one row), merged into the
 * metric values when asked. A partition read again (a retry) replaces its states, so nothing is counted twice.
 */
public final class MetricsRun {
    private final List<AggregateExpression> aggregates;
    private final List<Expression> results;   // bound over [aggregate results...]
    private final StructType schema;
    private final Batch[] states;

    MetricsRun(List<AggregateExpression> aggregates, List<Expression> results, StructType schema, int partitions) {
        this.aggregates = aggregates;
        this.results = results;
        this.schema = schema;
        this.states = new Batch[Math.max(1, partitions)];
    }

    /** The metrics' names and types. */
    public StructType schema() { return schema; }

    List<AggregateExpression> aggregates() { return aggregates; }

    synchronized void record(int partition, Batch partialStates) { states[partition] = partialStates; }

    /** The metric values over every partition recorded so far: one row of {@link #schema()}. */
    public synchronized Batch result() {
        GroupAccumulator[] accs = new GroupAccumulator[aggregates.size()];
        for (int a = 0; a < accs.length; a++) {
            accs[a] = Aggregation.newAccumulator(aggregates.get(a));
            accs[a].ensureGroups(1);
        }
        int[] group = {0};
        for (Batch b : states) {
            if (b == null) continue;
            int column = 0;
            for (int a = 0; a < accs.length; a++) {
                int width = Aggregation.stateTypes(aggregates.get(a)).size();
                ColumnVector[] s = new ColumnVector[width];
                for (int i = 0; i < width; i++) s[i] = b.column(column + i);
                column += width;
                accs[a].merge(s, group, 1);
            }
        }
        ColumnVector[] values = new ColumnVector[accs.length];
        for (int a = 0; a < accs.length; a++) {
            FlatVector v = Vectors.allocate(aggregates.get(a).dataType(), 1);
            accs[a].writeResult(0, v);
            values[a] = v;
        }
        Batch aggregated = new Batch(values, 1);
        ColumnVector[] out = new ColumnVector[results.size()];
        for (int i = 0; i < out.length; i++) out[i] = results.get(i).evaluate(aggregated);
        return new Batch(out, 1);
    }

    /** The partial states of {@code accs} (one group) as a one-row batch. */
    Batch states(GroupAccumulator[] accs) {
        int width = 0;
        for (AggregateExpression ae : aggregates) width += Aggregation.stateTypes(ae).size();
        FlatVector[] all = new FlatVector[width];
        int column = 0;
        for (int a = 0; a < accs.length; a++) {
            List<DataType> types = Aggregation.stateTypes(aggregates.get(a));
            FlatVector[] mine = new FlatVector[types.size()];
            for (int i = 0; i < mine.length; i++) mine[i] = Vectors.allocate(types.get(i), 1);
            accs[a].writeState(0, mine);
            System.arraycopy(mine, 0, all, column, mine.length);
            column += mine.length;
        }
        return new Batch(all, 1);
    }
}
