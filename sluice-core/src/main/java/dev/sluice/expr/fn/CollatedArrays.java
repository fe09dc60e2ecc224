package dev.sluice.expr.fn;

import dev.sluice.expr.CollationKeys;
import dev.sluice.expr.Signature;
import dev.sluice.types.ArrayType;
import dev.sluice.types.Collation;
import dev.sluice.types.DataType;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The array functions that compare elements, for arrays of non-binary collated strings (Spark compares them with
 * the collation: {@code array_distinct(array('A' COLLATE UTF8_LCASE, 'a', 'b'))} is {@code [A, b]}). Elements are
 * matched by their collation keys; each result keeps the first spelling met, as Spark's. The collation is the
 * call's signature state, set once at binding ({@link #bind}); arrays of other types never come here.
 */
final class CollatedArrays {
    private CollatedArrays() {}

    static final Set<String> FUNCTIONS = Set.of("array_remove", "array_position", "array_union", "array_intersect",
            "array_except", "arrays_overlap", "array_min", "array_max", "array_sort", "map_contains_key");

    /** {@code bound} with the collation of its array argument's elements (a map's keys) as state; unchanged for other types. */
    static Signature bind(Signature bound) {
        if (bound.argumentTypes().isEmpty()) return bound;
        DataType t = bound.argumentTypes().get(0);
        Collation c = t instanceof ArrayType a ? CollationKeys.nonBinary(a.elementType())
                : t instanceof dev.sluice.types.MapType m ? CollationKeys.nonBinary(m.keyType()) : null;
        return c == null ? bound : new Signature(bound.argumentTypes(), bound.resultType(), bound.nullable(), c);
    }

    /** {@code map_from_arrays}/{@code map_from_entries}: the collation of the result's keys as state (duplicates under it). */
    static Signature bindMapKeys(Signature bound) {
        Collation c = bound.resultType() instanceof dev.sluice.types.MapType m ? CollationKeys.nonBinary(m.keyType()) : null;
        return c == null ? bound : new Signature(bound.argumentTypes(), bound.resultType(), bound.nullable(), c);
    }

    /** The collation of a bound call of one of {@link #FUNCTIONS}, or null (the byte-wise path). */
    static Collation of(Signature s) { return s.state() instanceof Collation c ? c : null; }

    private static ByteBuffer key(Object o, Collation c) { return o == null ? null : ByteBuffer.wrap(c.key((String) o)); }

    static List<Object> remove(List<Object> l, Object v, Collation c) {
        ByteBuffer k = key(v, c);
        List<Object> out = new ArrayList<>();
        for (Object o : l) if (o == null || !key(o, c).equals(k)) out.add(o);
        return out;
    }

    static long position(List<?> l, Object v, Collation c) {
        ByteBuffer k = key(v, c);
        for (int i = 0; i < l.size(); i++) if (l.get(i) != null && key(l.get(i), c).equals(k)) return i + 1L;
        return 0L;
    }

    static List<Object> union(List<Object> a, List<Object> b, Collation c) {
        Map<ByteBuffer, Object> seen = new LinkedHashMap<>();
        for (Object o : a) seen.putIfAbsent(key(o, c), o);
        for (Object o : b) seen.putIfAbsent(key(o, c), o);
        return new ArrayList<>(seen.values());
    }

    static List<Object> intersect(List<Object> a, List<Object> b, Collation c, boolean keepCommon) {
        Set<ByteBuffer> right = new LinkedHashSet<>();
        for (Object o : b) right.add(key(o, c));
        Map<ByteBuffer, Object> seen = new LinkedHashMap<>();
        for (Object o : a) {
            ByteBuffer k = key(o, c);
            if (right.contains(k) == keepCommon) seen.putIfAbsent(k, o);
        }
        return new ArrayList<>(seen.values());
    }

    /** As {@code arrays_overlap}: true on a common element, else NULL when either holds a NULL (and neither is empty). */
    static Boolean overlap(List<Object> a, List<Object> b, Collation c) {
        Set<ByteBuffer> right = new LinkedHashSet<>();
        boolean nulls = false;
        for (Object o : b) if (o == null) nulls = true; else right.add(key(o, c));
        for (Object o : a) {
            if (o == null) nulls = true;
            else if (right.contains(key(o, c))) return true;
        }
        return nulls && !a.isEmpty() && !b.isEmpty() ? null : false;
    }

    static Object extreme(List<Object> l, Collation c, int sign) {
        Object best = null;
        byte[] bestKey = null;
        for (Object o : l) {
            if (o == null) continue;
            byte[] k = c.key((String) o);
            if (best == null || sign * Arrays.compareUnsigned(k, bestKey) > 0) {
                best = o;
                bestKey = k;
            }
        }
        return best;
    }

    /** {@code array_sort(a)}: ascending by the collation, stable, NULLs last. */
    static List<Object> sort(List<Object> l, Collation c) {
        List<Object> out = new ArrayList<>(l);
        out.sort((x, y) -> x == null || y == null ? (x == null ? (y == null ? 0 : 1) : -1)
                : Arrays.compareUnsigned(c.key((String) x), c.key((String) y)));
        return out;
    }
}
