package dev.sluice.expr.agg;

import dev.sluice.vector.LongDecimals;
import dev.sluice.types.DecimalType;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.DecimalVector;
import dev.sluice.vector.FlatRows;
import dev.sluice.vector.FlatVector;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * Exact per-group sums of decimals at one scale, for sum and avg. Each group adds unscaled longs; when an addition
 * would overflow the long, the long so far moves into the group's BigInteger carry and the long starts again, so a
 * sum of any size stays exact (Spark's sum of decimal(p,s) is decimal(p+10,s): past 18 digits) while the common
 * case is one long addition per row.
 */
final class DecimalSums {
    private final int scale;
    private long[] sums = new long[0];
    private BigInteger[] carries = new BigInteger[0];   // null: nothing carried
    private final Bits seen = new Bits();

    DecimalSums(int scale) { this.scale = scale; }

    /**
     * The type partial sums travel in: a wide decimal even when the result has at most 18 digits, since a partial
     * sum is not checked against the result's precision (only the final one is) and may outgrow a long.
     */
    static DecimalType stateType(DecimalType result) {
        return result.fitsInLong() ? new DecimalType(DecimalType.MAX_LONG_DIGITS + 1, result.scale()) : result;
    }

    void ensureGroups(int groups) {
        if (groups > sums.length) {
            int cap = Growth.capacity(sums.length, groups);
            sums = Arrays.copyOf(sums, cap);
            carries = Arrays.copyOf(carries, cap);
        }
        seen.ensure(groups);
    }

    /**
     * Adds the non-null rows of {@code v} (decimals at this scale) to their groups, and counts them in
     * {@code counts[group]} unless {@code counts} is null.
     */
    void add(ColumnVector v, int[] groupIds, int rowCount, long[] counts) {
        FlatRows rows = FlatRows.of(v);
        if (rows != null && rows.base() instanceof DecimalVector base && base.compact()) {
            addRuns(rows, base, groupIds, rowCount, counts);
            return;
        }
        boolean compact = ((DecimalType) v.type()).fitsInLong();
        for (int r = 0; r < rowCount; r++) {
            if (v.isNull(r)) continue;
            if (compact) add(groupIds[r], v.getLong(r));
            else add(groupIds[r], v.getDecimal(r));
            if (counts != null) counts[groupIds[r]]++;
        }
    }

    /**
     * The loop over the longs: rows of one group in a row (every row of a global aggregate) add into a local
     * sum and count, written to the group's slots when the group changes, instead of a store per row.
     */
    private void addRuns(FlatRows rows, DecimalVector base, int[] groupIds, int rowCount, long[] counts) {
        long[] values = base.unscaledValues();
        boolean nulls = !rows.noNulls();
        int group = -1;
        long sum = 0, count = 0;
        for (int r = 0; r < rowCount; r++) {
            int p = rows.row(r);
            if (nulls && base.isNull(p)) continue;
            int g = groupIds[r];
            if (g != group) {
                if (count > 0) flush(group, sum, count, counts);
                group = g;
                sum = 0;
                count = 0;
            }
            long x = values[p], s = sum + x;
            if (((sum ^ s) & (x ^ s)) < 0) {   // the local sum would overflow: hand it to the group first
                add(group, sum);
                s = x;
            }
            sum = s;
            count++;
        }
        if (count > 0) flush(group, sum, count, counts);
    }

    private void flush(int group, long sum, long count, long[] counts) {
        add(group, sum);
        if (counts != null) counts[group] += count;
    }

    private void add(int g, long x) {
        long s = sums[g], r = s + x;
        if (((s ^ r) & (x ^ r)) < 0) {   // overflowed: carry the long so far
            carries[g] = carries[g] == null ? BigInteger.valueOf(s) : carries[g].add(BigInteger.valueOf(s));
            r = x;
        }
        sums[g] = r;
        seen.set(g);
    }

    private void add(int g, BigDecimal x) {
        BigInteger u = (x.scale() == scale ? x : x.setScale(scale, RoundingMode.HALF_UP)).unscaledValue();
        if (u.bitLength() < 64) {
            add(g, u.longValue());
        } else {
            carries[g] = carries[g] == null ? u : carries[g].add(u);
            seen.set(g);
        }
    }

    /** True when group {@code g} has added a value. */
    boolean seen(int g) { return seen.get(g); }

    /** Group {@code g}'s exact sum, or null when it has added no value. */
    BigDecimal get(int g) {
        if (!seen.get(g)) return null;
        if (carries[g] == null) return BigDecimal.valueOf(sums[g], scale);
        return new BigDecimal(carries[g].add(BigInteger.valueOf(sums[g])), scale);
    }

    /** Appends group {@code g}'s sum, unchecked, to a state vector of {@link #stateType} (NULL when none). */
    void writeState(int g, FlatVector out) {
        if (!seen.get(g)) out.appendNull();
        else ((DecimalVector) out).append(get(g));
    }

    /**
     * Appends group {@code g}'s sum to a result vector of {@code type} when it fits the type's precision; NULL
     * when the group saw no value, or (not under ANSI) when the sum does not fit, as Spark.
     */
    void writeResult(int g, DecimalType type, boolean ansi, String what, FlatVector out) {
        if (!seen.get(g)) {
            out.appendNull();
        } else if (carries[g] == null && type.fitsInLong() && LongDecimals.fits(sums[g], type.precision())) {
            ((DecimalVector) out).appendUnscaled(sums[g]);   // a long within the precision: no BigDecimal
        } else {
            BigDecimal s = get(g);
            if (!Decimals.fits(s, type, ansi, what)) out.appendNull();
            else ((DecimalVector) out).append(s);
        }
    }

    /** Empties every group's sum, keeping the arrays (a group's sum is added to from 0, nothing carried). */
    void clear() {
        Arrays.fill(sums, 0L);
        Arrays.fill(carries, null);
        seen.clear();
    }

    long estimatedBytes() { return sums.length * 16L + seen.bytes(); }
}
