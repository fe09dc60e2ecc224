package dev.sluice.expr.agg;

import dev.sluice.expr.AggregateFunction;
import dev.sluice.expr.Expression;
import dev.sluice.expr.GroupAccumulator;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.vector.BooleanVector;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;

import java.util.Arrays;
import java.util.List;

/**
 * {@code first(x[, ignoreNulls])}, {@code last(x[, ignoreNulls])} and {@code any_value(x[, ignoreNulls])}
 * (which is first). Spark leaves the row order undefined; here it is the partition order, so the results
 * are deterministic: first = the first row of the group in input order, last = the last. Without
 * ignoreNulls a NULL row counts as a value. The state is (value, valueSet).
 */
public record FirstLast(Expression child, boolean last, boolean ignoreNulls, String name, boolean bound) implements AggregateFunction {
    public static FirstLast first(Expression child, boolean ignoreNulls) { return new FirstLast(child, false, ignoreNulls, "first", false); }

    public static FirstLast last(Expression child, boolean ignoreNulls) { return new FirstLast(child, true, ignoreNulls, "last", false); }

    public static FirstLast anyValue(Expression child, boolean ignoreNulls) { return new FirstLast(child, false, ignoreNulls, "any_value", false); }

    @Override public List<Expression> inputs() { return List.of(child); }

    @Override public AggregateFunction withInputs(List<Expression> in) {
        return new FirstLast(AggregateTypes.only(this, in), last, ignoreNulls, name, bound);
    }

    @Override public AggregateFunction bind(AggregateBinder binder) { return new FirstLast(child, last, ignoreNulls, name, true); }

    @Override public DataType resultType() { return child.dataType(); }

    @Override public boolean nullable() { return true; }

    @Override public List<DataType> stateTypes() { return List.of(child.dataType(), DataTypes.BOOLEAN); }

    @Override public GroupAccumulator newAccumulator() { return new Accumulator(child.dataType(), last, ignoreNulls); }

    private static final class Accumulator implements GroupAccumulator {
        private final boolean last;
        private final boolean ignoreNulls;
        private final ValueSlots slots;
        private int[] touched = new int[0];   // for last: the batch number that last set the group
        private int batch;

        Accumulator(DataType type, boolean last, boolean ignoreNulls) {
            this.last = last;
            this.ignoreNulls = ignoreNulls;
            this.slots = new ValueSlots(type);
        }

        @Override public void ensureGroups(int groups) {
            slots.ensureGroups(groups);
            if (last && groups > touched.length) touched = Arrays.copyOf(touched, Growth.capacity(touched.length, groups));
        }

        @Override public void update(ColumnVector[] inputs, int[] groupIds, int rowCount) { offer(inputs[0], null, groupIds, rowCount); }

        @Override public void merge(ColumnVector[] states, int[] groupIds, int rowCount) { offer(states[0], states[1], groupIds, rowCount); }

        /** {@code valueSet} (merge only) says which state rows carry a value. */
        private void offer(ColumnVector v, ColumnVector valueSet, int[] groupIds, int rowCount) {
            if (!last) {
                for (int r = 0; r < rowCount; r++) {
                    int g = groupIds[r];
                    if (slots.isSet(g) || !counts(v, valueSet, r)) continue;
                    slots.set(g, v, r);
                }
                return;
            }
            // last: walk the batch backwards so each group stores only its last row of the batch
            batch++;
            for (int r = rowCount - 1; r >= 0; r--) {
                int g = groupIds[r];
                if (touched[g] == batch || !counts(v, valueSet, r)) continue;
                touched[g] = batch;
                slots.set(g, v, r);
            }
        }

        private boolean counts(ColumnVector v, ColumnVector valueSet, int r) {
            if (valueSet != null && (valueSet.isNull(r) || !valueSet.getBoolean(r))) return false;
            return !ignoreNulls || !v.isNull(r);
        }

        @Override public void writeState(int group, FlatVector[] out) {
            slots.write(group, out[0]);
            ((BooleanVector) out[1]).append(slots.isSet(group));
        }

        @Override public void writeResult(int group, FlatVector out) { slots.write(group, out); }

        @Override public long estimatedBytes() { return slots.bytes() + touched.length * 4L; }
    }
}
