package dev.sluice.exec;

import dev.sluice.expr.WindowExpression;
import dev.sluice.expr.WindowFrame;

import java.util.List;

/**
 * What the window functions of one operator need so that a window partition larger than memory can be cut into
 * chunks of a sorted stream: rows of the partition kept from before a chunk's first row ({@code behind}, for
 * {@code lag} and frames that start before their row), rows read past a chunk's last row before it is emitted
 * ({@code ahead}, for {@code lead} and frames that end after their row), a first pass over the whole partition
 * ({@code twoPass}: its size, or the value of a frame that is the whole partition), and whether a cut must keep a
 * peer group whole (RANGE frames ending at the row's peers, {@code cume_dist}); {@code valueFrames}: the functions
 * with a RANGE frame with a value offset, whose rows kept and read ahead depend on the order key's values (the
 * chunker finds them with the frame's own bounds). {@code refusal} names the first
 * function that cannot be streamed at all (null when every one can): its partition must fit in memory.
 */
record WindowStreamNeeds(long behind, long ahead, boolean twoPass, boolean wholePeers, List<WindowExpression> valueFrames,
                         WindowExpression refusal, String reason) {
    private static final WindowStreamNeeds NOTHING = new WindowStreamNeeds(0, 0, false, false, List.of(), null, null);

    WindowStreamNeeds(long behind, long ahead, boolean twoPass, boolean wholePeers, WindowExpression refusal, String reason) {
        this(behind, ahead, twoPass, wholePeers, List.of(), refusal, reason);
    }

    /** The needs of every function together. */
    static WindowStreamNeeds of(List<WindowExpression> functions) {
        WindowStreamNeeds all = NOTHING;
        for (WindowExpression w : functions) all = all.and(of(w));
        return all;
    }

    /** The needs of one bound function. */
    static WindowStreamNeeds of(WindowExpression w) {
        switch (w.function()) {
            case ROW_NUMBER: case RANK: case DENSE_RANK: return NOTHING;
            case PERCENT_RANK: case NTILE: return new WindowStreamNeeds(0, 0, true, false, null, null);
            case CUME_DIST: return new WindowStreamNeeds(0, 0, true, true, null, null);
            case LAG: case LEAD: {
                long delta = w.function() == WindowExpression.Function.LAG ? -(long) w.offset() : w.offset();
                return new WindowStreamNeeds(Math.max(0, -delta), Math.max(0, delta), false, false, null, null);
            }
            default: return ofFrame(w, w.effectiveFrame());
        }
    }

    private static WindowStreamNeeds ofFrame(WindowExpression w, WindowFrame f) {
        long lo = f.lower(), hi = f.upper();
        if (hi == WindowFrame.UNBOUNDED_FOLLOWING) {
            if (lo == WindowFrame.UNBOUNDED_PRECEDING) return new WindowStreamNeeds(0, 0, true, false, null, null);
            // a suffix: a reverse pass over the partition's first-pass file, for functions that can add rows backwards
            // (or recomputed from each row's frame start, for functions whose state has a fixed size)
            if (SuffixFrames.streamable(w)) return new WindowStreamNeeds(0, 0, true, false, null, null);
            return refuse(w, "a frame that ends at UNBOUNDED FOLLOWING but starts after UNBOUNDED PRECEDING (streamed"
                    + " for first_value, last_value, nth_value and aggregates whose state does not grow: count, sum, avg,"
                    + " min, max, first, last, variances and correlations; not for collecting or distinct aggregates)");
        }
        if (f.type() == WindowFrame.Type.RANGE && f.hasValueOffset()) return new WindowStreamNeeds(0, 0, false, false, List.of(w), null, null);
        if (f.type() == WindowFrame.Type.RANGE) return new WindowStreamNeeds(0, 0, false, true, null, null);   // bounds are peers
        long behind = 0, ahead = 0;
        for (long b : new long[] {lo, hi}) {
            if (b == WindowFrame.UNBOUNDED_PRECEDING) continue;
            behind = Math.max(behind, -b);
            ahead = Math.max(ahead, b);
        }
        return new WindowStreamNeeds(behind, ahead, false, false, null, null);
    }

    private static WindowStreamNeeds refuse(WindowExpression w, String reason) {
        return new WindowStreamNeeds(0, 0, false, false, w, reason);
    }

    private WindowStreamNeeds and(WindowStreamNeeds o) {
        List<WindowExpression> frames = new java.util.ArrayList<>(valueFrames);
        frames.addAll(o.valueFrames);
        return new WindowStreamNeeds(Math.max(behind, o.behind), Math.max(ahead, o.ahead), twoPass || o.twoPass,
                wholePeers || o.wholePeers, List.copyOf(frames), refusal != null ? refusal : o.refusal, refusal != null ? reason : o.reason);
    }

    /** True when a window partition may be cut into chunks. */
    boolean streamable() { return refusal == null; }
}
