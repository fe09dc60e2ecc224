package dev.sluice.expr.fn;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.kll.KllFloatsSketch;
import org.apache.datasketches.kll.KllLongsSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.theta.AnotB;
import org.apache.datasketches.theta.Intersection;
import org.apache.datasketches.theta.SetOperation;
import org.apache.datasketches.theta.Sketch;

import java.util.ArrayList;
import java.util.List;

import static dev.sluice.types.DataTypes.BINARY;
import static dev.sluice.types.DataTypes.BOOLEAN;
import static dev.sluice.types.DataTypes.DOUBLE;
import static dev.sluice.types.DataTypes.INT;
import static dev.sluice.types.DataTypes.LONG;
import static dev.sluice.types.DataTypes.STRING;

/**
 * Spark's functions over DataSketches sketches (binary values made by the aggregates in
 * {@code dev.sluice.expr.agg.SketchAggregates}): hll_sketch_estimate, hll_union, theta_sketch_estimate,
 * theta_union, theta_intersection, theta_difference, and kll_sketch_get_n / get_quantile / get_rank / merge /
 * to_string for bigint, float and double sketches. Bytes that are not a sketch of the kind fail with
 * INVALID_FUNCTION_INPUT.
 */
public final class Sketches {
    private Sketches() {}

    public static List<ScalarFunction> all() {
        List<ScalarFunction> out = new ArrayList<>();
        out.add(RowFunction.of("hll_sketch_estimate", RowFunction.typed(LONG, BINARY), v -> Math.round(hll("hll_sketch_estimate", (byte[]) v[0]).getEstimate())));
        out.add(RowFunction.of("hll_union", RowFunction.optional(2, BINARY, BINARY, BINARY, BOOLEAN), v -> {
            HllSketch a = hll("hll_union", (byte[]) v[0]), b = hll("hll_union", (byte[]) v[1]);
            boolean allow = v.length > 2 && Boolean.TRUE.equals(v[2]);
            if (a.getLgConfigK() != b.getLgConfigK() && !allow) throw differentLgConfigK("hll_union", a.getLgConfigK(), b.getLgConfigK());
            Union union = new Union(Math.min(a.getLgConfigK(), b.getLgConfigK()));
            union.update(a);
            union.update(b);
            return union.getResult(TgtHllType.HLL_8).toUpdatableByteArray();
        }));
        out.add(RowFunction.of("theta_sketch_estimate", RowFunction.typed(LONG, BINARY), v -> Math.round(theta("theta_sketch_estimate", (byte[]) v[0]).getEstimate())));
        out.add(RowFunction.of("theta_union", RowFunction.optional(2, BINARY, BINARY, BINARY, INT), v -> {
            int lg = v.length > 2 ? (Integer) v[2] : 12;
            if (lg < 4 || lg > 26) throw FnArgs.badInput("theta_union", "lgNomEntries must be between 4 and 26, got " + lg);
            org.apache.datasketches.theta.Union union = SetOperation.builder().setNominalEntries(1 << lg).buildUnion();
            union.union(theta("theta_union", (byte[]) v[0]));
            union.union(theta("theta_union", (byte[]) v[1]));
            return union.getResult().toByteArray();
        }));
        out.add(RowFunction.of("theta_intersection", RowFunction.typed(BINARY, BINARY, BINARY), v -> {
            Intersection inter = SetOperation.builder().buildIntersection();
            inter.intersect(theta("theta_intersection", (byte[]) v[0]));
            inter.intersect(theta("theta_intersection", (byte[]) v[1]));
            return inter.getResult().toByteArray();
        }));
        out.add(RowFunction.of("theta_difference", RowFunction.typed(BINARY, BINARY, BINARY), v -> {
            AnotB diff = SetOperation.builder().buildANotB();
            return diff.aNotB(theta("theta_difference", (byte[]) v[0]), theta("theta_difference", (byte[]) v[1])).toByteArray();
        }));
        kll(out, "bigint", LONG);
        kll(out, "float", DataTypes.FLOAT);
        kll(out, "double", DOUBLE);
        return out;
    }

