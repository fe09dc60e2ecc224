package dev.sluice.expr.agg;

import dev.sluice.expr.AggregateFunction;
import dev.sluice.expr.Expression;
import dev.sluice.expr.GroupAccumulator;
import dev.sluice.types.DataType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.DoubleVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.IntVector;
import dev.sluice.vector.LongVector;

import java.util.Arrays;
import java.util.List;

/**
 * {@code min(x)} / {@code max(x)} over any orderable type (numbers, strings by UTF-8 bytes, dates, structs,
 * arrays), in Spark's order: NaN above every number, -0.0 equal to 0.0 (the first one seen is kept).
 * NULL for a group without non-null values. int, bigint, double and decimals of at most 18 digits (unscaled) keep
 * primitive arrays; other types keep
 * their values in {@link ValueSlots}.
 */
public record MinMax(Expression child, boolean max, boolean bound) implements AggregateFunction {
    public static MinMax min(Expression child) { return new MinMax(child, false, false); }

    public static MinMax max(Expression child) { return new MinMax(child, true, false); }

    @Override public String name() { return max ? "max" : "min"; }

    @Override public List<Expression> inputs() { return List.of(child); }

    @Override public AggregateFunction withInputs(List<Expression> in) { return new MinMax(AggregateTypes.only(this, in), max, bound); }

    @Override public AggregateFunction bind(AggregateBinder binder) {
        AggregateTypes.requireOrderable(this, child.dataType());
        if (dev.sluice.types.CalendarIntervalType.occursIn(child.dataType())) {   // no order, as in Spark
            throw AggregateTypes.mismatch(this, "an orderable type", child.dataType());
        }
        return new MinMax(child, max, true);
    }

    @Override public DataType resultType() { return child.dataType(); }

    @Override public boolean nullable() { return true; }

    @Override public List<DataType> stateTypes() { return List.of(child.dataType()); }

    @Override public GroupAccumulator newAccumulator() {
        DataType t = child.dataType();
        if (t instanceof LongType || (t instanceof dev.sluice.types.DecimalType d && d.fitsInLong())) return new LongExtreme(max);
        if (t instanceof IntegerType) return new IntExtreme(max);
        if (t instanceof DoubleType) return new DoubleExtreme(max);
        return new GenericExtreme(t, max);
    }

    /** Shared update and merge: the state is one value column, like the input. */
    private abstract static class Extreme implements GroupAccumulator {
        @Override public final void update(ColumnVector[] inputs, int[] groupIds, int rowCount) { offer(inputs[0], groupIds, rowCount); }

        @Override public final void merge(ColumnVector[] states, int[] groupIds, int rowCount) { offer(states[0], groupIds, rowCount); }

        @Override public final void writeState(int group, FlatVector[] out) { writeResult(group, out[0]); }

        abstract void offer(ColumnVector v, int[] groupIds, int rowCount);
    }

    private static final class LongExtreme extends Extreme {
        private final boolean max;
        private long[] values = new long[0];
        private final Bits seen = new Bits();

        LongExtreme(boolean max) { this.max = max; }

        @Override public void ensureGroups(int groups) {
            if (groups > values.length) values = Arrays.copyOf(values, Growth.capacity(values.length, groups));
            seen.ensure(groups);
        }

        @Override public boolean clear() {
            seen.clear();   // a value is read only where its flag is set
            return true;
        }

        @Override void offer(ColumnVector v, int[] groupIds, int rowCount) {
            for (int r = 0; r < rowCount; r++) {
                if (v.isNull(r)) continue;
                int g = groupIds[r];
                long x = v.getLong(r);
                if (!seen.get(g)) {
                    values[g] = x;
                    seen.set(g);
                } else if (max ? x > values[g] : x < values[g]) {
                    values[g] = x;
                }
            }
        }

        @Override public void writeResult(int group, FlatVector out) {
            if (!seen.get(group)) out.appendNull();
            else if (out instanceof dev.sluice.vector.DecimalVector d) d.appendUnscaled(values[group]);   // unscaled
            else ((LongVector) out).append(values[group]);
        }

        @Override public long estimatedBytes() { return values.length * 8L + seen.bytes(); }
    }

    private static final class IntExtreme extends Extreme {
        private final boolean max;
        private int[] values = new int[0];
        private final Bits seen = new Bits();

        IntExtreme(boolean max) { this.max = max; }

        @Override public void ensureGroups(int groups) {
            if (groups > values.length) values = Arrays.copyOf(values, Growth.capacity(values.length, groups));
            seen.ensure(groups);
        }

        @Override public boolean clear() {
            seen.clear();   // a value is read only where its flag is set
            return true;
        }

        @Override void offer(ColumnVector v, int[] groupIds, int rowCount) {
            for (int r = 0; r < rowCount; r++) {
                if (v.isNull(r)) continue;
                int g = groupIds[r];
                int x = v.getInt(r);
                if (!seen.get(g)) {
                    values[g] = x;
                    seen.set(g);
                } else if (max ? x > values[g] : x < values[g]) {
                    values[g] = x;
                }
            }
        }

        @Override public void writeResult(int group, FlatVector out) {
            if (seen.get(group)) ((IntVector) out).append(values[group]);
            else out.appendNull();
        }

        @Override public long estimatedBytes() { return values.length * 4L + seen.bytes(); }
    }

    private static final class DoubleExtreme extends Extreme {
        private final boolean max;
        private double[] values = new double[0];
        private final Bits seen = new Bits();

        DoubleExtreme(boolean max) { this.max = max; }

        @Override public void ensureGroups(int groups) {
            if (groups > values.length) values = Arrays.copyOf(values, Growth.capacity(values.length, groups));
            seen.ensure(groups);
        }

        @Override public boolean clear() {
            seen.clear();   // a value is read only where its flag is set
            return true;
        }

        @Override void offer(ColumnVector v, int[] groupIds, int rowCount) {
            for (int r = 0; r < rowCount; r++) {
                if (v.isNull(r)) continue;
                int g = groupIds[r];
                double x = v.getDouble(r);
                if (!seen.get(g)) {
                    values[g] = x;
                    seen.set(g);
                } else {
                    double cur = values[g];
                    // Spark's order: NaN is the largest value; -0.0 == 0.0 keeps the current one
                    int c = x == cur ? 0 : Double.compare(x, cur);
                    if (max ? c > 0 : c < 0) values[g] = x;
                }
            }
        }

        @Override public void writeResult(int group, FlatVector out) {
            if (seen.get(group)) ((DoubleVector) out).append(values[group]);
            else out.appendNull();
        }

        @Override public long estimatedBytes() { return values.length * 8L + seen.bytes(); }
    }

    private static final class GenericExtreme extends Extreme {
        private final boolean max;
        private final ValueSlots slots;

        GenericExtreme(DataType type, boolean max) {
            this.max = max;
            this.slots = new ValueSlots(type);
        }

        @Override public void ensureGroups(int groups) { slots.ensureGroups(groups); }

        @Override void offer(ColumnVector v, int[] groupIds, int rowCount) {
            for (int r = 0; r < rowCount; r++) {
                if (v.isNull(r)) continue;
                int g = groupIds[r];
                if (!slots.isSet(g)) {
                    slots.set(g, v, r);
                } else {
                    int c = slots.compareTo(g, v, r);
                    if (max ? c < 0 : c > 0) slots.set(g, v, r);
                }
            }
        }

        @Override public void writeResult(int group, FlatVector out) { slots.write(group, out); }

        @Override public long estimatedBytes() { return slots.bytes(); }
    }
}
