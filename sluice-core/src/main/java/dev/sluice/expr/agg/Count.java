package dev.sluice.expr.agg;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.AggregateFunction;
import dev.sluice.expr.Expression;
import dev.sluice.expr.GroupAccumulator;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.LongVector;
import dev.sluice.vector.RowCalls;

import java.util.Arrays;
import java.util.List;

/**
 * {@code count(a, ...)}: the rows where every input is non-null; {@code count(*)} is {@code count(1)}.
 * bigint, never null (0 for an empty group).
 */
public record Count(List<Expression> inputs, boolean bound) implements AggregateFunction {
    public Count {
        inputs = List.copyOf(inputs);
    }

    public static Count of(Expression... inputs) { return new Count(List.of(inputs), false); }

    @Override public String name() { return "count"; }

    @Override public AggregateFunction withInputs(List<Expression> in) { return new Count(in, bound); }

    @Override public AggregateFunction bind(AggregateBinder binder) {
        if (inputs.isEmpty()) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "count").with("reason", "it needs at least 1 argument").build();
        }
        return new Count(inputs, true);
    }

    @Override public DataType resultType() { return DataTypes.LONG; }

    @Override public boolean nullable() { return false; }

    @Override public List<DataType> stateTypes() { return List.of(DataTypes.LONG); }

    @Override public GroupAccumulator newAccumulator() { return new Accumulator(); }

    private static final class Accumulator implements GroupAccumulator {
        private long[] counts = new long[0];

        @Override public void ensureGroups(int groups) {
            if (groups > counts.length) counts = Arrays.copyOf(counts, Growth.capacity(counts.length, groups));
        }

        @Override public void update(ColumnVector[] inputs, int[] groupIds, int rowCount) {
            boolean mayHaveNulls = false;
            for (ColumnVector v : inputs) mayHaveNulls |= v.mayHaveNulls();
            if (!mayHaveNulls) {
                long[] counts = this.counts;
                RowCalls.run(rowCount, (from, to) -> countRows(counts, groupIds, from, to));
                return;
            }
            rows:
            for (int r = 0; r < rowCount; r++) {
                for (ColumnVector v : inputs) if (v.isNull(r)) continue rows;
                counts[groupIds[r]]++;
            }
        }

        /** Rows [from, to): a method of its own called through {@link RowCalls}, so that it is compiled once. */
        private static void countRows(long[] counts, int[] groupIds, int from, int to) {
            for (int r = from; r < to; r++) counts[groupIds[r]]++;
        }

        @Override public void merge(ColumnVector[] states, int[] groupIds, int rowCount) {
            ColumnVector s = states[0];
            for (int r = 0; r < rowCount; r++) counts[groupIds[r]] += s.getLong(r);
        }

        @Override public void writeState(int group, FlatVector[] out) { ((LongVector) out[0]).append(counts[group]); }

        @Override public void writeResult(int group, FlatVector out) { ((LongVector) out).append(counts[group]); }

        @Override public long estimatedBytes() { return counts.length * 8L; }

        @Override public boolean clear() {
            Arrays.fill(counts, 0L);   // new groups start at 0, and ensureGroups only zeroes what it grows
            return true;
        }
    }
}
