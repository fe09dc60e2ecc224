package dev.sluice.expr.agg;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.AggregateFunction;
import dev.sluice.expr.Cast;
import dev.sluice.expr.DecimalRules;
import dev.sluice.expr.EvalMode;
import dev.sluice.expr.Expression;
import dev.sluice.expr.GroupAccumulator;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DecimalType;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.DecimalVector;
import dev.sluice.vector.DoubleVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.LongVector;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;

/**
 * {@code avg(x)} (also {@code mean}): double for numbers (summed as doubles, as Spark), decimal(p+4, s+4)
 * for decimal(p,s) (exact sum, then Spark's division: rounded half-up at the divide's scale, then at the
 * result's); for an ANSI interval the interval type's default (year to month, day to second): the exact sum
 * (ARITHMETIC_OVERFLOW past its range, as Spark's interval addition) divided by the count rounded half-up (Spark's
 * DivideYMInterval / DivideDTInterval). NULL for a group without non-null values.
 */
public record Average(Expression child, boolean ansi, boolean bound) implements AggregateFunction {
    private static final DecimalType COUNT_DECIMAL = new DecimalType(20, 0);

    public static Average of(Expression child) { return new Average(child, true, false); }

    @Override public String name() { return "avg"; }

    @Override public List<Expression> inputs() { return List.of(child); }

    @Override public AggregateFunction withInputs(List<Expression> in) { return new Average(AggregateTypes.only(this, in), ansi, bound); }

    @Override public AggregateFunction bind(AggregateBinder binder) {
        if (child.dataType().isInterval()) return new Average(child, binder.ansi(), true);
        return new Average(AggregateTypes.numeric(this, child, binder), binder.ansi(), true);
    }

    @Override public DataType resultType() {
        if (child.dataType() instanceof DecimalType d) return DecimalType.bounded(d.precision() + 4, d.scale() + 4);
        if (child.dataType() instanceof dev.sluice.types.YearMonthIntervalType) return DataTypes.YEAR_MONTH_INTERVAL;
        if (child.dataType() instanceof dev.sluice.types.DayTimeIntervalType) return DataTypes.DAY_TIME_INTERVAL;
        return DataTypes.DOUBLE;
    }

    private DecimalType sumType() {
        DecimalType d = (DecimalType) child.dataType();
        return DecimalType.bounded(d.precision() + 10, d.scale());
    }

    @Override public boolean nullable() { return true; }

    @Override public List<Expression> evaluatedInputs() {
        DataType t = child.dataType();
        return List.of(t instanceof DecimalType || t.equals(DataTypes.DOUBLE) || t.isInterval() ? child : new Cast(child, DataTypes.DOUBLE, EvalMode.ANSI));
    }

    @Override public List<DataType> stateTypes() {
        if (child.dataType().isInterval()) return List.of(resultType(), DataTypes.LONG);
        return List.of(child.dataType() instanceof DecimalType ? DecimalSums.stateType(sumType()) : DataTypes.DOUBLE, DataTypes.LONG);
    }

    @Override public GroupAccumulator newAccumulator() {
        if (child.dataType() instanceof DecimalType) {
            DecimalType sumType = sumType();
            int divideScale = DecimalRules.divide(sumType, COUNT_DECIMAL).scale();
            return new DecimalAverage(sumType, (DecimalType) resultType(), divideScale, ansi, sql(false));
        }
        if (child.dataType().isInterval()) return new IntervalAverage(child.dataType().storesInt() ? Integer.MAX_VALUE : Long.MAX_VALUE, sql(false));
        return new DoubleAverage();
    }

    /** Interval sums held as longs bounded by the interval's storage (months as int, microseconds as long). */
    private static final class IntervalAverage implements GroupAccumulator {
        private final long max;
        private final String what;
        private long[] sums = new long[0];
        private long[] counts = new long[0];

        IntervalAverage(long max, String what) {
            this.max = max;
            this.what = what;
        }

        @Override public void ensureGroups(int groups) {
            if (groups > sums.length) {
                int cap = Growth.capacity(sums.length, groups);
                sums = Arrays.copyOf(sums, cap);
                counts = Arrays.copyOf(counts, cap);
            }
        }

        private static long value(ColumnVector v, int r) { return v.type().storesInt() ? v.getInt(r) : v.getLong(r); }

        private void add(int g, long x, long n) {
            long s;
            try {
                s = Math.addExact(sums[g], x);
            } catch (ArithmeticException e) {
                throw overflow();
            }
            if (s > max || s < -max - 1) throw overflow();
            sums[g] = s;
            counts[g] += n;
        }

        private SluiceException overflow() {
            return SluiceException.of(ErrorCode.ARITHMETIC_OVERFLOW).with("operation", what).with("type", max == Integer.MAX_VALUE ? "int" : "bigint").build();
        }

        @Override public void update(ColumnVector[] inputs, int[] groupIds, int rowCount) {
            ColumnVector v = inputs[0];
            for (int r = 0; r < rowCount; r++) if (!v.isNull(r)) add(groupIds[r], value(v, r), 1);
        }

