package dev.sluice.expr.agg;

/** Capacity growth for per-group arrays: at least {@code needed}, amortized doubling. */
final class Growth {
    private Growth() {}

    static int capacity(int current, int needed) {
        if (needed <= current) return current;
        return (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, Math.max(16L, current * 2L)));
    }
}
