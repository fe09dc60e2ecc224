package dev.sluice.expr;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.IntVector;
import dev.sluice.vector.Vectors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluation of {@link HigherOrderFunction}: the elements of every row of the batch become the rows of one
 * expanded batch (outer columns repeated per element), the lambda body runs once over it with its variables in
 * the {@link LambdaScope}, and the results are folded back per row with Spark's rules (exists/forall are
 * three-valued; zip_with pads the shorter array with NULLs). aggregate folds element by element, all rows at once.
 */
final class HigherOrderEval {
    private HigherOrderEval() {}

    static ColumnVector evaluate(HigherOrderFunction h, Batch batch) {
        int n = batch.rowCount();
        ColumnVector first = h.arguments().get(0).evaluate(batch);
        List<Object> out = new ArrayList<>(n);
        switch (h.kind()) {
            case AGGREGATE, REDUCE -> aggregate(h, batch, first, out);
            case ZIP_WITH -> zipWith(h, batch, first, out);
            case ARRAY_SORT -> sort(h, batch, first, out);
            case MAP_ZIP_WITH -> mapZipWith(h, batch, first, out);
            default -> perElement(h, batch, first, out);
        }
        return Vectors.of(h.resultType(), out);
    }

    /** One evaluation of {@code f}'s body over {@code rows} rows taken from the batch's rows {@code parents}. */
    static ColumnVector run(LambdaFunction f, Batch batch, int[] parents, int rows, List<ColumnVector> values) {
        Map<LambdaVariable, ColumnVector> vars = new HashMap<>();
        for (int i = 0; i < f.variables().size(); i++) vars.put(f.variables().get(i), values.get(i));
        try (LambdaScope.Scope s = LambdaScope.enter(parents, rows, vars)) {
            return f.body().evaluate(batch.select(parents, rows));
        }
    }