        @Override public void merge(ColumnVector[] states, int[] groupIds, int rowCount) {
            ColumnVector s = states[0], c = states[1];
            for (int r = 0; r < rowCount; r++) if (!s.isNull(r)) add(groupIds[r], value(s, r), c.getLong(r));
        }

        @Override public void writeState(int group, FlatVector[] out) {
            if (counts[group] == 0) out[0].appendNull();
            else appendValue(out[0], sums[group]);
            ((LongVector) out[1]).append(counts[group]);
        }

        @Override public void writeResult(int group, FlatVector out) {
            if (counts[group] == 0) out.appendNull();
            else appendValue(out, divideHalfUp(sums[group], counts[group]));
        }

        /** {@code sum / count} (count positive) rounded half away from zero. */
        private static long divideHalfUp(long sum, long count) {
            long q = sum / count, r = Math.abs(sum % count);
            return r >= count - r ? q + (sum < 0 ? -1 : 1) : q;
        }

        private static void appendValue(FlatVector out, long v) {
            if (out instanceof dev.sluice.vector.IntVector ints) ints.append((int) v);
            else ((LongVector) out).append(v);
        }

        @Override public long estimatedBytes() { return sums.length * 16L; }

        @Override public boolean clear() {
            Arrays.fill(sums, 0);   // added to from 0; NULL while the count is 0
            Arrays.fill(counts, 0L);
            return true;
        }
    }

    private static final class DoubleAverage implements GroupAccumulator {
        private final CountedDoubleSums state = new CountedDoubleSums();

        @Override public void ensureGroups(int groups) { state.ensureGroups(groups); }

        @Override public void update(ColumnVector[] inputs, int[] groupIds, int rowCount) { state.add(inputs[0], groupIds, rowCount); }

        @Override public void merge(ColumnVector[] states, int[] groupIds, int rowCount) {
            ColumnVector s = states[0], c = states[1];
            double[] sums = state.sums;
            long[] counts = state.counts;
            for (int r = 0; r < rowCount; r++) {
                int g = groupIds[r];
                sums[g] += s.getDouble(r);
                counts[g] += c.getLong(r);
            }
        }

        @Override public void writeState(int group, FlatVector[] out) {
            ((DoubleVector) out[0]).append(state.sums[group]);
            ((LongVector) out[1]).append(state.counts[group]);
        }

        @Override public void writeResult(int group, FlatVector out) {
            if (state.counts[group] == 0) out.appendNull();
            else ((DoubleVector) out).append(state.sums[group] / state.counts[group]);
        }

        @Override public long estimatedBytes() { return state.bytes(); }

        @Override public boolean clear() {
            state.clear();   // added to from 0; NULL while the count is 0
            return true;
        }
    }

    private static final class DecimalAverage implements GroupAccumulator {
        private final DecimalType sumType;
        private final DecimalType resultType;
        private final int divideScale;
        private final boolean ansi;
        private final String what;
        private final DecimalSums sums;
        private long[] counts = new long[0];

        DecimalAverage(DecimalType sumType, DecimalType resultType, int divideScale, boolean ansi, String what) {
            this.sumType = sumType;
            this.resultType = resultType;
            this.divideScale = divideScale;
            this.ansi = ansi;
            this.what = what;
            this.sums = new DecimalSums(sumType.scale());
        }

        @Override public void ensureGroups(int groups) {
            sums.ensureGroups(groups);
            if (groups > counts.length) counts = Arrays.copyOf(counts, Growth.capacity(counts.length, groups));
        }

        @Override public void update(ColumnVector[] inputs, int[] groupIds, int rowCount) {
            sums.add(inputs[0], groupIds, rowCount, counts);
        }

        @Override public void merge(ColumnVector[] states, int[] groupIds, int rowCount) {
            ColumnVector s = states[0], c = states[1];
            sums.add(s, groupIds, rowCount, null);
            for (int r = 0; r < rowCount; r++) if (!s.isNull(r)) counts[groupIds[r]] += c.getLong(r);
        }

        @Override public void writeState(int group, FlatVector[] out) {
            sums.writeState(group, out[0]);
            ((LongVector) out[1]).append(counts[group]);
        }

        @Override public void writeResult(int group, FlatVector out) {
            BigDecimal sum = sums.get(group);
            if (counts[group] == 0 || sum == null || !Decimals.fits(sum, sumType, ansi, what)) {
                out.appendNull();
                return;
            }
            BigDecimal quotient = sum.divide(BigDecimal.valueOf(counts[group]), divideScale, RoundingMode.HALF_UP)
                    .setScale(resultType.scale(), RoundingMode.HALF_UP);
            if (!Decimals.fits(quotient, resultType, ansi, what)) out.appendNull();
            else ((DecimalVector) out).append(quotient);
        }

        @Override public long estimatedBytes() { return sums.estimatedBytes() + counts.length * 8L; }

        @Override public boolean clear() {
            sums.clear();
            Arrays.fill(counts, 0L);
            return true;
        }
    }

    /** The generated equality written out, sparing the planning its bootstrap (docs/design.md, "The main thread
     * before a query's first task"). */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Average that
                && bound == that.bound
                && ansi == that.ansi
                && java.util.Objects.equals(child, that.child);
    }
}
