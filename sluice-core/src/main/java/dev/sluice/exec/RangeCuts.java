package dev.sluice.exec;

import java.util.Arrays;
import java.util.List;

/**
 * Range partitioning of sorted runs: picks up to {@code partitions - 1} bounds from a sample of the runs' keys
 * (about 64 per output partition, spread over the runs by size, each sample weighted by the rows it stands for) as
 * Spark's {@code RangePartitioner} does, then cuts every run at the bounds by
 * binary search. Rows equal to a bound all go to the lower partition, whichever run they are in, so the
 * output partitions in order are a stable sort of the input. The sample depends only on the data, never on
 * the workers.
 */
final class RangeCuts {
    private static final int SAMPLES_PER_PARTITION = 64;

    private RangeCuts() {}

    /** {@code cuts[r][p]} = end (exclusive) of output partition p in run r's sorted order. */
    static int[][] cut(List<SortedRun> runs, RowOrdering ordering, int partitions) {
        int[][] cuts = new int[runs.size()][partitions];
        long total = 0;
        for (SortedRun r : runs) total += r.rows;
        for (int r = 0; r < runs.size(); r++) Arrays.fill(cuts[r], runs.get(r).rows);
        if (partitions == 1 || total == 0) return cuts;

        long sampleTotal = Math.min(total, (long) SAMPLES_PER_PARTITION * partitions);
        int count = 0;
        long[] samples = new long[(int) sampleTotal + runs.size()];
        double[] runWeight = new double[runs.size()];   // rows each of the run's samples stands for
        for (int r = 0; r < runs.size(); r++) {
            int n = runs.get(r).rows;
            if (n == 0) continue;
            int k = (int) Math.max(1, Math.min(n, Math.ceil((double) n * sampleTotal / total)));
            runWeight[r] = (double) n / k;
            for (int i = 0; i < k; i++) {
                long pos = ((2L * i + 1) * n) / (2L * k);
                samples[count++] = ((long) r << 32) | pos;
            }
        }
        Long[] boxed = new Long[count];
        for (int i = 0; i < count; i++) boxed[i] = samples[i];
        Arrays.sort(boxed, (x, y) -> {
            int c = compareAt(runs, ordering, x, y);
            return c != 0 ? c : Long.compare(x, y);
        });
        // Spark's RangePartitioner.determineBounds: walk the sorted sample adding weights; a sample whose cumulative
        // weight reaches the next step of total/partitions becomes a bound unless it equals the previous bound
        double sumWeights = 0;
        for (int i = 0; i < count; i++) sumWeights += runWeight[(int) (boxed[i] >>> 32)];
        double step = sumWeights / partitions;
        double cumWeight = 0;
        double target = step;
        long previous = -1;
        int p = 0;
        for (int i = 0; i < count && p < partitions - 1; i++) {
            long bound = boxed[i];
            cumWeight += runWeight[(int) (bound >>> 32)];
            if (cumWeight < target || (previous >= 0 && compareAt(runs, ordering, bound, previous) <= 0)) continue;
            previous = bound;
            target += step;
            SortedRun b = runs.get((int) (bound >>> 32));
            int bRow = b.order[(int) bound];
            for (int r = 0; r < runs.size(); r++) {
                SortedRun run = runs.get(r);
                int lo = p == 0 ? 0 : cuts[r][p - 1];
                cuts[r][p] = upperBound(run, lo, ordering, b, bRow);
            }
            p++;
        }
        // fewer distinct bounds than partitions: partition p takes the rest and the later ones stay empty (cuts at rows)
        return cuts;
    }

    /** The first position in {@code [lo, rows)} of {@code run} whose key is above the bound's. */
    private static int upperBound(SortedRun run, int lo, RowOrdering ordering, SortedRun bound, int boundRow) {
        int hi = run.rows;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ordering.compare(run.keys, run.order[mid], bound.keys, boundRow) <= 0) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static int compareAt(List<SortedRun> runs, RowOrdering ordering, long x, long y) {
        SortedRun rx = runs.get((int) (x >>> 32)), ry = runs.get((int) (y >>> 32));
        return ordering.compare(rx.keys, rx.order[(int) x], ry.keys, ry.order[(int) y]);
    }
}