    private static void kll(List<ScalarFunction> out, String suffix, DataType element) {
        String n = "kll_sketch_get_n_" + suffix, q = "kll_sketch_get_quantile_" + suffix, r = "kll_sketch_get_rank_" + suffix;
        String m = "kll_sketch_merge_" + suffix, s = "kll_sketch_to_string_" + suffix;
        out.add(RowFunction.of(n, RowFunction.typed(LONG, BINARY), v -> kll(n, element, (byte[]) v[0]).n()));
        out.add(RowFunction.of(q, (fn, args) -> bindScalarOrArray(fn, args, DOUBLE, element), (v, sig) -> {
            Kll sk = kll(q, element, (byte[]) v[0]);
            if (v[1] instanceof List<?> ranks) {
                List<Object> res = new ArrayList<>();
                for (Object rank : ranks) res.add(rank == null ? null : sk.quantile(q, (Double) rank));
                return res;
            }
            return sk.quantile(q, (Double) v[1]);
        }));
        out.add(RowFunction.of(r, (fn, args) -> bindScalarOrArray(fn, args, element, DOUBLE), (v, sig) -> {
            Kll sk = kll(r, element, (byte[]) v[0]);
            if (v[1] instanceof List<?> values) {
                List<Object> res = new ArrayList<>();
                for (Object x : values) res.add(x == null ? null : sk.rank(x));
                return res;
            }
            return sk.rank(v[1]);
        }));
        out.add(RowFunction.of(m, RowFunction.typed(BINARY, BINARY, BINARY), v -> kll(m, element, (byte[]) v[0]).merge(kll(m, element, (byte[]) v[1]))));
        out.add(RowFunction.of(s, RowFunction.typed(STRING, BINARY), v -> kll(s, element, (byte[]) v[0]).text()));
    }

    /** (binary sketch, x) or (binary sketch, array of x): the result is y or an array of y. */
    private static Signature bindScalarOrArray(String fn, List<Expression> args, DataType x, DataType y) {
        FnArgs.arity(fn, args, 2, 2);
        FnArgs.expect(fn, args, 0, BINARY);
        if (args.get(1).dataType() instanceof ArrayType) {
            ArrayType want = new ArrayType(x, true);
            return new Signature(List.of(BINARY, FnArgs.expect(fn, args, 1, want)), new ArrayType(y, true), true);
        }
        return new Signature(List.of(BINARY, FnArgs.expect(fn, args, 1, x)), y, true);
    }

    /** A KLL sketch of one of the three kinds, behind one face. */
    private interface Kll {
        long n();

        Object quantile(String fn, double rank);

        double rank(Object value);

        byte[] merge(Kll other);

        String text();

        byte[] bytes();
    }

    private static Kll kll(String fn, DataType element, byte[] bytes) {
        try {
            Memory mem = Memory.wrap(bytes);
            if (element.equals(LONG)) {
                KllLongsSketch sk = KllLongsSketch.heapify(mem);
                return new Kll() {
                    public long n() { return sk.getN(); }
                    public Object quantile(String f, double rank) { checkRank(f, rank); return sk.isEmpty() ? null : sk.getQuantile(rank); }
                    public double rank(Object v) { return sk.getRank((Long) v); }
                    public byte[] merge(Kll o) { KllLongsSketch c = KllLongsSketch.heapify(Memory.wrap(sk.toByteArray())); c.merge(KllLongsSketch.heapify(Memory.wrap(o.bytes()))); return c.toByteArray(); }
                    public String text() { return sk.toString(); }
                    public byte[] bytes() { return sk.toByteArray(); }
                };
            }
            if (element.equals(DataTypes.FLOAT)) {
                KllFloatsSketch sk = KllFloatsSketch.heapify(mem);
                return new Kll() {
                    public long n() { return sk.getN(); }
                    public Object quantile(String f, double rank) { checkRank(f, rank); return sk.isEmpty() ? null : sk.getQuantile(rank); }
                    public double rank(Object v) { return sk.getRank((Float) v); }
                    public byte[] merge(Kll o) { KllFloatsSketch c = KllFloatsSketch.heapify(Memory.wrap(sk.toByteArray())); c.merge(KllFloatsSketch.heapify(Memory.wrap(o.bytes()))); return c.toByteArray(); }
                    public String text() { return sk.toString(); }
                    public byte[] bytes() { return sk.toByteArray(); }
                };
            }
            KllDoublesSketch sk = KllDoublesSketch.heapify(mem);
            return new Kll() {
                public long n() { return sk.getN(); }
                public Object quantile(String f, double rank) { checkRank(f, rank); return sk.isEmpty() ? null : sk.getQuantile(rank); }
                public double rank(Object v) { return sk.getRank((Double) v); }
                public byte[] merge(Kll o) { KllDoublesSketch c = KllDoublesSketch.heapify(Memory.wrap(sk.toByteArray())); c.merge(KllDoublesSketch.heapify(Memory.wrap(o.bytes()))); return c.toByteArray(); }
                public String text() { return sk.toString(); }
                public byte[] bytes() { return sk.toByteArray(); }
            };
        } catch (RuntimeException e) {
            throw notASketch(fn, "KLL", e);
        }
    }

