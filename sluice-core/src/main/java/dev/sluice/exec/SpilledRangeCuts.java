package dev.sluice.exec;

import java.util.ArrayList;
import java.util.List;

/**
 * Range bounds for a sort whose runs are partly on disk: a weighted sample of the sort keys (evenly spaced
 * rows of the in-memory runs, the entries of every spilled run's {@link BlockIndex}, each standing for the rows
 * after it up to the next),
 * sorted, cut at equal weight. Rows equal to a bound go to the lower partition, as in {@link RangeCuts}.
 */
final class SpilledRangeCuts {
    private static final int SAMPLES_PER_PARTITION = 64;

    private SpilledRangeCuts() {}

    private record Sample(RunCursor.Bound key, long weight, int source, int position) {}

    /** {@code partitions - 1} nondecreasing bounds. */
    static List<RunCursor.Bound> bounds(List<SortedRun> memory, List<SpilledRun> spilled, RowOrdering ordering, int partitions) {
        List<Sample> samples = new ArrayList<>();
        long total = 0;
        for (SortedRun r : memory) total += r.rows;
        for (SpilledRun r : spilled) total += r.rows;
        if (partitions == 1 || total == 0) return List.of();
        long perMemoryRows = Math.max(1, total / ((long) SAMPLES_PER_PARTITION * partitions));
        int source = 0;
        for (SortedRun r : memory) {
            int k = (int) Math.min(r.rows, Math.max(1, r.rows / perMemoryRows));
            for (int i = 0; i < k && r.rows > 0; i++) {
                int pos = (int) (((2L * i + 1) * r.rows) / (2L * k));
                samples.add(new Sample(new RunCursor.Bound(r.keys, r.order[pos]), (long) r.rows / k, source, pos));
            }
            source++;
        }
        for (SpilledRun r : spilled) {
            BlockIndex index = r.index;
            for (int e = 0; e < index.entries(); e++) samples.add(new Sample(new RunCursor.Bound(index.keys(), e), index.rows(e), source, e));
            source++;
        }
        samples.sort((x, y) -> {
            int c = ordering.compare(x.key().keys(), x.key().row(), y.key().keys(), y.key().row());
            if (c != 0) return c;
            c = Integer.compare(x.source(), y.source());
            return c != 0 ? c : Integer.compare(x.position(), y.position());
        });
        long weight = 0;
        for (Sample s : samples) weight += s.weight();
        List<RunCursor.Bound> bounds = new ArrayList<>(partitions - 1);
        long seen = 0;
        int i = 0;
        for (int p = 0; p < partitions - 1; p++) {
            long target = weight * (p + 1) / partitions;
            while (i < samples.size() - 1 && seen + samples.get(i).weight() < target) seen += samples.get(i++).weight();
            bounds.add(samples.get(i).key());
        }
        return bounds;
    }

    /** The first position in {@code [lo, rows)} of {@code run}'s sorted order whose key is above {@code bound}. */
    static int upperBound(SortedRun run, int lo, RowOrdering ordering, RunCursor.Bound bound) {
        int hi = run.rows;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ordering.compare(run.keys, run.order[mid], bound.keys(), bound.row()) <= 0) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
