package dev.sluice.exec;

import dev.sluice.expr.SortOrder;
import dev.sluice.expr.WindowExpression;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.DoubleVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.IntVector;

/**
 * Computes one window function over a {@link WindowGroup}, appending one result per position (in sorted
 * order) to {@code out}. Argument values are vectors indexed by row id (not position).
 */
abstract class WindowFunctionExec {
    /**
     * Appends the function's value for each position {@code g.from .. g.to} of a group. {@code carry}: where the
     * window partition stood before {@code g.from} when a chunk before this one cut it (null: the group starts its
     * partition); {@code peerContinues}: the row at {@code g.from} is a peer of the last row emitted before it.
     */
    abstract void fill(WindowGroup g, FlatVector out, WindowCarry carry, boolean peerContinues);

    /** As {@link #fill(WindowGroup, FlatVector, WindowCarry, boolean)} for a whole window partition. */
    final void fill(WindowGroup g, FlatVector out) { fill(g, out, null, false); }

    /** The state to carry into the next chunk after this function filled a group the chunk cut (null: none). */
    Object stateAfter() { return null; }

    /** The rank of position {@code p} (at or after {@code g.from}): its peer group's first row's number. */
    static int rankAt(WindowGroup g, int p, WindowCarry carry, boolean peerContinues) {
        int peerStart = g.peerStart(p);
        if (peerContinues && peerStart <= g.from) return carry.rankBefore();   // the peers began in an earlier chunk
        long before = carry == null ? 0 : carry.rowsBefore();
        return (int) (before + peerStart - g.from + 1);
    }

    /** True when position {@code p} starts a new peer group (counted by dense_rank). */
    static boolean startsPeers(WindowGroup g, int p, boolean peerContinues) {
        return g.peerStart(p) == p && !(peerContinues && p == g.from);
    }

    /** The evaluator for bound {@code w} over a run: its rows {@code all}, their sorted order {@code order}. */
    static WindowFunctionExec of(WindowExpression w, Batch all, int[] order, SortOrder firstOrder) { return of(w, all, order, firstOrder, 0); }

    /** As {@link #of(WindowExpression, Batch, int[], SortOrder)}; {@code index}: the function's place in its operator. */
    static WindowFunctionExec of(WindowExpression w, Batch all, int[] order, SortOrder firstOrder, int index) {
        WindowExpression.Function f = w.function();
        if (f.isRanking()) return new Ranking(f, f == WindowExpression.Function.NTILE ? (Integer) literal(w, 0) : 0);
        if (f == WindowExpression.Function.LAG || f == WindowExpression.Function.LEAD) {
            int offset = w.offset();
            return new Offset(w.input().evaluate(all), w.arguments().get(2).evaluate(all), f == WindowExpression.Function.LAG ? -offset : offset);
        }
        return new Framed(new FrameBounds(w.effectiveFrame(), firstOrder), FrameAccumulator.of(w, all, order), index, w.effectiveFrame());
    }

    private static Object literal(WindowExpression w, int i) {
        return ((dev.sluice.expr.Literal) w.arguments().get(i)).value();
    }

    /** row_number, rank, dense_rank, percent_rank, cume_dist, ntile: positions and peer groups only. */
    private static final class Ranking extends WindowFunctionExec {
        private final WindowExpression.Function function;
        private final int buckets;

        Ranking(WindowExpression.Function function, int buckets) {
            this.function = function;
            this.buckets = buckets;
        }

        /** Positions count from the partition's first row; its size is the first pass's count when it was cut. */
        @Override void fill(WindowGroup g, FlatVector out, WindowCarry carry, boolean peerContinues) {
            long before = carry == null ? 0 : carry.rowsBefore();
            long n = carry != null && carry.partitionRows() >= 0 ? carry.partitionRows() : g.size();
            int dense = carry == null ? 0 : carry.denseBefore();
            for (int p = g.from; p < g.to; p++) {
                long i = before + p - g.from;
                int rank = rankAt(g, p, carry, peerContinues);
                if (startsPeers(g, p, peerContinues)) dense++;
                switch (function) {
                    case ROW_NUMBER: ((IntVector) out).append((int) (i + 1)); break;
                    case RANK: ((IntVector) out).append(rank); break;
                    case DENSE_RANK: ((IntVector) out).append(dense); break;
                    case PERCENT_RANK: ((DoubleVector) out).append(n > 1 ? (rank - 1) / (double) (n - 1) : 0.0); break;
                    case CUME_DIST: ((DoubleVector) out).append((before + g.peerEnd(p) - g.from) / (double) n); break;
                    case NTILE: ((IntVector) out).append(ntile(i, n)); break;
                    default: throw dev.sluice.error.SluiceException.internal("not a ranking function: " + function);
                }
            }
        }

