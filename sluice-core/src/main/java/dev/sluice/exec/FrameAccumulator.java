package dev.sluice.exec;

import dev.sluice.error.SluiceException;
import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.Expression;
import dev.sluice.expr.GroupAccumulator;
import dev.sluice.expr.WindowExpression;
import dev.sluice.expr.agg.Aggregation;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;

import java.util.List;

/**
 * The running state of a function over a window frame: rows are added by sorted position, in frame order.
 * Aggregates run on the aggregate functions' own accumulators (one group), so every aggregate works over
 * frames with the same types, NULL rules and overflow errors as in groupBy; first_value / last_value pick
 * a row.
 */
abstract class FrameAccumulator {
    abstract void reset();

    /** Adds the rows at sorted positions {@code [from, to)}. */
    abstract void add(int from, int to);

    abstract void result(FlatVector out);

    /** What the frame has accumulated, to go on in the next chunk of a cut partition (running aggregates only). */
    Object state() { throw SluiceException.internal("this frame function does not stream"); }

    /** Goes on from {@link #state} of the previous chunk instead of starting empty. */
    void continueFrom(Object state) { throw SluiceException.internal("this frame function does not stream"); }

    /** The state for bound {@code w} over a run whose rows are {@code all} and whose sorted order is {@code order}. */
    static FrameAccumulator of(WindowExpression w, Batch all, int[] order) {
        switch (w.function()) {
            case AGGREGATE: return new Aggregate((AggregateExpression) w.input(), all, order);
            case FIRST_VALUE: return new Pick(w.input().evaluate(all), order, true, w.ignoreNulls());
            case LAST_VALUE: return new Pick(w.input().evaluate(all), order, false, w.ignoreNulls());
            case NTH_VALUE: return new Nth(w.input().evaluate(all), order, w.nthOffset(), w.ignoreNulls());
            default: throw SluiceException.internal("not a frame function: " + w.function());
        }
    }

    /** An aggregate function as one group of its accumulator; a fresh accumulator when the frame restarts. */
    private static final class Aggregate extends FrameAccumulator {
        private final AggregateExpression aggregate;
        private final ColumnVector[] sortedInputs;
        private final int[] zeros;
        private GroupAccumulator acc;

        Aggregate(AggregateExpression aggregate, Batch all, int[] order) {
            this.aggregate = aggregate;
            List<Expression> inputs = Aggregation.evaluatedInputs(aggregate);
            int n = all.rowCount();
            sortedInputs = new ColumnVector[inputs.size()];
            for (int i = 0; i < sortedInputs.length; i++) sortedInputs[i] = inputs.get(i).evaluate(all).select(order, n);
            zeros = new int[n];
            reset();
        }

        @Override void reset() {
            acc = Aggregation.newAccumulator(aggregate);
            acc.ensureGroups(1);
        }

        @Override void add(int from, int to) {
            if (to <= from) return;
            ColumnVector[] in = new ColumnVector[sortedInputs.length];
            for (int i = 0; i < in.length; i++) in[i] = sortedInputs[i].slice(from, to - from);
            acc.update(in, zeros, to - from);
        }

        @Override void result(FlatVector out) { acc.writeResult(0, out); }

        @Override Object state() { return acc; }

        @Override void continueFrom(Object state) { acc = (GroupAccumulator) state; }
    }

    /** first_value / last_value of the frame, skipping NULLs when asked. */
    private static final class Pick extends FrameAccumulator {
        private final ColumnVector input;
        private final int[] order;
        private final boolean first;
        private final boolean ignoreNulls;
        private int picked = -1;

        Pick(ColumnVector input, int[] order, boolean first, boolean ignoreNulls) {
            this.input = input;
            this.order = order;
            this.first = first;
            this.ignoreNulls = ignoreNulls;
        }

        @Override void reset() { picked = -1; }

        @Override void add(int from, int to) {
            for (int p = from; p < to; p++) {
                int row = order[p];
                if (ignoreNulls && input.isNull(row)) continue;
                if (!first || picked < 0) picked = row;
            }
        }

        @Override void result(FlatVector out) {
            if (picked < 0) out.appendNull();
            else out.appendFrom(input, picked);
        }
    }

    /** nth_value: the n-th row of the frame (counting only non-NULL rows when ignoring NULLs). */
    private static final class Nth extends FrameAccumulator {
        private final ColumnVector input;
        private final int[] order;
        private final int n;
        private final boolean ignoreNulls;
        private int seen;
        private int picked = -1;

        Nth(ColumnVector input, int[] order, int n, boolean ignoreNulls) {
            this.input = input;
            this.order = order;
            this.n = n;
            this.ignoreNulls = ignoreNulls;
        }

        @Override void reset() {
            seen = 0;
            picked = -1;
        }

        @Override void add(int from, int to) {
            for (int p = from; p < to && picked < 0; p++) {
                int row = order[p];
                if (ignoreNulls && input.isNull(row)) continue;
                if (++seen == n) picked = row;
            }
        }

        @Override void result(FlatVector out) {
            if (picked < 0) out.appendNull();
            else out.appendFrom(input, picked);
        }
    }
}
