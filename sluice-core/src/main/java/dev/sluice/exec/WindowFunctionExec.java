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
    abstract void fill(WindowGroup g, FlatVector out);

    /**
     * As {@link #fill(WindowGroup, FlatVector)} for a group that continues a window partition cut before it
     * ({@code carry}; {@code peerContinues}: its first row is a peer of the last row before the cut). Only the
     * functions {@link #streamable} can.
     */
    void fill(WindowGroup g, FlatVector out, WindowCarry carry, boolean peerContinues) {
        if (carry != null) throw dev.sluice.error.SluiceException.internal("window function cannot continue a cut partition");
        fill(g, out);
    }

    /** The state to carry into the next chunk after this function filled a group the chunk cut (null: none). */
    Object stateAfter() { return null; }

    /**
     * True for the functions whose value at a row depends only on the rows before it (and its peers' start):
     * row_number, rank, dense_rank, and aggregates over {@code UNBOUNDED PRECEDING AND CURRENT ROW} (ROWS, or
     * RANGE by peers). Their window partitions can be cut into chunks and streamed.
     */
    static boolean streamable(WindowExpression w) {
        WindowExpression.Function f = w.function();
        if (f == WindowExpression.Function.ROW_NUMBER || f == WindowExpression.Function.RANK || f == WindowExpression.Function.DENSE_RANK) return true;
        return f == WindowExpression.Function.AGGREGATE && isRunning(w.effectiveFrame());
    }

    /** A running aggregate over RANGE includes its row's peers: a chunk may not cut a peer group. */
    static boolean needsWholePeers(WindowExpression w) {
        return w.function() == WindowExpression.Function.AGGREGATE && w.effectiveFrame() != null
                && w.effectiveFrame().type() == dev.sluice.expr.WindowFrame.Type.RANGE;
    }

    private static boolean isRunning(dev.sluice.expr.WindowFrame frame) {
        return frame != null && frame.lower() == dev.sluice.expr.WindowFrame.UNBOUNDED_PRECEDING && frame.upper() == 0
                && !frame.hasValueOffset();
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
        return new Framed(new FrameBounds(w.effectiveFrame(), firstOrder), FrameAccumulator.of(w, all, order), index);
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

        @Override void fill(WindowGroup g, FlatVector out) { fill(g, out, null, false); }

        @Override void fill(WindowGroup g, FlatVector out, WindowCarry carry, boolean peerContinues) {
            int n = g.size();
            long before = carry == null ? 0 : carry.rowsBefore();
            int dense = carry == null ? 0 : carry.denseBefore();
            for (int p = g.start; p < g.end; p++) {
                int i = p - g.start;
                boolean carriedPeers = peerContinues && g.peerStart(p) == g.start;
                int rank = carriedPeers ? carry.rankBefore() : (int) (before + g.peerStart(p) - g.start + 1);
                if (g.peerStart(p) == p && !(peerContinues && p == g.start)) dense++;
                switch (function) {
                    case ROW_NUMBER: ((IntVector) out).append((int) (before + i + 1)); break;
                    case RANK: ((IntVector) out).append(rank); break;
                    case DENSE_RANK: ((IntVector) out).append(dense); break;
                    case PERCENT_RANK: ((DoubleVector) out).append(n > 1 ? (rank - 1) / (double) (n - 1) : 0.0); break;
                    case CUME_DIST: ((DoubleVector) out).append((g.peerEnd(p) - g.start) / (double) n); break;
                    case NTILE: ((IntVector) out).append(ntile(i, n)); break;
                    default: throw dev.sluice.error.SluiceException.internal("not a ranking function: " + function);
                }
            }
        }

        /** Spark's split: n / buckets rows per bucket, the first n % buckets buckets one row more. */
        private int ntile(int i, int n) {
            int size = n / buckets, extra = n % buckets;
            int bigRows = extra * (size + 1);
            if (i < bigRows) return i / (size + 1) + 1;
            return extra + (i - bigRows) / size + 1;
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

        @Override void fill(WindowGroup g, FlatVector out) {
            for (int p = g.start; p < g.end; p++) {
                long target = (long) p + delta;
                if (target >= g.start && target < g.end) out.appendFrom(input, g.order[(int) target]);
                else out.appendFrom(defaults, g.order[p]);
            }
        }
    }

    /**
     * Functions of the frame's rows. As Spark, a frame that keeps its start and grows adds the new rows to
     * the running state; any other move recomputes from the frame's start (so sums round as Spark's do).
     */
    private static final class Framed extends WindowFunctionExec {
        private final FrameBounds bounds;
        private final FrameAccumulator acc;
        private final int index;   // the function's place in its operator (its carried state)

        Framed(FrameBounds bounds, FrameAccumulator acc, int index) {
            this.bounds = bounds;
            this.acc = acc;
            this.index = index;
        }

        /**
         * A running aggregate continuing a partition cut before {@code g}: the carried state holds every row before
         * it, so each row adds the rows up to its frame's end (its own, or its peer group's).
         */
        @Override void fill(WindowGroup g, FlatVector out, WindowCarry carry, boolean peerContinues) {
            if (carry == null) {
                fill(g, out);
                return;
            }
            bounds.reset(g);
            acc.continueFrom(carry.states()[index]);
            int curHi = g.start;
            for (int p = g.start; p < g.end; p++) {
                int hi = Math.max(curHi, bounds.upper(p));
                acc.add(curHi, hi);
                curHi = hi;
                acc.result(out);
            }
        }

        @Override Object stateAfter() { return acc.state(); }

        @Override void fill(WindowGroup g, FlatVector out) {
            bounds.reset(g);
            int curLo = -1, curHi = -1;
            for (int p = g.start; p < g.end; p++) {
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
                acc.result(out);
            }
        }
    }
}
