package dev.sluice.exec;

import dev.sluice.expr.SortOrder;
import dev.sluice.expr.WindowFrame;
import dev.sluice.types.DataType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.vector.ColumnVector;

/**
 * The rows of a frame for each position of a {@link WindowGroup}: {@link #lower}..{@link #upper} (exclusive)
 * in sorted positions, empty when upper <= lower. ROWS count positions; RANGE without offsets uses peer
 * groups; RANGE with offsets compares the single order key with the current key plus the offset, in the sort
 * direction (descending subtracts, as Spark). A NULL key's offset bounds are its peers (the other NULLs);
 * a non-NULL key's never reach the NULLs; NaN is above every number and equal to NaN.
 */
final class FrameBounds {
    private final WindowFrame frame;
    private final boolean ascending;
    private final boolean floating;
    private WindowGroup g;
    private int nonNullStart, nonNullEnd;

    FrameBounds(WindowFrame frame, SortOrder firstOrder) {
        this.frame = frame;
        this.ascending = firstOrder == null || firstOrder.ascending();
        DataType t = firstOrder == null ? null : firstOrder.dataType();
        this.floating = t instanceof DoubleType || t instanceof FloatType;
    }

    void reset(WindowGroup group) {
        g = group;
        if (frame.type() == WindowFrame.Type.RANGE && frame.hasValueOffset()) {
            ColumnVector k = g.orderKeys[0];
            nonNullStart = g.start;
            while (nonNullStart < g.end && k.isNull(g.order[nonNullStart])) nonNullStart++;
            nonNullEnd = g.end;
            while (nonNullEnd > nonNullStart && k.isNull(g.order[nonNullEnd - 1])) nonNullEnd--;
        }
    }

    int lower(int p) {
        long b = frame.lower();
        if (b == WindowFrame.UNBOUNDED_PRECEDING) return g.start;
        if (frame.type() == WindowFrame.Type.ROWS) return (int) Math.max(g.start, Math.min(g.end, p + b));
        if (b == 0) return g.peerStart(p);
        if (isNullKey(p)) return g.peerStart(p);
        return firstAtOrAfter(p, b, false);
    }

    int upper(int p) {
        long b = frame.upper();
        if (b == WindowFrame.UNBOUNDED_FOLLOWING) return g.end;
        if (frame.type() == WindowFrame.Type.ROWS) return (int) Math.max(g.start, Math.min(g.end, p + b + 1));
        if (b == 0) return g.peerEnd(p);
        if (isNullKey(p)) return g.peerEnd(p);
        return firstAtOrAfter(p, b, true);
    }

    private boolean isNullKey(int p) { return g.orderKeys[0].isNull(g.order[p]); }

    /**
     * The first non-null position whose key is at or past (strictly past when {@code strict}) the bound
     * {@code key(p) + offset} in the sort direction; the end of the non-null rows when none is.
     */
    private int firstAtOrAfter(int p, long offset, boolean strict) {
        ColumnVector k = g.orderKeys[0];
        int row = g.order[p];
        int lo = nonNullStart, hi = nonNullEnd;
        if (floating) {
            double v = k.type() instanceof FloatType ? k.getFloat(row) : k.getDouble(row);
            double bound = ascending ? v + offset : v - offset;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                int r = g.order[mid];
                double x = k.type() instanceof FloatType ? k.getFloat(r) : k.getDouble(r);
                int c = compareDoubles(x, bound);
                if (!ascending) c = -c;
                if (strict ? c > 0 : c >= 0) hi = mid; else lo = mid + 1;
            }
        } else {
            long v = k.type() instanceof dev.sluice.types.LongType ? k.getLong(row) : k.getInt(row);
            long bound = ascending ? saturatedAdd(v, offset) : saturatedAdd(v, offset == Long.MIN_VALUE ? Long.MAX_VALUE : -offset);
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                int r = g.order[mid];
                long x = k.type() instanceof dev.sluice.types.LongType ? k.getLong(r) : k.getInt(r);
                int c = Long.compare(x, bound);
                if (!ascending) c = -c;
                if (strict ? c > 0 : c >= 0) hi = mid; else lo = mid + 1;
            }
        }
        return lo;
    }

    private static int compareDoubles(double x, double y) { return x == y ? 0 : Double.compare(x, y); }

    /**
     * Where a RANGE frame starting at a value offset starts, row by row, for a stream that has no group to search
     * ({@link SuffixFrames}' reverse pass): whether a row lies before another row's frame start, by the rules of
     * {@link #lower}: a NULL key's frame starts at its peers (the other NULLs), a non-NULL key's at the first
     * non-NULL key at or past its key plus the offset in the sort direction.
     */
    record ValueStart(long offset, boolean ascending, boolean floating) {
        ValueStart(long offset, SortOrder firstOrder) {
            this(offset, firstOrder.ascending(),
                    firstOrder.dataType() instanceof DoubleType || firstOrder.dataType() instanceof FloatType);
        }

        /**
         * True when the row {@code row} of {@code k} lies before the frame start of row {@code current} of {@code ck};
         * {@code earlier}: the row comes before the current one in the window order (NULL keys are all first or all
         * last: a non-NULL row is before a NULL row's frame, and a NULL row before a non-NULL row's, when earlier).
         */
        boolean before(ColumnVector k, int row, ColumnVector ck, int current, boolean earlier) {
            if (ck.isNull(current)) return !k.isNull(row) && earlier;
            if (k.isNull(row)) return earlier;
            int c;
            if (floating) {
                double v = ck.type() instanceof FloatType ? ck.getFloat(current) : ck.getDouble(current);
                double bound = ascending ? v + offset : v - offset;
                c = compareDoubles(k.type() instanceof FloatType ? k.getFloat(row) : k.getDouble(row), bound);
            } else {
                long v = ck.type() instanceof dev.sluice.types.LongType ? ck.getLong(current) : ck.getInt(current);
                long bound = ascending ? saturatedAdd(v, offset) : saturatedAdd(v, offset == Long.MIN_VALUE ? Long.MAX_VALUE : -offset);
                c = Long.compare(k.type() instanceof dev.sluice.types.LongType ? k.getLong(row) : k.getInt(row), bound);
            }
            return (ascending ? c : -c) < 0;
        }
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        return r;
    }
}
