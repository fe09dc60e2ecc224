package dev.sluice.expr.agg;

import java.util.Arrays;

/**
 * A Greenwald-Khanna quantile summary with the behaviour of Spark's {@code percentile_approx} (its
 * PercentileDigest over QuantileSummaries), so that approximate answers equal Spark's, not only stay within the
 * same error bound. Each kept sample is a value with {@code g} (the least rank gap from the previous sample) and
 * {@code delta} (how far its rank is uncertain). As Spark does:
 * <ul>
 *   <li>values are buffered and inserted in sorted batches of {@value #HEAD_SIZE}; a new sample gets
 *       {@code delta = floor(2·ε·n)} unless it is the new minimum or the last value of a batch above every sample;
 *   <li>after a batch, once {@value #COMPRESS_THRESHOLD} samples are kept the summary is compressed: walking down from
 *       the maximum, a sample is folded into the next kept one while their {@code g + g' + delta'} stays below
 *       {@code 2·ε·n}; the minimum is always kept;
 *   <li>merging interleaves two summaries' samples, adding the other side's {@code floor(2·ε·n)} to the delta of a
 *       sample that falls inside the other side's range, then compresses;
 *   <li>a query for percentage {@code p} answers the minimum when {@code p <= ε}, the maximum when {@code p >= 1-ε},
 *       else the first sample (scanning the percentages in ascending order, resuming where the previous one stopped)
 *       whose rank range, widened by half the largest {@code g + delta}, contains {@code ceil(p·n)}.
 * </ul>
 * ε is {@code 1 / accuracy}. Samples are kept in parallel primitive arrays (a summary holds tens of thousands).
 */
public final class QuantileSummary {
    static final int COMPRESS_THRESHOLD = 10_000;
    static final int HEAD_SIZE = 50_000;

    private final double relativeError;
    private double[] values = new double[0];
    private long[] gs = new long[0];
    private long[] deltas = new long[0];
    private int size;
    /** The number of values in the samples (the head buffer not counted). */
    private long count;
    private double[] head = new double[16];
    private int headSize;

    public QuantileSummary(double relativeError) { this.relativeError = relativeError; }

    public long count() { return count + headSize; }

    public void insert(double x) {
        if (headSize == head.length) head = Arrays.copyOf(head, Math.min(HEAD_SIZE, head.length * 2));
        head[headSize++] = x;
        if (headSize >= HEAD_SIZE) {
            insertHead();
            if (size >= COMPRESS_THRESHOLD) compress();
        }
    }

    /** Inserts the buffered values (sorted) among the samples. */
    private void insertHead() {
        if (headSize == 0) return;
        double[] sorted = Arrays.copyOf(head, headSize);
        Arrays.sort(sorted);
        Samples out = new Samples(size + headSize);
        long current = count;
        int s = 0;
        for (int i = 0; i < sorted.length; i++) {
            double x = sorted[i];
            while (s < size && values[s] <= x) {
                out.add(values[s], gs[s], deltas[s]);
                s++;
            }
            current++;
            boolean edge = out.size == 0 || (s == size && i == sorted.length - 1);
            out.add(x, 1, edge ? 0 : (long) Math.floor(2 * relativeError * current));
        }
        while (s < size) {
            out.add(values[s], gs[s], deltas[s]);
            s++;
        }
        take(out);
        count = current;
        headSize = 0;
        head = new double[16];
    }

    /** Inserts the buffered values, then merges samples whose combined uncertainty stays under 2εn. */
    public void compress() {
        insertHead();
        take(compressed(values, gs, deltas, size, 2 * relativeError * count));
    }

