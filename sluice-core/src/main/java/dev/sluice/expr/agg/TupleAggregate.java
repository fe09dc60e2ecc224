package dev.sluice.expr.agg;

import dev.sluice.expr.AggregateFunction;
import dev.sluice.expr.Expression;
import dev.sluice.expr.GroupAccumulator;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.vector.ArrayVector;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;

import java.util.ArrayList;
import java.util.List;

/**
 * An aggregate that keeps its group's input tuples (as collect_list does) and computes the result from all of
 * them at the end: the shape for the aggregates whose answer needs every value (percentile, median, mode,
 * max_by, listagg) or that are simplest written over the whole group (count_if, bool_and, regr_*). The partial
 * state is one array of structs, so it crosses exchanges as an ordinary column. What each function does is
 * its {@link Spec}: the binding (argument casts, result type) and the finishing step over the tuples.
 */
public record TupleAggregate(Spec spec, List<Expression> inputs, List<Expression> evaluated, DataType resultType, Object state, boolean bound)
        implements AggregateFunction {
    /** One function of this shape. */
    public interface Spec {
        String name();

        /** Checks the inputs and returns the inputs to evaluate (casts included), the result type and constant state. */
        Bound bind(List<Expression> inputs, AggregateBinder binder);

        /** The result from the group's tuples (values in input order, nulls kept); {@code state} is the binding's. */
        Object finish(List<Object[]> tuples, Object state);

        /** Spark's text for a call. */
        default String sql(List<Expression> inputs, boolean distinct) { return null; }
    }

    /** The outcome of a binding. */
    public record Bound(List<Expression> evaluated, DataType resultType, Object state) {}

    public static TupleAggregate of(Spec spec, List<Expression> inputs) { return new TupleAggregate(spec, List.copyOf(inputs), List.copyOf(inputs), null, null, false); }

    @Override public String name() { return spec.name(); }

    @Override public AggregateFunction withInputs(List<Expression> in) { return new TupleAggregate(spec, List.copyOf(in), bound ? evaluated : List.copyOf(in), resultType, state, bound); }

    @Override public AggregateFunction bind(AggregateBinder binder) {
        Bound b = spec.bind(inputs, binder);
        return new TupleAggregate(spec, inputs, b.evaluated(), b.resultType(), b.state(), true);
    }

    @Override public boolean nullable() { return true; }

    @Override public List<Expression> evaluatedInputs() { return evaluated; }

    StructType tupleType() {
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < evaluated.size(); i++) fields.add(new StructField("c" + i, evaluated.get(i).dataType(), true));
        return new StructType(fields);
    }

    @Override public List<DataType> stateTypes() { return List.of(new ArrayType(tupleType(), false)); }

    @Override public GroupAccumulator newAccumulator() { return new Accumulator(this); }

    @Override public String sql(boolean distinct) {
        String s = spec.sql(inputs, distinct);
        if (s != null) return s;
        String defaults = TupleAggregates.defaultedArguments(spec.name(), inputs.size());
        String plain = AggregateFunction.super.sql(distinct);
        if (spec.name().equals("mode") && inputs.size() == 2 && inputs.get(1) instanceof dev.sluice.expr.Literal l
                && l.value() instanceof Boolean deterministic) {
            // Spark: the default is not shown; a deterministic mode prints as its ordered-set form
            return deterministic ? "mode() WITHIN GROUP (ORDER BY " + inputs.get(0).sql() + " DESC)"
                    : "mode(" + (distinct ? "DISTINCT " : "") + inputs.get(0).sql() + ")";
        }
        return defaults.isEmpty() ? plain : plain.substring(0, plain.length() - 1) + defaults + ")";
    }

    private static final class Accumulator implements GroupAccumulator {
        private final TupleAggregate fn;
        private final StructType tuple;
        private final GroupedValues values;

        Accumulator(TupleAggregate fn) {
            this.fn = fn;
            this.tuple = fn.tupleType();
            DataType[] types = new DataType[tuple.size()];
            for (int i = 0; i < types.length; i++) types[i] = tuple.field(i).dataType();
            this.values = new GroupedValues(types, false);
        }

        @Override public void ensureGroups(int groups) { values.ensureGroups(groups); }

        @Override public void update(ColumnVector[] inputs, int[] groupIds, int rowCount) {
            for (int r = 0; r < rowCount; r++) values.add(groupIds[r], inputs, r);
        }

        @Override public void merge(ColumnVector[] states, int[] groupIds, int rowCount) {
            ColumnVector arrays = states[0];
            ColumnVector structs = arrays.elements();
            ColumnVector[] children = new ColumnVector[tuple.size()];
            for (int c = 0; c < children.length; c++) children[c] = structs.child(c);
            for (int r = 0; r < rowCount; r++) {
                if (arrays.isNull(r)) continue;
                int offset = arrays.arrayOffset(r), length = arrays.arrayLength(r);
                for (int i = 0; i < length; i++) values.add(groupIds[r], children, offset + i);
            }
        }

        @Override public void writeState(int group, FlatVector[] out) {
            ArrayVector array = (ArrayVector) out[0];
            FlatVector target = array.writableElements();
            for (int e = values.first(group); e >= 0; e = values.next(e)) target.appendObject(new Row(tuple, tupleAt(e)));
            array.finishRow();
        }

        private Object[] tupleAt(int e) {
            Object[] t = new Object[tuple.size()];
            for (int c = 0; c < t.length; c++) t[c] = values.column(c).isNull(e) ? null : values.column(c).getObject(e);
            return t;
        }

        @Override public void writeResult(int group, FlatVector out) {
            List<Object[]> tuples = new ArrayList<>();
            for (int e = values.first(group); e >= 0; e = values.next(e)) tuples.add(tupleAt(e));
            out.appendObject(fn.spec.finish(tuples, fn.state));
        }

        @Override public long estimatedBytes() { return values.bytes(); }
    }
}
