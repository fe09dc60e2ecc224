package dev.sluice.expr.agg;

import dev.sluice.expr.GroupAccumulator;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.vector.ArrayVector;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.StructVector;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code f(DISTINCT a, ...)}: keeps each group's distinct input tuples (NULL equals NULL here; {@code f}
 * itself then ignores NULLs as usual); the partial state is that set as an array (of the value, or of a
 * struct of the values for several inputs). At the end the distinct tuples are fed to {@code f}'s own
 * accumulator, in order of first appearance.
 */
final class DistinctAccumulator implements GroupAccumulator {
    private final GroupAccumulator inner;
    private final GroupedValues values;
    private final int arity;
    private int groups;
    private boolean finished;

    DistinctAccumulator(GroupAccumulator inner, List<DataType> inputTypes) {
        this.inner = inner;
        this.arity = inputTypes.size();
        this.values = new GroupedValues(inputTypes.toArray(new DataType[0]), true);
    }

    /** The state column's type: array of the input, or of a struct of the inputs. */
    static DataType stateType(List<DataType> inputTypes) {
        if (inputTypes.size() == 1) return new ArrayType(inputTypes.get(0), true);
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < inputTypes.size(); i++) fields.add(new StructField("_" + (i + 1), inputTypes.get(i), true));
        return new ArrayType(new StructType(fields), false);
    }

    @Override public void ensureGroups(int n) {
        values.ensureGroups(n);
        groups = Math.max(groups, n);
    }

    @Override public void update(ColumnVector[] inputs, int[] groupIds, int rowCount) {
        for (int r = 0; r < rowCount; r++) values.add(groupIds[r], inputs, r);
    }

    @Override public void merge(ColumnVector[] states, int[] groupIds, int rowCount) {
        ColumnVector arrays = states[0];
        ColumnVector elements = arrays.elements();
        ColumnVector[] tuple = new ColumnVector[arity];
        if (arity == 1) tuple[0] = elements;
        else for (int i = 0; i < arity; i++) tuple[i] = elements.child(i);
        for (int r = 0; r < rowCount; r++) {
            int offset = arrays.arrayOffset(r), length = arrays.arrayLength(r);
            for (int i = 0; i < length; i++) values.add(groupIds[r], tuple, offset + i);
        }
    }

    @Override public void writeState(int group, FlatVector[] out) {
        ArrayVector array = (ArrayVector) out[0];
        FlatVector target = array.writableElements();
        for (int e = values.first(group); e >= 0; e = values.next(e)) {
            if (arity == 1) {
                target.appendFrom(values.column(0), e);
            } else {
                StructVector struct = (StructVector) target;
                for (int i = 0; i < arity; i++) struct.writableChild(i).appendFrom(values.column(i), e);
                struct.finishRow();
            }
        }
        array.finishRow();
    }

    @Override public void writeResult(int group, FlatVector out) {
        if (!finished) {
            // every group's distinct tuples go to the function at once, before the first result is read
            inner.ensureGroups(groups);
            inner.update(values.columns(), values.entryGroups(), values.size());
            finished = true;
        }
        inner.writeResult(group, out);
    }

    @Override public long estimatedBytes() { return values.bytes() + inner.estimatedBytes(); }
}
