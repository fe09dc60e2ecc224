package dev.sluice.expr.agg;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.AggregateFunction.AggregateBinder;
import dev.sluice.expr.Expression;
import dev.sluice.expr.fn.Sketches;
import dev.sluice.types.BinaryType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.NullType;
import dev.sluice.types.StringType;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.kll.KllFloatsSketch;
import org.apache.datasketches.kll.KllLongsSketch;
import org.apache.datasketches.theta.Intersection;
import org.apache.datasketches.theta.SetOperation;
import org.apache.datasketches.theta.UpdateSketch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Spark's sketch aggregates over Apache DataSketches (the library Spark uses, so the sketches' bytes are the
 * same): hll_sketch_agg and hll_union_agg (HLL_8 sketches, {@code toUpdatableByteArray}), theta_sketch_agg,
 * theta_union_agg and theta_intersection_agg (compact sketches), kll_sketch_agg_* and kll_merge_agg_* (_bigint/_float/_double). Each
 * builds its sketch from the group's values at the end ({@link TupleAggregate}); the scalar functions that read
 * and combine sketches are in {@link Sketches}.
 */
public final class SketchAggregates {
    private SketchAggregates() {}

    /** The aggregate named {@code name} over {@code inputs}, or null when this family has none. */
    public static TupleAggregate of(String name, List<Expression> inputs) {
        Function<List<Expression>, TupleAggregate.Spec> spec = SPECS.get(name);
        return spec == null ? null : TupleAggregate.of(spec.apply(inputs), inputs);
    }

    static final Map<String, Function<List<Expression>, TupleAggregate.Spec>> SPECS = new LinkedHashMap<>();