    /**
     * Spark's kll_merge_agg_*: the {@code sketches} merged in order into a new sketch of parameter {@code k}, or (k 0)
     * of the first sketch's k; an empty sketch of k (200 when not given) when there are none.
     */
    public static byte[] kllMerge(String fn, DataType element, int k, List<byte[]> sketches) {
        try {
            if (element.equals(LONG)) {
                KllLongsSketch union = k > 0 ? KllLongsSketch.newHeapInstance(k) : null;
                for (byte[] b : sketches) {
                    KllLongsSketch in = KllLongsSketch.wrap(Memory.wrap(b));
                    if (union == null) union = KllLongsSketch.newHeapInstance(in.getK());
                    union.merge(in);
                }
                return (union == null ? KllLongsSketch.newHeapInstance(200) : union).toByteArray();
            }
            if (element.equals(DataTypes.FLOAT)) {
                KllFloatsSketch union = k > 0 ? KllFloatsSketch.newHeapInstance(k) : null;
                for (byte[] b : sketches) {
                    KllFloatsSketch in = KllFloatsSketch.wrap(Memory.wrap(b));
                    if (union == null) union = KllFloatsSketch.newHeapInstance(in.getK());
                    union.merge(in);
                }
                return (union == null ? KllFloatsSketch.newHeapInstance(200) : union).toByteArray();
            }
            KllDoublesSketch union = k > 0 ? KllDoublesSketch.newHeapInstance(k) : null;
            for (byte[] b : sketches) {
                KllDoublesSketch in = KllDoublesSketch.wrap(Memory.wrap(b));
                if (union == null) union = KllDoublesSketch.newHeapInstance(in.getK());
                union.merge(in);
            }
            return (union == null ? KllDoublesSketch.newHeapInstance(200) : union).toByteArray();
        } catch (RuntimeException e) {
            throw notASketch(fn, "KLL", e);
        }
    }

    private static void checkRank(String fn, double rank) {
        if (!(rank >= 0 && rank <= 1)) throw FnArgs.badInput(fn, "the rank must be between 0.0 and 1.0, got " + rank);
    }

    /** The HLL sketch in {@code bytes}, or INVALID_FUNCTION_INPUT. */
    public static HllSketch hll(String fn, byte[] bytes) {
        try {
            return HllSketch.heapify(Memory.wrap(bytes));
        } catch (RuntimeException e) {
            throw notASketch(fn, "HLL", e);
        }
    }

    /** The theta sketch in {@code bytes}, or INVALID_FUNCTION_INPUT. */
    public static Sketch theta(String fn, byte[] bytes) {
        try {
            return Sketch.heapify(Memory.wrap(bytes));
        } catch (RuntimeException e) {
            throw notASketch(fn, "theta", e);
        }
    }

    public static SluiceException differentLgConfigK(String fn, int a, int b) {
        return SluiceException.of(ErrorCode.INVALID_FUNCTION_INPUT).with("function", fn)
                .with("reason", "the sketches have different lgConfigK values (" + a + " and " + b + "); pass allowDifferentLgConfigK = true to union them").build();
    }

    private static SluiceException notASketch(String fn, String kind, RuntimeException cause) {
        return SluiceException.of(ErrorCode.INVALID_FUNCTION_INPUT).with("function", fn)
                .with("reason", "the value is not a " + kind + " sketch: " + cause.getMessage()).build();
    }
}