    /** This summary merged with {@code other}; both are compressed first. */
    public QuantileSummary merge(QuantileSummary other) {
        compress();
        other.compress();
        if (other.count == 0) return this;
        if (count == 0) return other;
        double error = Math.max(relativeError, other.relativeError);
        long extraForSelf = (long) Math.floor(2 * other.relativeError * other.count);
        long extraForOther = (long) Math.floor(2 * relativeError * count);
        Samples out = new Samples(size + other.size);
        int a = 0, b = 0;
        while (a < size && b < other.size) {
            if (values[a] < other.values[b]) {
                out.add(values[a], gs[a], deltas[a] + (b > 0 ? extraForSelf : 0));
                a++;
            } else {
                out.add(other.values[b], other.gs[b], other.deltas[b] + (a > 0 ? extraForOther : 0));
                b++;
            }
        }
        for (; a < size; a++) out.add(values[a], gs[a], deltas[a]);
        for (; b < other.size; b++) out.add(other.values[b], other.gs[b], other.deltas[b]);
        QuantileSummary merged = new QuantileSummary(error);
        merged.count = count + other.count;
        merged.take(compressed(out.values, out.gs, out.deltas, out.size, 2 * error * merged.count));
        return merged;
    }

    /** The approximate values at {@code percentages} (each in [0, 1]), in their order; null when empty. */
    public double[] query(double[] percentages) {
        compress();
        if (size == 0) return null;
        long widest = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) widest = Math.max(widest, gs[i] + deltas[i]);
        double targetError = widest / 2;   // whole division first, as Spark
        Integer[] order = new Integer[percentages.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (x, y) -> Double.compare(percentages[x], percentages[y]));
        double[] out = new double[percentages.length];
        int index = 0;
        long minRank = gs[0];
        for (int pos : order) {
            double p = percentages[pos];
            if (p <= relativeError) {
                out[pos] = values[0];
            } else if (p >= 1 - relativeError) {
                out[pos] = values[size - 1];
            } else {
                long rank = (long) Math.ceil(p * count);
                int i = index;
                long r = minRank;
                boolean found = false;
                while (i < size - 1) {
                    long maxRank = r + deltas[i];
                    if (maxRank - targetError <= rank && rank <= r + targetError) {
                        found = true;
                        break;
                    }
                    i++;
                    r += gs[i];
                }
                if (found) {
                    index = i;
                    minRank = r;
                    out[pos] = values[i];
                } else {   // Spark resumes the next percentage at the last sample with its rank reset to 0
                    index = size - 1;
                    minRank = 0;
                    out[pos] = values[size - 1];
                }
            }
        }
        return out;
    }

    private void take(Samples s) {
        values = s.values;
        gs = s.gs;
        deltas = s.deltas;
        size = s.size;
    }

    /** GK's COMPRESS: from the maximum down, fold a sample into the kept one above it while under the threshold. */
    private static Samples compressed(double[] values, long[] gs, long[] deltas, int size, double threshold) {
        Samples reversed = new Samples(Math.max(1, size));
        if (size == 0) return reversed;
        double headValue = values[size - 1];
        long headG = gs[size - 1], headDelta = deltas[size - 1];
        for (int i = size - 2; i >= 1; i--) {
            if (gs[i] + headG + headDelta < threshold) {
                headG += gs[i];
            } else {
                reversed.add(headValue, headG, headDelta);
                headValue = values[i];
                headG = gs[i];
                headDelta = deltas[i];
            }
        }
        reversed.add(headValue, headG, headDelta);
        if (values[0] <= headValue && size > 1) reversed.add(values[0], gs[0], deltas[0]);
        return reversed.reverse();
    }

    /** A growable run of samples. */
    private static final class Samples {
        double[] values;
        long[] gs, deltas;
        int size;

        Samples(int capacity) {
            values = new double[capacity];
            gs = new long[capacity];
            deltas = new long[capacity];
        }

        void add(double value, long g, long delta) {
            if (size == values.length) {
                int n = Math.max(4, size * 2);
                values = Arrays.copyOf(values, n);
                gs = Arrays.copyOf(gs, n);
                deltas = Arrays.copyOf(deltas, n);
            }
            values[size] = value;
            gs[size] = g;
            deltas[size] = delta;
            size++;
        }

        Samples reverse() {
            Samples r = new Samples(Math.max(1, size));
            for (int i = size - 1; i >= 0; i--) r.add(values[i], gs[i], deltas[i]);
            return r;
        }
    }
}