    static {
        SPECS.put("hll_sketch_agg", in -> TupleAggregates.spec("hll_sketch_agg", 1, 2, SketchAggregates::bindHllAgg, (t, s) -> {
            HllSketch sketch = new HllSketch((Integer) s, TgtHllType.HLL_8);
            for (Object[] x : t) {
                Object v = x[0];
                if (v instanceof Integer i) sketch.update(i);
                else if (v instanceof Long l) sketch.update(l);
                else if (v instanceof String str) sketch.update(str);
                else if (v instanceof byte[] b) sketch.update(b);
            }
            return sketch.toUpdatableByteArray();
        }));
        SPECS.put("hll_union_agg", in -> TupleAggregates.spec("hll_union_agg", 1, 2, (args, b) -> {
            binaryArg("hll_union_agg", args.get(0));
            boolean allow = args.size() > 1 && Boolean.TRUE.equals(TupleAggregates.constant(args.get(1)));
            return TupleAggregates.bound(List.of(args.get(0)), DataTypes.BINARY, allow);
        }, (t, s) -> {
            Union union = null;
            int lgK = -1;
            for (Object[] x : t) {
                if (x[0] == null) continue;
                HllSketch sk = Sketches.hll("hll_union_agg", (byte[]) x[0]);
                if (union == null) {
                    lgK = sk.getLgConfigK();
                    union = new Union(lgK);
                } else if (sk.getLgConfigK() != lgK && !(Boolean) s) {
                    throw Sketches.differentLgConfigK("hll_union_agg", lgK, sk.getLgConfigK());
                }
                union.update(sk);
            }
            return union == null ? null : union.getResult(TgtHllType.HLL_8).toUpdatableByteArray();
        }));
        SPECS.put("theta_sketch_agg", in -> TupleAggregates.spec("theta_sketch_agg", 1, 2, SketchAggregates::bindThetaAgg, (t, s) -> {
            UpdateSketch sketch = UpdateSketch.builder().setNominalEntries(1 << (Integer) s).build();
            for (Object[] x : t) {
                Object v = x[0];
                if (v instanceof Integer i) sketch.update(i);
                else if (v instanceof Long l) sketch.update(l);
                else if (v instanceof Double d) sketch.update(d);
                else if (v instanceof Float f) sketch.update(f);
                else if (v instanceof String str) sketch.update(str);
                else if (v instanceof byte[] b) sketch.update(b);
            }
            return sketch.compact().toByteArray();
        }));
        SPECS.put("theta_union_agg", in -> TupleAggregates.spec("theta_union_agg", 1, 2, (args, b) -> {
            binaryArg("theta_union_agg", args.get(0));
            return TupleAggregates.bound(List.of(args.get(0)), DataTypes.BINARY, lgNomEntries("theta_union_agg", args, 1));
        }, (t, s) -> {
            org.apache.datasketches.theta.Union union = SetOperation.builder().setNominalEntries(1 << (Integer) s).buildUnion();
            for (Object[] x : t) if (x[0] != null) union.union(Sketches.theta("theta_union_agg", (byte[]) x[0]));
            return union.getResult().toByteArray();
        }));
        SPECS.put("theta_intersection_agg", in -> TupleAggregates.spec("theta_intersection_agg", 1, 1, (args, b) -> {
            binaryArg("theta_intersection_agg", args.get(0));
            return TupleAggregates.bound(List.of(args.get(0)), DataTypes.BINARY);
        }, (t, s) -> {
            Intersection inter = SetOperation.builder().buildIntersection();
            boolean any = false;
            for (Object[] x : t) {
                if (x[0] == null) continue;
                inter.intersect(Sketches.theta("theta_intersection_agg", (byte[]) x[0]));
                any = true;
            }
            return any ? inter.getResult().toByteArray() : null;
        }));
        SPECS.put("count_min_sketch", in -> TupleAggregates.spec("count_min_sketch", 4, 4, (args, b) -> {
            DataType t = args.get(0).dataType();
            if (!(t instanceof IntegerType || t instanceof LongType || t instanceof StringType || t instanceof BinaryType)) {
                throw TupleAggregates.mismatch("count_min_sketch", args.get(0), "an integral, string or binary value");
            }
            Object eps = TupleAggregates.constant(args.get(1)), confidence = TupleAggregates.constant(args.get(2));
            if (!(eps instanceof Number e) || !(confidence instanceof Number c)) throw invalid("count_min_sketch", "eps and confidence must be constant numbers");
            // a bigint seed is taken modulo 2^32, as Spark's (l.toInt)
            Object seedValue = args.get(3).foldable() ? TupleAggregates.constant(args.get(3)) : null;
            int seed = seedValue instanceof Long l ? (int) (long) l : intConstant("count_min_sketch", args.get(3));
            new dev.sluice.expr.fn.CountMinSketch(e.doubleValue(), c.doubleValue(), seed);   // checks the parameters now
            return TupleAggregates.bound(List.of(args.get(0)), DataTypes.BINARY, new Object[] {e.doubleValue(), c.doubleValue(), seed});
        }, (t, s) -> {
            Object[] p = (Object[]) s;
            List<Object> items = new ArrayList<>();
            for (Object[] x : t) items.add(x[0]);
            return dev.sluice.expr.fn.CountMinSketch.of(items, (Double) p[0], (Double) p[1], (Integer) p[2]);
        }));
        kll("kll_sketch_agg_bigint", DataTypes.LONG);
        kll("kll_sketch_agg_float", DataTypes.FLOAT);
        kll("kll_sketch_agg_double", DataTypes.DOUBLE);
        kllMerge("kll_merge_agg_bigint", DataTypes.LONG);
        kllMerge("kll_merge_agg_float", DataTypes.FLOAT);
        kllMerge("kll_merge_agg_double", DataTypes.DOUBLE);
    }

    /** kll_merge_agg_*(sketch [, k]): the group's sketches merged (NULLs ignored), Spark's KllMergeAggBase. */
    private static void kllMerge(String name, DataType element) {
        SPECS.put(name, in -> TupleAggregates.spec(name, 1, 2, (args, b) -> {
            binaryArg(name, args.get(0));
            int k = 0;   // the first sketch's
            if (args.size() > 1) {
                k = intConstant(name, args.get(1));
                if (k < 8 || k > 65535) throw invalid(name, "k must be between 8 and 65535, got " + k);
            }
            return TupleAggregates.bound(List.of(args.get(0)), DataTypes.BINARY, k);
        }, (t, s) -> {
            List<byte[]> sketches = new ArrayList<>();
            for (Object[] x : t) if (x[0] != null) sketches.add((byte[]) x[0]);
            return Sketches.kllMerge(name, element, (Integer) s, sketches);
        }));
    }

