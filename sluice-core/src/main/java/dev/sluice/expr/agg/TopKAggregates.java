package dev.sluice.expr.agg;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.expr.fn.TopKSketches;
import dev.sluice.types.BinaryType;
import dev.sluice.types.DataType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.Row;
import dev.sluice.types.StringType;
import dev.sluice.types.StructType;

import java.util.List;

/**
 * Spark's approx_top_k aggregates over DataSketches' frequent-items sketch ({@link TopKSketches} has the formats):
 * approx_top_k (the k most frequent items with their counts), approx_top_k_accumulate (the sketch as a state) and
 * approx_top_k_combine (states merged; their maxItemsTracked must agree unless one is given).
 */
public final class TopKAggregates {
    private TopKAggregates() {}

    /** The aggregate named {@code name} over {@code inputs}, or null when this family has none. */
    public static TupleAggregate of(String name, List<Expression> inputs) {
        TupleAggregate.Spec spec = switch (name) {
            case "approx_top_k" -> TupleAggregates.spec(name, 1, 3, (args, b) -> {
                DataType t = item(name, args.get(0));
                int k = args.size() > 1 ? constant(name, args.get(1)) : TopKSketches.DEFAULT_K;
                int max = args.size() > 2 ? constant(name, args.get(2)) : TopKSketches.DEFAULT_MAX_ITEMS_TRACKED;
                TopKSketches.checkK(name, k);
                TopKSketches.checkMaxItemsTracked(name, max);
                if (max < k) throw invalid(name, "maxItemsTracked (" + max + ") must be at least k (" + k + ")");
                return TupleAggregates.bound(List.of(args.get(0)), TopKSketches.resultType(t), new Object[] {t, k, max});
            }, (tuples, s) -> {
                Object[] st = (Object[]) s;
                return TopKSketches.topK(accumulate(tuples, (Integer) st[2]), (Integer) st[1], (DataType) st[0]);
            });
            case "approx_top_k_accumulate" -> TupleAggregates.spec(name, 1, 2, (args, b) -> {
                DataType t = item(name, args.get(0));
                int max = args.size() > 1 ? constant(name, args.get(1)) : TopKSketches.DEFAULT_MAX_ITEMS_TRACKED;
                TopKSketches.checkMaxItemsTracked(name, max);
                return TupleAggregates.bound(List.of(args.get(0)), TopKSketches.stateType(t), new Object[] {t, max});
            }, (tuples, s) -> {
                Object[] st = (Object[]) s;
                return TopKSketches.state(accumulate(tuples, (Integer) st[1]), (Integer) st[1], (DataType) st[0]);
            });
            case "approx_top_k_combine" -> TupleAggregates.spec(name, 1, 2, (args, b) -> {
                DataType t = stateItem(name, args.get(0));
                Integer max = null;
                if (args.size() > 1) {
                    max = constant(name, args.get(1));
                    TopKSketches.checkMaxItemsTracked(name, max);
                }
                return TupleAggregates.bound(List.of(args.get(0)), TopKSketches.stateType(t), new Object[] {t, max});
            }, (tuples, s) -> combine(tuples, (DataType) ((Object[]) s)[0], (Integer) ((Object[]) s)[1]));
            default -> null;
        };
        return spec == null ? null : TupleAggregate.of(spec, inputs);
    }

    private static TopKSketches.Buffer accumulate(List<Object[]> tuples, int maxItemsTracked) {
        TopKSketches.Buffer b = TopKSketches.newBuffer(maxItemsTracked);
        long nulls = 0;
        for (Object[] x : tuples) {
            if (x[0] == null) nulls++;
            else b.sketch().update(TopKSketches.toItem(x[0]));
        }
        return new TopKSketches.Buffer(b.sketch(), nulls);
    }

    private static Row combine(List<Object[]> tuples, DataType item, Integer given) {
        Integer max = given;
        TopKSketches.Buffer merged = given == null ? null : TopKSketches.newBuffer(given);
        for (Object[] x : tuples) {
            if (x[0] == null) continue;
            Row state = (Row) x[0];
            int stateMax = (Integer) state.get(1);
            if (given == null) {
                if (max != null && max != stateMax) {
                    throw SluiceException.of(ErrorCode.INVALID_FUNCTION_INPUT).with("function", "approx_top_k_combine")
                            .with("reason", "the sketches track different numbers of items (" + max + " and " + stateMax + "); give maxItemsTracked").build();
                }
                max = stateMax;
                if (merged == null) merged = TopKSketches.newBuffer(stateMax);
            }
            merged = merged.merge(TopKSketches.deserialize("approx_top_k_combine", (byte[]) state.get(0), item));
        }
        if (merged == null) return null;
        return TopKSketches.state(merged, max, item);
    }

    private static DataType item(String fn, Expression e) {
        if (!TopKSketches.supported(e.dataType())) throw TupleAggregates.mismatch(fn, e, "a boolean, int, bigint, float, double, date, timestamp or string value");
        return e.dataType();
    }

    private static DataType stateItem(String fn, Expression e) {
        if (e.dataType() instanceof StructType st && st.size() == 4 && st.field(0).dataType() instanceof BinaryType
                && st.field(1).dataType() instanceof IntegerType && TopKSketches.supported(st.field(2).dataType()) && st.field(3).dataType() instanceof StringType) {
            return st.field(2).dataType();
        }
        throw TupleAggregates.mismatch(fn, e, "an approx_top_k_accumulate state");
    }

    private static int constant(String fn, Expression e) {
        Object v = e.foldable() ? TupleAggregates.constant(e) : null;
        if (!(v instanceof Integer i)) throw invalid(fn, "the parameter must be a constant integer, got " + e.sql());
        return i;
    }

    private static SluiceException invalid(String fn, String reason) {
        return SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", fn).with("reason", reason).build();
    }
}
