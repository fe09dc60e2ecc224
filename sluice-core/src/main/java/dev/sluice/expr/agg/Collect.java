package dev.sluice.expr.agg;

import dev.sluice.expr.AggregateFunction;
import dev.sluice.expr.Expression;
import dev.sluice.expr.GroupAccumulator;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.vector.ArrayVector;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;

import java.util.List;

/**
 * {@code collect_list(x)} / {@code collect_set(x)}: the group's non-null values as an array (never NULL; empty
 * for a group without values), in input order. collect_set keeps the first of equal values (NaN equals NaN,
 * -0.0 equals 0.0). Spark's element order is undefined (its collect_set follows a hash table); here it is
 * the order of first appearance in partition order, so results are deterministic.
 */
public record Collect(Expression child, boolean set, boolean bound) implements AggregateFunction {
    public static Collect list(Expression child) { return new Collect(child, false, false); }

    public static Collect set(Expression child) { return new Collect(child, true, false); }

    @Override public String name() { return set ? "collect_set" : "collect_list"; }

    @Override public List<Expression> inputs() { return List.of(child); }

    @Override public AggregateFunction withInputs(List<Expression> in) { return new Collect(AggregateTypes.only(this, in), set, bound); }

    @Override public AggregateFunction bind(AggregateBinder binder) {
        if (set) AggregateTypes.requireOrderable(this, child.dataType());
        if (set && AggregateTypes.hasCollatedString(child.dataType())) {   // Spark: DATATYPE_MISMATCH.UNSUPPORTED_INPUT_TYPE
            throw AggregateTypes.mismatch(this, "a type that is not a map or a collated string (collect_list, or collate to UTF8_BINARY)",
                    child.dataType());
        }
        return new Collect(child, set, true);
    }

    @Override public DataType resultType() { return new ArrayType(child.dataType(), false); }

    @Override public boolean nullable() { return false; }

    @Override public List<DataType> stateTypes() { return List.of(resultType()); }

    @Override public GroupAccumulator newAccumulator() { return new Accumulator(child.dataType(), set); }

    private static final class Accumulator implements GroupAccumulator {
        private final GroupedValues values;

        Accumulator(DataType type, boolean set) { this.values = new GroupedValues(new DataType[] {type}, set); }

        @Override public void ensureGroups(int groups) { values.ensureGroups(groups); }

        @Override public void update(ColumnVector[] inputs, int[] groupIds, int rowCount) {
            ColumnVector v = inputs[0];
            for (int r = 0; r < rowCount; r++) if (!v.isNull(r)) values.add(groupIds[r], inputs, r);
        }

        @Override public void merge(ColumnVector[] states, int[] groupIds, int rowCount) {
            ColumnVector arrays = states[0];
            ColumnVector[] elements = {arrays.elements()};
            for (int r = 0; r < rowCount; r++) {
                if (arrays.isNull(r)) continue;
                int offset = arrays.arrayOffset(r), length = arrays.arrayLength(r);
                for (int i = 0; i < length; i++) values.add(groupIds[r], elements, offset + i);
            }
        }

        @Override public void writeState(int group, FlatVector[] out) { writeResult(group, out[0]); }

        @Override public void writeResult(int group, FlatVector out) {
            ArrayVector array = (ArrayVector) out;
            FlatVector target = array.writableElements();
            FlatVector stored = values.column(0);
            for (int e = values.first(group); e >= 0; e = values.next(e)) target.appendFrom(stored, e);
            array.finishRow();
        }

        @Override public long estimatedBytes() { return values.bytes(); }
    }
}