    private static void binaryArg(String fn, Expression e) {
        if (!(e.dataType() instanceof BinaryType) && !(e.dataType() instanceof NullType)) throw TupleAggregates.mismatch(fn, e, "a binary sketch");
    }

    private static TupleAggregate.Bound bindHllAgg(List<Expression> args, AggregateBinder b) {
        DataType t = args.get(0).dataType();
        if (!(t instanceof IntegerType || t instanceof LongType || t instanceof StringType || t instanceof BinaryType)) {
            throw TupleAggregates.mismatch("hll_sketch_agg", args.get(0), "an int, bigint, string or binary value");
        }
        int lgK = args.size() > 1 ? intConstant("hll_sketch_agg", args.get(1)) : 12;
        if (lgK < 4 || lgK > 21) throw invalid("hll_sketch_agg", "lgConfigK must be between 4 and 21, got " + lgK);
        return TupleAggregates.bound(List.of(args.get(0)), DataTypes.BINARY, lgK);
    }

    private static TupleAggregate.Bound bindThetaAgg(List<Expression> args, AggregateBinder b) {
        DataType t = args.get(0).dataType();
        if (!(t instanceof IntegerType || t instanceof LongType || t instanceof StringType || t instanceof BinaryType
                || t.equals(DataTypes.DOUBLE) || t.equals(DataTypes.FLOAT))) {
            throw TupleAggregates.mismatch("theta_sketch_agg", args.get(0), "a numeric, string or binary value");
        }
        return TupleAggregates.bound(List.of(args.get(0)), DataTypes.BINARY, lgNomEntries("theta_sketch_agg", args, 1));
    }

    static int lgNomEntries(String fn, List<Expression> args, int i) {
        int lg = args.size() > i ? intConstant(fn, args.get(i)) : 12;
        if (lg < 4 || lg > 26) throw invalid(fn, "lgNomEntries must be between 4 and 26, got " + lg);
        return lg;
    }

    private static void kll(String name, DataType element) {
        SPECS.put(name, in -> TupleAggregates.spec(name, 1, 2, (args, b) -> {
            // as Spark's ExpectsInputTypes: no implicit casts into these
            DataType t = args.get(0).dataType();
            boolean fits = element.equals(DataTypes.LONG) ? t instanceof IntegerType || t instanceof LongType
                    : element.equals(DataTypes.FLOAT) ? t.equals(DataTypes.FLOAT) : t.equals(DataTypes.FLOAT) || t.equals(DataTypes.DOUBLE);
            if (!fits && !(t instanceof NullType)) {
                throw TupleAggregates.mismatch(name, args.get(0), element.equals(DataTypes.LONG) ? "an integral value"
                        : element.equals(DataTypes.FLOAT) ? "a float value" : "a float or double value");
            }
            int k = args.size() > 1 ? intConstant(name, args.get(1)) : 200;
            if (k < 8 || k > 65535) throw invalid(name, "k must be between 8 and 65535, got " + k);
            return TupleAggregates.bound(List.of(b.castTo(args.get(0), element)), DataTypes.BINARY, k);
        }, (t, s) -> {
            int k = (Integer) s;
            List<Object> values = new ArrayList<>();
            for (Object[] x : t) if (x[0] != null) values.add(x[0]);
            if (element.equals(DataTypes.LONG)) {
                KllLongsSketch sk = KllLongsSketch.newHeapInstance(k);
                for (Object v : values) sk.update((Long) v);
                return sk.toByteArray();
            }
            if (element.equals(DataTypes.FLOAT)) {
                KllFloatsSketch sk = KllFloatsSketch.newHeapInstance(k);
                for (Object v : values) sk.update((Float) v);
                return sk.toByteArray();
            }
            KllDoublesSketch sk = KllDoublesSketch.newHeapInstance(k);
            for (Object v : values) sk.update((Double) v);
            return sk.toByteArray();
        }));
    }

    private static int intConstant(String fn, Expression e) {
        Object v = e.foldable() ? TupleAggregates.constant(e) : null;
        if (!(v instanceof Integer i)) throw invalid(fn, "the parameter must be a constant integer, got " + e.sql());
        return i;
    }

    private static SluiceException invalid(String fn, String reason) {
        return SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", fn).with("reason", reason).build();
    }
}
