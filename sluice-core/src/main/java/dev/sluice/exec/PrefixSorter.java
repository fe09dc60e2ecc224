package dev.sluice.exec;

/**
 * A stable sort of row ids by a long key per row (a run's first-key prefix, compared as a signed long), ties of the
 * key settled by a comparator. The keys are sorted with their row ids by a least-significant-digit radix sort, a
 * byte at a time (bytes that are the same in every key are skipped), which reads the keys in order instead of
 * looking them up per comparison as a comparison sort of row ids does; equal keys then go through
 * {@link IntSorter} with {@code ties}. Both sorts are stable and start from row order, so rows with equal keys
 * and equal ties keep their order, as with {@link IntSorter} alone.
 */
final class PrefixSorter {
    private static final int RADIX_BITS = 8;
    private static final int BUCKETS = 1 << RADIX_BITS;
    private static final int DIGITS = Long.SIZE / RADIX_BITS;
    /** Below this many rows a comparison sort is as fast and needs no scratch arrays. */
    static final int MIN_ROWS = 256;

    private PrefixSorter() {}

    /** Row ids {@code [0, rows)} ordered by {@code keys[id]} (signed), equal keys by {@code ties}, stably. */
    static int[] sortedOrder(long[] keys, int rows, IntSorter.IntComparator ties) {
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) order[i] = i;
        if (rows < MIN_ROWS) {
            IntSorter.sort(order, 0, rows, (a, b) -> {
                long x = keys[a], y = keys[b];
                if (x != y) return x < y ? -1 : 1;
                return ties.compare(a, b);
            });
            return order;
        }
        long[] k = new long[rows];
        // the sign bit flipped: the keys' unsigned order (what a radix sort gives) is then their signed order
        for (int i = 0; i < rows; i++) k[i] = keys[i] ^ Long.MIN_VALUE;
        int[][] counts = histograms(k, rows);
        long[] kTo = null;
        int[] oTo = null;
        for (int d = 0; d < DIGITS; d++) {
            int[] count = counts[d];
            if (count[(int) (k[0] >>> (d * RADIX_BITS)) & (BUCKETS - 1)] == rows) continue;   // one value: nothing moves
            if (kTo == null) {
                kTo = new long[rows];
                oTo = new int[rows];
            }
            scatter(k, order, kTo, oTo, rows, d * RADIX_BITS, count);
            long[] ks = k; k = kTo; kTo = ks;
            int[] os = order; order = oTo; oTo = os;
        }
        // runs of equal keys, each still in row order: their ties decide
        for (int from = 0; from < rows; ) {
            int to = from + 1;
            while (to < rows && k[to] == k[from]) to++;
            if (to - from > 1) IntSorter.sort(order, from, to, ties);
            from = to;
        }
        return order;
    }

    /** The count of each byte value at each digit, in one read of the keys. */
    private static int[][] histograms(long[] k, int rows) {
        int[][] counts = new int[DIGITS][BUCKETS];
        for (int i = 0; i < rows; i++) {
            long v = k[i];
            for (int d = 0; d < DIGITS; d++) counts[d][(int) (v >>> (d * RADIX_BITS)) & (BUCKETS - 1)]++;
        }
        return counts;
    }

    /** Moves keys and row ids to their places by the digit at {@code shift}, stably ({@code count} becomes offsets). */
    private static void scatter(long[] k, int[] o, long[] kTo, int[] oTo, int rows, int shift, int[] count) {
        int at = 0;
        for (int b = 0; b < BUCKETS; b++) {
            int c = count[b];
            count[b] = at;
            at += c;
        }
        for (int i = 0; i < rows; i++) {
            long v = k[i];
            int p = count[(int) (v >>> shift) & (BUCKETS - 1)]++;
            kTo[p] = v;
            oTo[p] = o[i];
        }
    }
}
