package dev.sluice.vector;

/**
 * A batch's row loop run as calls of at most {@link #ROWS} rows each, so that HotSpot compiles the loop's method once,
 * from its standard entry, instead of twice. Called once per batch of thousands of rows, a loop is compiled where it
 * runs: by on-stack replacement once its back edges pass a threshold (tier 3 after 60,000 rows interpreted; C2 after
 * 1.2M rows under the launcher's JIT policy), and then again as a method at its next call, which is all that runs from
 * there on. In calls of {@code ROWS} rows the method's call count gets there first: tier 3 after ~100 calls (~3,000
 * rows), C2 once it has 18,000 calls and 450,000 calls and back edges together (~580,000 rows), before the 1.2M back
 * edges an on-stack compile needs (docs/benchmark.md, "jit"). The cost is a call per {@code ROWS} rows.
 */
public final class RowCalls {
    /** Rows per call: under 1.2M / 18,000 = 66, so that the call count wins with a margin. */
    public static final int ROWS = 32;

    private RowCalls() {}

    /** A loop over the rows {@code [from, to)}. */
    @FunctionalInterface
    public interface Loop {
        void rows(int from, int to);
    }

    /** A loop over the rows {@code [from, to)} that appends to a count it is given and returns (e.g. run heads found). */
    @FunctionalInterface
    public interface CountingLoop {
        int rows(int from, int to, int count);
    }

    /** Runs {@code loop} over the rows {@code [0, n)} in order, {@link #ROWS} at a time. */
    public static void run(int n, Loop loop) {
        for (int from = 0; from < n; from += ROWS) loop.rows(from, Math.min(n, from + ROWS));
    }

    /** Runs {@code loop} over the rows {@code [from, n)} in order, {@link #ROWS} at a time, from {@code count}; the last count. */
    public static int run(int from, int n, int count, CountingLoop loop) {
        for (int at = from; at < n; at += ROWS) count = loop.rows(at, Math.min(n, at + ROWS), count);
        return count;
    }
}
