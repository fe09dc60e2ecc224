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

    /**
     * What the frame has accumulated, to go on in the next chunk of a cut partition: it refers to no row of this
     * run (values are copied), so the run can be released.
     */
    abstract Object state();

    /** Goes on from {@link #state} of the previous chunk instead of starting empty. */
    abstract void continueFrom(Object state);

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

    /**
     * As {@link #of}, for a frame whose rows are added last to first ({@link SuffixFrames}): first_value and
     * last_value pick from the other end, nth_value keeps the n rows added last (the first n of the frame).
     */
    static FrameAccumulator reversed(WindowExpression w, Batch all, int[] order) {
        switch (w.function()) {
            case FIRST_VALUE: return new Pick(w.input().evaluate(all), order, false, w.ignoreNulls());
            case LAST_VALUE: return new Pick(w.input().evaluate(all), order, true, w.ignoreNulls());
            case NTH_VALUE: return new NthFromEnd(w.input().evaluate(all), order, w.nthOffset(), w.ignoreNulls());
            default: return of(w, all, order);
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
        private FlatVector carried;   // picked in an earlier chunk (one row; its value may be NULL), while picked < 0

        Pick(ColumnVector input, int[] order, boolean first, boolean ignoreNulls) {
            this.input = input;
            this.order = order;
            this.first = first;
            this.ignoreNulls = ignoreNulls;
        }

        @Override void reset() {
            picked = -1;
            carried = null;
        }

        @Override void add(int from, int to) {
            for (int p = from; p < to; p++) {
                int row = order[p];
                if (ignoreNulls && input.isNull(row)) continue;
                if (!first || (picked < 0 && carried == null)) picked = row;
            }
        }

        @Override void result(FlatVector out) { appendPicked(input, picked, carried, out); }

        @Override Object state() { return picked < 0 ? carried : copyOf(input, picked); }

        @Override void continueFrom(Object state) {
            picked = -1;
            carried = (FlatVector) state;
        }
    }

    private static void appendPicked(ColumnVector input, int picked, FlatVector carried, FlatVector out) {
        if (picked >= 0) out.appendFrom(input, picked);
        else if (carried != null) out.appendFrom(carried, 0);
        else out.appendNull();
    }

    private static FlatVector copyOf(ColumnVector input, int row) {
        FlatVector v = dev.sluice.vector.Vectors.allocate(input.type(), 1);
        v.appendFrom(input, row);
        return v;
    }

    /** nth_value: the n-th row of the frame (counting only non-NULL rows when ignoring NULLs). */
    private static final class Nth extends FrameAccumulator {
        private final ColumnVector input;
        private final int[] order;
        private final int n;
        private final boolean ignoreNulls;
        private int seen;
        private int picked = -1;
        private FlatVector carried;   // the n-th row, reached in an earlier chunk

        Nth(ColumnVector input, int[] order, int n, boolean ignoreNulls) {
            this.input = input;
            this.order = order;
            this.n = n;
            this.ignoreNulls = ignoreNulls;
        }

        @Override void reset() {
            seen = 0;
            picked = -1;
            carried = null;
        }

        @Override void add(int from, int to) {
            for (int p = from; p < to && picked < 0 && carried == null; p++) {
                int row = order[p];
                if (ignoreNulls && input.isNull(row)) continue;
                if (++seen == n) picked = row;
            }
        }

        @Override void result(FlatVector out) { appendPicked(input, picked, carried, out); }

        /** What an nth_value frame carries: the rows counted, and the n-th one's value once reached. */
        private record NthState(int seen, FlatVector value) {}

        @Override Object state() { return new NthState(seen, picked < 0 ? carried : copyOf(input, picked)); }

        @Override void continueFrom(Object state) {
            NthState s = (NthState) state;
            seen = s.seen();
            picked = -1;
            carried = s.value();
        }
    }

    /**
     * nth_value over rows added last to first: the frame's n-th row is the n-th one added most recently (counting
     * only non-NULL rows when ignoring NULLs). Keeps copies of the last rows added (between n and 2n of them, cut
     * back to n when it reaches 2n), which are the state carried from block to block.
     */
    private static final class NthFromEnd extends FrameAccumulator {
        private final ColumnVector input;
        private final int[] order;
        private final int n;
        private final boolean ignoreNulls;
        private FlatVector recent;   // the values added, oldest first (partition order: latest rows first)

        NthFromEnd(ColumnVector input, int[] order, int n, boolean ignoreNulls) {
            this.input = input;
            this.order = order;
            this.n = n;
            this.ignoreNulls = ignoreNulls;
            reset();
        }

        @Override void reset() { recent = dev.sluice.vector.Vectors.allocate(input.type(), Math.min(n, 1024)); }

        @Override void add(int from, int to) {
            for (int p = to - 1; p >= from; p--) {   // positions [from, to) of a frame read backwards: the last first
                int row = order[p];
                if (ignoreNulls && input.isNull(row)) continue;
                if (recent.size() >= 2L * n) keepLast();
                recent.appendFrom(input, row);
            }
        }

        private void keepLast() {
            FlatVector kept = dev.sluice.vector.Vectors.allocate(input.type(), Math.min(n, 1024));
            for (int i = recent.size() - n; i < recent.size(); i++) kept.appendFrom(recent, i);
            recent = kept;
        }

        @Override void result(FlatVector out) {
            if (recent.size() >= n) out.appendFrom(recent, recent.size() - n);
            else out.appendNull();
        }

        @Override Object state() { return recent; }

        @Override void continueFrom(Object state) { recent = (FlatVector) state; }
    }
}
