package dev.sluice.expr;

/**
 * The rows a window function sees around the current row. ROWS offsets count rows; RANGE offsets are
 * added to the (single, numeric) order key. {@link #UNBOUNDED_PRECEDING} / {@link #UNBOUNDED_FOLLOWING}
 * are Spark's {@code Long.MIN_VALUE} / {@code Long.MAX_VALUE}; 0 is the current row (its peers for RANGE).
 */
public record WindowFrame(Type type, long lower, long upper) {
    public enum Type { ROWS, RANGE }

    public static final long UNBOUNDED_PRECEDING = Long.MIN_VALUE;
    public static final long UNBOUNDED_FOLLOWING = Long.MAX_VALUE;

    /** Spark's frame when ordered and none is given: RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW. */
    public static final WindowFrame RANGE_TO_CURRENT = new WindowFrame(Type.RANGE, UNBOUNDED_PRECEDING, 0);
    /** What ranking functions require: ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW. */
    public static final WindowFrame ROWS_TO_CURRENT = new WindowFrame(Type.ROWS, UNBOUNDED_PRECEDING, 0);
    /** The whole partition (the frame when the window is not ordered). */
    public static final WindowFrame WHOLE_ROWS = new WindowFrame(Type.ROWS, UNBOUNDED_PRECEDING, UNBOUNDED_FOLLOWING);

    public WindowFrame {
        if (type == null) throw new IllegalArgumentException("type");
    }

    /** True when a bound is a value offset (not unbounded, not the current row). */
    public boolean hasValueOffset() {
        return isOffset(lower) || isOffset(upper);
    }

    private static boolean isOffset(long b) { return b != 0 && b != UNBOUNDED_PRECEDING && b != UNBOUNDED_FOLLOWING; }

    /** Spark's text: {@code ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW}, offsets as {@code -1 FOLLOWING}. */
    public String sql() {
        return type.name() + " BETWEEN " + bound(lower) + " AND " + bound(upper);
    }

    private static String bound(long b) {
        if (b == UNBOUNDED_PRECEDING) return "UNBOUNDED PRECEDING";
        if (b == UNBOUNDED_FOLLOWING) return "UNBOUNDED FOLLOWING";
        if (b == 0) return "CURRENT ROW";
        return b + " FOLLOWING";   // Spark prints every literal offset this way, negative ones included
    }
}