    private static void perElement(HigherOrderFunction h, Batch batch, ColumnVector in, List<Object> out) {
        int n = batch.rowCount();
        int total = 0;
        for (int i = 0; i < n; i++) if (!in.isNull(i)) total += in.arrayLength(i);
        int[] parents = new int[total], elements = new int[total];
        IntVector positions = new IntVector(DataTypes.INT, total);
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (in.isNull(i)) continue;
            for (int j = 0; j < in.arrayLength(i); j++, k++) {
                parents[k] = i;
                elements[k] = in.arrayOffset(i) + j;
                positions.append(j);
            }
        }
        LambdaFunction f = (LambdaFunction) h.arguments().get(1);
        boolean map = h.kind() == HigherOrderFunction.Kind.MAP_FILTER || h.kind() == HigherOrderFunction.Kind.TRANSFORM_KEYS
                || h.kind() == HigherOrderFunction.Kind.TRANSFORM_VALUES;
        ColumnVector keys = in.elements().select(elements, total);
        ColumnVector second = map ? in.mapValues().select(elements, total) : positions;
        ColumnVector r = run(f, batch, parents, total, List.of(keys, second).subList(0, f.variables().size()));
        k = 0;
        for (int i = 0; i < n; i++) {
            if (in.isNull(i)) {
                out.add(null);
                continue;
            }
            int len = in.arrayLength(i);
            out.add(fold(h.kind(), r, keys, second, k, len));
            k += len;
        }
    }

    private static Object fold(HigherOrderFunction.Kind kind, ColumnVector r, ColumnVector keys, ColumnVector values, int from, int len) {
        switch (kind) {
            case TRANSFORM: {
                List<Object> l = new ArrayList<>(len);
                for (int k = from; k < from + len; k++) l.add(value(r, k));
                return l;
            }
            case FILTER: {
                List<Object> l = new ArrayList<>();
                for (int k = from; k < from + len; k++) if (Boolean.TRUE.equals(value(r, k))) l.add(value(keys, k));
                return l;
            }
            case EXISTS:
            case FORALL: {
                boolean want = kind == HigherOrderFunction.Kind.EXISTS, sawNull = false;
                for (int k = from; k < from + len; k++) {
                    Object v = value(r, k);
                    if (v == null) sawNull = true;
                    else if ((Boolean) v == want) return want;
                }
                return sawNull ? null : !want;
            }
            default: {
                Map<Object, Object> m = new LinkedHashMap<>();
                for (int k = from; k < from + len; k++) {
                    Object key = value(keys, k), v = value(values, k), res = value(r, k);
                    if (kind == HigherOrderFunction.Kind.MAP_FILTER) {
                        if (Boolean.TRUE.equals(res)) m.put(key, v);
                    } else if (kind == HigherOrderFunction.Kind.TRANSFORM_VALUES) {
                        m.put(key, res);
                    } else {
                        if (res == null) throw SluiceException.of(ErrorCode.NULL_MAP_KEY).build();
                        if (m.containsKey(res) && !dev.sluice.types.SessionZone.lastWinMapKeys()) throw SluiceException.of(ErrorCode.DUPLICATE_MAP_KEY).with("key", String.valueOf(res)).build();
                        m.put(res, v);
                    }
                }
                return m;
            }
        }
    }

    static Object value(ColumnVector v, int i) { return v.isNull(i) ? null : v.getObject(i); }

    private static void zipWith(HigherOrderFunction h, Batch batch, ColumnVector a, List<Object> out) {
        ColumnVector b = h.arguments().get(1).evaluate(batch);
        int n = batch.rowCount();
        List<Integer> parents = new ArrayList<>();
        List<Object> xs = new ArrayList<>(), ys = new ArrayList<>();
        int[] lengths = new int[n];
        for (int i = 0; i < n; i++) {
            if (a.isNull(i) || b.isNull(i)) {
                lengths[i] = -1;
                continue;
            }
            int len = Math.max(a.arrayLength(i), b.arrayLength(i));
            lengths[i] = len;
            for (int j = 0; j < len; j++) {
                parents.add(i);
                xs.add(j < a.arrayLength(i) ? value(a.elements(), a.arrayOffset(i) + j) : null);
                ys.add(j < b.arrayLength(i) ? value(b.elements(), b.arrayOffset(i) + j) : null);
            }
        }
        LambdaFunction f = (LambdaFunction) h.arguments().get(2);
        DataType xt = ((ArrayType) a.type()).elementType(), yt = ((ArrayType) b.type()).elementType();
        int[] p = parents.stream().mapToInt(Integer::intValue).toArray();
        ColumnVector r = run(f, batch, p, p.length, List.of(Vectors.of(xt, xs), Vectors.of(yt, ys)));
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (lengths[i] < 0) {
                out.add(null);
                continue;
            }
            List<Object> l = new ArrayList<>();
            for (int j = 0; j < lengths[i]; j++, k++) l.add(value(r, k));
            out.add(l);
        }
    }

    /** map_zip_with: the keys of both maps (first map's order, then the second's new keys), NULL for a missing side. */
    private static void mapZipWith(HigherOrderFunction h, Batch batch, ColumnVector a, List<Object> out) {
        ColumnVector b = h.arguments().get(1).evaluate(batch);
        int n = batch.rowCount();
        List<Integer> parents = new ArrayList<>();
        List<Object> ks = new ArrayList<>(), v1 = new ArrayList<>(), v2 = new ArrayList<>();
        int[] lengths = new int[n];
        for (int i = 0; i < n; i++) {
            if (a.isNull(i) || b.isNull(i)) {
                lengths[i] = -1;
                continue;
            }
            Map<Object, Object[]> merged = new LinkedHashMap<>();
            for (int j = 0; j < a.arrayLength(i); j++) {
                int e = a.arrayOffset(i) + j;
                merged.put(value(a.elements(), e), new Object[] {value(a.mapValues(), e), null});
            }
            for (int j = 0; j < b.arrayLength(i); j++) {
                int e = b.arrayOffset(i) + j;
                merged.computeIfAbsent(value(b.elements(), e), k -> new Object[2])[1] = value(b.mapValues(), e);
            }
            lengths[i] = merged.size();
            for (Map.Entry<Object, Object[]> e : merged.entrySet()) {
                parents.add(i);
                ks.add(e.getKey());
                v1.add(e.getValue()[0]);
                v2.add(e.getValue()[1]);
            }
        }
        LambdaFunction f = (LambdaFunction) h.arguments().get(2);
        dev.sluice.types.MapType ma = (dev.sluice.types.MapType) a.type(), mb = (dev.sluice.types.MapType) b.type();
        int[] p = parents.stream().mapToInt(Integer::intValue).toArray();
        ColumnVector r = run(f, batch, p, p.length, List.of(Vectors.of(ma.keyType(), ks), Vectors.of(ma.valueType(), v1), Vectors.of(mb.valueType(), v2)));
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (lengths[i] < 0) {
                out.add(null);
                continue;
            }
            Map<Object, Object> m = new LinkedHashMap<>();
            for (int j = 0; j < lengths[i]; j++, k++) m.put(ks.get(k), value(r, k));
            out.add(m);
        }
    }

    private static void aggregate(HigherOrderFunction h, Batch batch, ColumnVector in, List<Object> out) {
        int n = batch.rowCount();
        ColumnVector zero = h.arguments().get(1).evaluate(batch);
        LambdaFunction merge = (LambdaFunction) h.arguments().get(2);
        DataType accType = zero.type();
        DataType elementType = ((ArrayType) in.type()).elementType();
        Object[] acc = new Object[n];
        int longest = 0;
        for (int i = 0; i < n; i++) {
            acc[i] = value(zero, i);
            if (!in.isNull(i)) longest = Math.max(longest, in.arrayLength(i));
        }
        for (int step = 0; step < longest; step++) {
            List<Integer> rows = new ArrayList<>();
            List<Object> accs = new ArrayList<>(), xs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (in.isNull(i) || in.arrayLength(i) <= step) continue;
                rows.add(i);
                accs.add(acc[i]);
                xs.add(value(in.elements(), in.arrayOffset(i) + step));
            }
            int[] ids = rows.stream().mapToInt(Integer::intValue).toArray();
            ColumnVector r = run(merge, batch, ids, ids.length, List.of(Vectors.of(accType, accs), Vectors.of(elementType, xs)));
            for (int k = 0; k < ids.length; k++) acc[ids[k]] = value(r, k);
        }
        ColumnVector result;
        if (h.arguments().size() == 4) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) all[i] = i;
            result = run((LambdaFunction) h.arguments().get(3), batch, all, n, List.of(Vectors.of(accType, java.util.Arrays.asList(acc))));
        } else {
            result = Vectors.of(accType, java.util.Arrays.asList(acc));
        }
        for (int i = 0; i < n; i++) out.add(in.isNull(i) ? null : value(result, i));
    }

    private static void sort(HigherOrderFunction h, Batch batch, ColumnVector in, List<Object> out) {
        LambdaFunction cmp = (LambdaFunction) h.arguments().get(1);
        DataType t = ((ArrayType) in.type()).elementType();
        for (int i = 0; i < batch.rowCount(); i++) {
            if (in.isNull(i)) {
                out.add(null);
                continue;
            }
            List<Object> l = new ArrayList<>();
            for (int j = 0; j < in.arrayLength(i); j++) l.add(value(in.elements(), in.arrayOffset(i) + j));
            int[] row = {i};
            l.sort((x, y) -> {
                ColumnVector r = run(cmp, batch, row, 1, List.of(Vectors.of(t, java.util.Arrays.asList(x)), Vectors.of(t, java.util.Arrays.asList(y))));
                if (r.isNull(0)) throw SluiceException.of(ErrorCode.INVALID_FUNCTION_INPUT).with("function", "array_sort")
                        .with("reason", "the comparator returned NULL").build();
                return ((Number) r.getObject(0)).intValue();
            });
            out.add(l);
        }
    }
}
