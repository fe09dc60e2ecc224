package dev.sluice.expr.agg;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.AggregateFunction;
import dev.sluice.expr.Cast;
import dev.sluice.expr.EvalMode;
import dev.sluice.expr.Expression;
import dev.sluice.expr.GroupAccumulator;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.DoubleVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.LongVector;

import java.util.Arrays;
import java.util.List;

/**
 * {@code sum(x)} with Spark's result types: integral → bigint (ANSI: overflow is ARITHMETIC_OVERFLOW, else it
 * wraps), float/double → double, decimal(p,s) → decimal(min(38, p+10), s) (summed exactly; a total that does
 * not fit is NUMERIC_VALUE_OUT_OF_RANGE under ANSI, NULL otherwise). NULL when the group has no non-null value.
 */
public record Sum(Expression child, boolean ansi, boolean bound) implements AggregateFunction {
    public static Sum of(Expression child) { return new Sum(child, true, false); }

    @Override public String name() { return "sum"; }

    @Override public List<Expression> inputs() { return List.of(child); }

    @Override public AggregateFunction withInputs(List<Expression> in) { return new Sum(AggregateTypes.only(this, in), ansi, bound); }

    @Override public AggregateFunction bind(AggregateBinder binder) {
        if (child.dataType().isInterval()) return new Sum(child, binder.ansi(), true);   // an interval sums to its own type
        return new Sum(AggregateTypes.numeric(this, child, binder), binder.ansi(), true);
    }

    @Override public DataType resultType() { return resultType(child.dataType()); }

    static DataType resultType(DataType input) {
        if (input instanceof DecimalType d) return DecimalType.bounded(d.precision() + 10, d.scale());
        if (input instanceof DoubleType || input instanceof FloatType) return DataTypes.DOUBLE;
        if (input.isInterval()) return input;
        return DataTypes.LONG;
    }

    @Override public boolean nullable() { return true; }

    @Override public List<Expression> evaluatedInputs() {
        DataType want = resultType();
        return List.of(want instanceof DecimalType || child.dataType().equals(want) ? child : new Cast(child, want, EvalMode.ANSI));
    }

    @Override public List<DataType> stateTypes() {
        return List.of(resultType() instanceof DecimalType d ? DecimalSums.stateType(d) : resultType());
    }

    @Override public GroupAccumulator newAccumulator() {
        DataType t = resultType();
        if (t instanceof DecimalType d) return new DecimalSum(d, ansi, sql(false));
        if (t instanceof DoubleType) return new DoubleSum();
        return new LongSum(ansi, sql(false));
    }

    /** bigint sums with a "seen a value" flag per group. */
    private static final class LongSum implements GroupAccumulator {
        private final boolean ansi;
        private final String what;
        private long[] sums = new long[0];
        private final Bits seen = new Bits();

        LongSum(boolean ansi, String what) {
            this.ansi = ansi;
            this.what = what;
        }

        @Override public void ensureGroups(int groups) {
            if (groups > sums.length) sums = Arrays.copyOf(sums, Growth.capacity(sums.length, groups));
            seen.ensure(groups);
        }

        @Override public void update(ColumnVector[] inputs, int[] groupIds, int rowCount) { add(inputs[0], groupIds, rowCount); }

        @Override public void merge(ColumnVector[] states, int[] groupIds, int rowCount) { add(states[0], groupIds, rowCount); }

        private void add(ColumnVector v, int[] groupIds, int rowCount) {
            for (int r = 0; r < rowCount; r++) {
                if (v.isNull(r)) continue;
                int g = groupIds[r];
                long x = v.type().storesInt() ? v.getInt(r) : v.getLong(r);   // year-month intervals are ints
                if (ansi) {
                    long s = sums[g], result = s + x;
                    if (((s ^ result) & (x ^ result)) < 0) {
                        throw SluiceException.of(ErrorCode.ARITHMETIC_OVERFLOW).with("operation", what).with("type", "bigint").build();
                    }
                    sums[g] = result;
                } else {
                    sums[g] += x;
                }
                seen.set(g);
            }
        }

        @Override public void writeState(int group, FlatVector[] out) { writeResult(group, out[0]); }

        @Override public void writeResult(int group, FlatVector out) {
            if (!seen.get(group)) {
                out.appendNull();
            } else if (out instanceof dev.sluice.vector.IntVector ints) {   // a year-month interval total must fit an int
                long s = sums[group];
                if (s == (int) s) ints.append((int) s);
                else if (ansi) throw SluiceException.of(ErrorCode.ARITHMETIC_OVERFLOW).with("operation", what).with("type", out.type().simpleString()).build();
                else out.appendNull();
            } else {
                ((LongVector) out).append(sums[group]);
            }
        }

        @Override public long estimatedBytes() { return sums.length * 8L + seen.bytes(); }

        @Override public boolean clear() {
            Arrays.fill(sums, 0);   // added to from 0; NULL while the group's flag is unset
            seen.clear();
            return true;
        }
    }

    /** double sums, added in row order (as Spark; the result of a float sum depends on the order); NULL for a group without a value. */
    private static final class DoubleSum implements GroupAccumulator {
        private final CountedDoubleSums state = new CountedDoubleSums();

        @Override public void ensureGroups(int groups) { state.ensureGroups(groups); }

        @Override public void update(ColumnVector[] inputs, int[] groupIds, int rowCount) { state.add(inputs[0], groupIds, rowCount); }

        @Override public void merge(ColumnVector[] states, int[] groupIds, int rowCount) { state.add(states[0], groupIds, rowCount); }

        @Override public void writeState(int group, FlatVector[] out) { writeResult(group, out[0]); }

        @Override public void writeResult(int group, FlatVector out) {
            if (state.counts[group] > 0) ((DoubleVector) out).append(state.sums[group]);
            else out.appendNull();
        }

        @Override public long estimatedBytes() { return state.bytes(); }

        @Override public boolean clear() {
            state.clear();   // added to from 0; NULL while the group's count is 0
            return true;
        }
    }

    /** Exact decimal sums; the precision is checked once, on the result (as Spark's CheckOverflowInSum). */
    static final class DecimalSum implements GroupAccumulator {
        private final DecimalType type;
        private final boolean ansi;
        private final String what;
        private final DecimalSums sums;

        DecimalSum(DecimalType type, boolean ansi, String what) {
            this.type = type;
            this.ansi = ansi;
            this.what = what;
            this.sums = new DecimalSums(type.scale());
        }

        @Override public void ensureGroups(int groups) { sums.ensureGroups(groups); }

        @Override public void update(ColumnVector[] inputs, int[] groupIds, int rowCount) { sums.add(inputs[0], groupIds, rowCount, null); }

        @Override public void merge(ColumnVector[] states, int[] groupIds, int rowCount) { sums.add(states[0], groupIds, rowCount, null); }

        /** The partial sum travels unchecked (it may exceed the type's precision until the final check). */
        @Override public void writeState(int group, FlatVector[] out) { sums.writeState(group, out[0]); }

        @Override public void writeResult(int group, FlatVector out) { sums.writeResult(group, type, ansi, what, out); }

        @Override public long estimatedBytes() { return sums.estimatedBytes(); }

        @Override public boolean clear() {
            sums.clear();
            return true;
        }
    }

    /** The generated equality written out, sparing the planning its bootstrap (docs/design.md, "The main thread
     * before a query's first task"). */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Sum that
                && bound == that.bound
                && ansi == that.ansi
                && java.util.Objects.equals(child, that.child);
    }
}