        /** Spark's split: n / buckets rows per bucket, the first n % buckets buckets one row more. */
        private int ntile(long i, long n) {
            long size = n / buckets, extra = n % buckets;
            long bigRows = extra * (size + 1);
            if (i < bigRows) return (int) (i / (size + 1) + 1);
            return (int) (extra + (i - bigRows) / size + 1);
        }
    }

    /** lag / lead: the value {@code delta} positions away in the partition, else the default (of the current row). */
    private static final class Offset extends WindowFunctionExec {
        private final ColumnVector input;
        private final ColumnVector defaults;
        private final int delta;

        Offset(ColumnVector input, ColumnVector defaults, int delta) {
            this.input = input;
            this.defaults = defaults;
            this.delta = delta;
        }

        /** Rows of the partition outside the run are never needed: a cut keeps enough rows around the emitted ones. */
        @Override void fill(WindowGroup g, FlatVector out, WindowCarry carry, boolean peerContinues) {
            for (int p = g.from; p < g.to; p++) {
                long target = (long) p + delta;
                if (target >= g.start && target < g.end) out.appendFrom(input, g.order[(int) target]);
                else out.appendFrom(defaults, g.order[p]);
            }
        }
    }

    /**
     * Functions of the frame's rows. As Spark, a frame that keeps its start and grows adds the new rows to
     * the running state; any other move recomputes from the frame's start (so sums round as Spark's do).
     * When the window partition is cut into chunks: a running frame (from UNBOUNDED PRECEDING) goes on from the
     * state carried from the chunk before; a frame of the whole partition takes its value from the first pass;
     * any other frame is recomputed from the group's first row, the context rows the cut kept included.
     */
    private static final class Framed extends WindowFunctionExec {
        private final FrameBounds bounds;
        private final FrameAccumulator acc;
        private final int index;   // the function's place in its operator (its carried state)
        private final boolean running;
        private final boolean whole;   // the frame is the whole partition
        private long added;        // after a fill of a running frame: the partition's rows it has added

        Framed(FrameBounds bounds, FrameAccumulator acc, int index, dev.sluice.expr.WindowFrame frame) {
            this.bounds = bounds;
            this.acc = acc;
            this.index = index;
            this.running = frame.lower() == dev.sluice.expr.WindowFrame.UNBOUNDED_PRECEDING
                    && frame.upper() != dev.sluice.expr.WindowFrame.UNBOUNDED_FOLLOWING;
            this.whole = frame.lower() == dev.sluice.expr.WindowFrame.UNBOUNDED_PRECEDING
                    && frame.upper() == dev.sluice.expr.WindowFrame.UNBOUNDED_FOLLOWING;
        }

        @Override void fill(WindowGroup g, FlatVector out, WindowCarry carry, boolean peerContinues) {
            bounds.reset(g);
            if (carry != null && carry.wholeStates() != null && carry.wholeStates()[index] instanceof SuffixFrames suffix) {
                suffix.append(index, carry.rowsBefore(), g.to - g.from, out);   // a reverse pass computed the frame
                return;
            }
            if (whole && carry != null && carry.wholeStates() != null) {   // the first pass accumulated the whole partition
                acc.continueFrom(carry.wholeStates()[index]);
                for (int p = g.from; p < g.to; p++) acc.result(out);
                return;
            }
            if (running) {
                fillRunning(g, out, carry);
                return;
            }
            int curLo = -1, curHi = -1;
            for (int p = g.start; p < g.to; p++) {
                int lo = bounds.lower(p);
                int hi = Math.max(lo, bounds.upper(p));
                if (lo == curLo && hi >= curHi) {
                    acc.add(curHi, hi);
                } else {
                    acc.reset();
                    acc.add(lo, hi);
                }
                curLo = lo;
                curHi = hi;
                if (p >= g.from) acc.result(out);
            }
        }

        /**
         * From UNBOUNDED PRECEDING: each row adds the rows up to its frame's end (its own, a few after it, or its
         * peer group's), going on from the carried state when the partition began in an earlier chunk.
         */
        private void fillRunning(WindowGroup g, FlatVector out, WindowCarry carry) {
            WindowCarry.RunningState state = carry == null ? null : (WindowCarry.RunningState) carry.states()[index];
            long before = carry == null ? 0 : carry.rowsBefore();
            int curHi;
            if (state == null) {
                acc.reset();
                curHi = g.start;
            } else {
                acc.continueFrom(state.accumulator());
                curHi = (int) (g.from + (state.added() - before));
            }
            for (int p = g.from; p < g.to; p++) {
                int hi = Math.max(curHi, bounds.upper(p));
                acc.add(curHi, hi);
                curHi = hi;
                acc.result(out);
            }
            added = before + (curHi - g.from);
        }

        @Override Object stateAfter() { return running ? new WindowCarry.RunningState(acc.state(), added) : null; }
    }
}
