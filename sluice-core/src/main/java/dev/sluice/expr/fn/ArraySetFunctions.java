package dev.sluice.expr.fn;

import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.expr.TypeCoercion;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.NullType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.types.Row;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static dev.sluice.types.DataTypes.INT;
import static dev.sluice.types.DataTypes.LONG;

/**
 * Arrays as lists and sets, Spark's values: array_append/prepend/insert/remove/compact/repeat/position,
 * array_union/intersect/except (distinct, in first-seen order), arrays_overlap (NULL when unsure), array_min/max,
 * array_size/cardinality, arrays_zip (structs named after the arguments' positions), get.
 */
public final class ArraySetFunctions {
    private ArraySetFunctions() {}

    public static List<ScalarFunction> all() {
        List<ScalarFunction> out = new ArrayList<>();
        out.add(RowFunction.nullable("array_append", ArraySetFunctions::bindArrayAndElement, (v, s) -> {
            if (v[0] == null) return null;
            List<Object> l = new ArrayList<>(list(v[0]));
            l.add(v[1]);
            return l;
        }));
        out.add(RowFunction.nullable("array_prepend", ArraySetFunctions::bindArrayAndElement, (v, s) -> {
            if (v[0] == null) return null;
            List<Object> l = new ArrayList<>();
            l.add(v[1]);
            l.addAll(list(v[0]));
            return l;
        }));
        out.add(RowFunction.of("array_remove", ArraySetFunctions::bindArrayAndElement, (v, s) -> {
            if (CollatedArrays.of(s) != null) return CollatedArrays.remove(list(v[0]), v[1], CollatedArrays.of(s));
            List<Object> l = new ArrayList<>();
            for (Object o : list(v[0])) if (o == null || !same(o, v[1])) l.add(o);
            return l;
        }));
        out.add(RowFunction.of("array_position", (fn, args) -> withResult(bindArrayAndElement(fn, args), LONG), (v, s) -> {
            if (CollatedArrays.of(s) != null) return CollatedArrays.position(list(v[0]), v[1], CollatedArrays.of(s));
            List<Object> l = list(v[0]);
            for (int i = 0; i < l.size(); i++) if (l.get(i) != null && same(l.get(i), v[1])) return (long) i + 1;
            return 0L;
        }));
        out.add(RowFunction.of("array_compact", ArraySetFunctions::bindArray, v -> {
            List<Object> l = new ArrayList<>();
            for (Object o : list(v[0])) if (o != null) l.add(o);
            return l;
        }));
        out.add(RowFunction.nullable("array_repeat", (fn, args) -> {
            FnArgs.arity(fn, args, 2, 2);
            DataType e = args.get(0).dataType();
            return new Signature(List.of(e, FnArgs.expect(fn, args, 1, INT)), new ArrayType(e instanceof NullType ? DataTypes.NULL : e, true), true);
        }, (v, s) -> v[1] == null ? null : new ArrayList<>(Collections.nCopies(Math.max(0, (Integer) v[1]), v[0]))));
        out.add(RowFunction.nullable("array_insert", ArraySetFunctions::bindInsert, (v, s) -> insert(v)));
        out.add(RowFunction.of("array_union", ArraySetFunctions::bindTwoArrays, (v, s) -> {
            if (CollatedArrays.of(s) != null) return CollatedArrays.union(list(v[0]), list(v[1]), CollatedArrays.of(s));
            Set<Object> seen = new LinkedHashSet<>();
            for (Object o : list(v[0])) seen.add(key(o));
            for (Object o : list(v[1])) seen.add(key(o));
            return unkeys(seen);
        }));
        out.add(RowFunction.of("array_intersect", ArraySetFunctions::bindTwoArrays, (v, s) -> {
            if (CollatedArrays.of(s) != null) return CollatedArrays.intersect(list(v[0]), list(v[1]), CollatedArrays.of(s), true);
            Set<Object> right = new LinkedHashSet<>();
            for (Object o : list(v[1])) right.add(key(o));
            Set<Object> seen = new LinkedHashSet<>();
            for (Object o : list(v[0])) if (right.contains(key(o))) seen.add(key(o));
            return unkeys(seen);
        }));
        out.add(RowFunction.of("array_except", ArraySetFunctions::bindTwoArrays, (v, s) -> {
            if (CollatedArrays.of(s) != null) return CollatedArrays.intersect(list(v[0]), list(v[1]), CollatedArrays.of(s), false);
            Set<Object> right = new LinkedHashSet<>();
            for (Object o : list(v[1])) right.add(key(o));
            Set<Object> seen = new LinkedHashSet<>();
            for (Object o : list(v[0])) if (!right.contains(key(o))) seen.add(key(o));
            return unkeys(seen);
        }));
        out.add(RowFunction.of("arrays_overlap", (fn, args) -> withResult(bindTwoArrays(fn, args), DataTypes.BOOLEAN), (v, s) -> {
            if (CollatedArrays.of(s) != null) return CollatedArrays.overlap(list(v[0]), list(v[1]), CollatedArrays.of(s));
            Set<Object> right = new LinkedHashSet<>();
            boolean nulls = false;
            for (Object o : list(v[1])) if (o == null) nulls = true; else right.add(key(o));
            for (Object o : list(v[0])) {
                if (o == null) nulls = true;
                else if (right.contains(key(o))) return true;
            }
            return nulls && !list(v[0]).isEmpty() && !list(v[1]).isEmpty() ? null : false;
        }));
        out.add(RowFunction.of("array_min", ArraySetFunctions::bindElementResult, (v, s) -> CollatedArrays.of(s) != null
                ? CollatedArrays.extreme(list(v[0]), CollatedArrays.of(s), -1) : extreme(list(v[0]), s.resultType(), -1)));
        out.add(RowFunction.of("array_max", ArraySetFunctions::bindElementResult, (v, s) -> CollatedArrays.of(s) != null
                ? CollatedArrays.extreme(list(v[0]), CollatedArrays.of(s), 1) : extreme(list(v[0]), s.resultType(), 1)));
        out.add(RowFunction.of("array_size", (fn, args) -> withResult(bindArray(fn, args), INT), v -> list(v[0]).size()));
        out.add(RowFunction.of("get", (fn, args) -> {
            Signature a = bindElementResult(fn, args.subList(0, 1));
            FnArgs.arity(fn, args, 2, 2);
            return new Signature(List.of(a.argumentTypes().get(0), FnArgs.expect(fn, args, 1, INT)), a.resultType(), true);
        }, v -> {
            List<Object> l = list(v[0]);
            int i = (Integer) v[1];
            return i >= 0 && i < l.size() ? l.get(i) : null;
        }));
        out.add(RowFunction.of("array_sort", ArraySetFunctions::bindArray, (v, s) -> {
            if (CollatedArrays.of(s) != null) return CollatedArrays.sort(list(v[0]), CollatedArrays.of(s));
            List<Object> l = new ArrayList<>(list(v[0]));
            l.sort((a, b) -> a == null || b == null ? (a == null ? (b == null ? 0 : 1) : -1) : compare(a, b));
            return l;
        }));
        out.add(RowFunction.of("sequence", ArraySetFunctions::bindSequence, ArraySetFunctions::sequence));
        out.add(RowFunction.nullable("arrays_zip", ArraySetFunctions::bindZip, ArraySetFunctions::zip));
        return out;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object v) { return (List<Object>) v; }

    static Object key(Object v) { return v instanceof byte[] b ? ByteBuffer.wrap(b) : v instanceof Double d && d == 0.0 ? 0.0 : v; }

    static List<Object> unkeys(Set<Object> keys) {
        List<Object> out = new ArrayList<>();
        for (Object k : keys) out.add(k instanceof ByteBuffer b ? b.array() : k);
        return out;
    }

    static boolean same(Object a, Object b) { return Objects.equals(key(a), key(b)); }

    static Signature withResult(Signature s, DataType result) { return new Signature(s.argumentTypes(), result, true); }

    static ArrayType arrayArg(String fn, List<Expression> args, int i) {
        DataType t = args.get(i).dataType();
        if (t instanceof ArrayType a) return a;
        if (t instanceof NullType) return new ArrayType(DataTypes.NULL, true);
        throw FnArgs.mismatch(fn, args, i, "an array");
    }

    static Signature bindArray(String fn, List<Expression> args) {
        FnArgs.arity(fn, args, 1, 1);
        ArrayType a = arrayArg(fn, args, 0);
        return new Signature(List.of(a), a, true);
    }

    static Signature bindElementResult(String fn, List<Expression> args) {
        FnArgs.arity(fn, args, 1, 1);
        ArrayType a = arrayArg(fn, args, 0);
        return new Signature(List.of(a), a.elementType(), true);
    }

    /** An array and a value of its element type (both widened to their common type). */
    static Signature bindArrayAndElement(String fn, List<Expression> args) {
        FnArgs.arity(fn, args, 2, 2);
        ArrayType a = arrayArg(fn, args, 0);
        DataType common = common(fn, args, a.elementType(), args.get(1).dataType());
        ArrayType at = new ArrayType(common, true);
        return new Signature(List.of(at, common), at, true);
    }

    static DataType common(String fn, List<Expression> args, DataType a, DataType b) {
        return TypeCoercion.commonType(List.of(a, b)).orElseThrow(() -> FnArgs.mismatch(fn, args, 1, "a value of type " + a.simpleString()));
    }

    static Signature bindTwoArrays(String fn, List<Expression> args) {
        FnArgs.arity(fn, args, 2, 2);
        ArrayType a = arrayArg(fn, args, 0), b = arrayArg(fn, args, 1);
        DataType common = common(fn, args, a.elementType(), b.elementType());
        ArrayType at = new ArrayType(common, true);
        return new Signature(List.of(at, at), at, true);
    }

    static Signature bindInsert(String fn, List<Expression> args) {
        FnArgs.arity(fn, args, 3, 3);
        ArrayType a = arrayArg(fn, args, 0);
        DataType common = common(fn, args, a.elementType(), args.get(2).dataType());
        ArrayType at = new ArrayType(common, true);
        return new Signature(List.of(at, FnArgs.expect(fn, args, 1, INT), common), at, true);
    }

    /** Spark's array_insert: 1-based, negative from the end (-1 appends), past the end pads with NULLs; 0 fails. */
    static Object insert(Object[] v) {
        if (v[0] == null || v[1] == null) return null;
        List<Object> l = new ArrayList<>(list(v[0]));
        int pos = (Integer) v[1];
        if (pos == 0) throw FnArgs.badInput("array_insert", "the index 0 is invalid: an index shall be either < 0 or > 0 (the first element has index 1)");
        if (pos > 0) {
            while (l.size() < pos - 1) l.add(null);
            l.add(pos - 1, v[2]);
        } else {
            int idx = l.size() + pos + 1;
            if (idx < 0) {
                List<Object> padded = new ArrayList<>();
                padded.add(v[2]);
                for (int k = 0; k < -idx; k++) padded.add(null);
                padded.addAll(l);
                return padded;
            }
            l.add(idx, v[2]);
        }
        return l;
    }

    static Object extreme(List<Object> l, DataType t, int sign) {
        Object best = null;
        for (Object o : l) {
            if (o == null) continue;
            if (o instanceof Double d && d.isNaN()) {
                if (sign > 0) return d;
                continue;
            }
            if (best == null || sign * compare(o, best) > 0) best = o;
        }
        return best;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) return java.util.Arrays.compareUnsigned(x, y);
        if (a instanceof List<?> x && b instanceof List<?> y) {
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                Object p = x.get(i), q = y.get(i);
                if (p == null || q == null) {
                    if (p != q) return p == null ? -1 : 1;
                    continue;
                }
                int c = compare(p, q);
                if (c != 0) return c;
            }
            return Integer.compare(x.size(), y.size());
        }
        return ((Comparable) a).compareTo(b);
    }

    static Signature bindSequence(String fn, List<Expression> args) {
        FnArgs.arity(fn, args, 2, 3);
        DataType t = TypeCoercion.commonType(List.of(args.get(0).dataType(), args.get(1).dataType()))
                .orElseThrow(() -> FnArgs.mismatch(fn, args, 1, "a value of the type of the start"));
        if (t.equals(DataTypes.DATE) || t.equals(DataTypes.TIMESTAMP) || t.equals(DataTypes.TIMESTAMP_NTZ)) {
            if (args.size() == 3) {
                DataType step = args.get(2).dataType();
                // a date steps by a year-month interval or whole days; timestamps by any ANSI interval
                boolean days = step instanceof dev.sluice.types.DayTimeIntervalType dt && dt.startField() == 0 && dt.endField() == 0;
                if (!(step instanceof dev.sluice.types.YearMonthIntervalType || (step instanceof dev.sluice.types.DayTimeIntervalType
                        && (days || !t.equals(DataTypes.DATE))))) {
                    throw FnArgs.mismatch(fn, args, 2, "a year-month or day-time interval");
                }
                return new Signature(List.of(t, t, step), new ArrayType(t, false), true);
            }
            if (!t.equals(DataTypes.DATE)) throw FnArgs.mismatch(fn, args, 2, "an interval step for timestamps");
            return new Signature(List.of(t, t), new ArrayType(t, false), true);
        }
        if (!(t instanceof dev.sluice.types.IntegerType) && !(t instanceof dev.sluice.types.LongType)) t = FnArgs.expect(fn, args, 0, LONG);
        List<DataType> types = new ArrayList<>(List.of(t, t));
        if (args.size() == 3) types.add(t);
        return new Signature(types, new ArrayType(t, false), true);
    }

    /** Spark's sequence: start to stop inclusive by step (default 1 or -1); a step of the wrong sign fails. */
    static Object sequence(Object[] v, Signature s) {
        List<Object> out = new ArrayList<>();
        if (v.length == 3 && (v[2] instanceof java.time.Period || v[2] instanceof java.time.Duration)) return temporalSequence(v, s);
        if (v[0] instanceof java.time.LocalDate a) {
            java.time.LocalDate b = (java.time.LocalDate) v[1];
            int step = a.isAfter(b) ? -1 : 1;
            for (java.time.LocalDate d = a; step > 0 ? !d.isAfter(b) : !d.isBefore(b); d = d.plusDays(step)) out.add(d);
            return out;
        }
        long start = ((Number) v[0]).longValue(), stop = ((Number) v[1]).longValue();
        long step = v.length > 2 ? ((Number) v[2]).longValue() : start <= stop ? 1 : -1;
        if (step == 0 && start != stop || (step > 0 && start > stop) || (step < 0 && start < stop)) {
            throw FnArgs.badInput("sequence", "illegal sequence boundaries: " + start + " to " + stop + " by " + step);
        }
        boolean isInt = v[0] instanceof Integer;
        for (long x = start; step > 0 ? x <= stop : x >= stop; x += step) {
            if (out.size() >= 1 << 24) throw FnArgs.badInput("sequence", "too many elements");
            out.add(isInt ? (Object) (int) x : (Object) x);
            if (step == 0) break;
        }
        return out;
    }

    /** start to stop by an interval step: the i-th element is start + i × step (months on the session's wall clock). */
    private static Object temporalSequence(Object[] v, Signature s) {
        DataType t = s.argumentTypes().get(0);
        java.time.ZoneId zone = t.equals(DataTypes.TIMESTAMP) ? DateTimePatterns.sessionZone() : java.time.ZoneOffset.UTC;
        java.time.LocalDateTime start = wall(v[0], zone), stop = wall(v[1], zone);
        long months = v[2] instanceof java.time.Period p ? p.toTotalMonths() : 0;
        long micros = v[2] instanceof java.time.Duration d ? dev.sluice.vector.Intervals.toMicros(d) : 0;
        if (months == 0 && micros == 0) throw FnArgs.badInput("sequence", "the step must not be zero");
        boolean up = months > 0 || micros > 0;
        if (up ? start.isAfter(stop) : start.isBefore(stop)) {
            throw FnArgs.badInput("sequence", "illegal sequence boundaries: " + v[0] + " to " + v[1] + " by " + v[2]);
        }
        List<Object> out = new ArrayList<>();
        for (long i = 0; ; i++) {
            java.time.LocalDateTime x = start.plusMonths(months * i).plusNanos(Math.multiplyExact(micros * i, 1000L));
            if (up ? x.isAfter(stop) : x.isBefore(stop)) break;
            if (out.size() >= 1 << 24) throw FnArgs.badInput("sequence", "too many elements");
            if (t.equals(DataTypes.DATE)) out.add(x.toLocalDate());
            else if (t.equals(DataTypes.TIMESTAMP)) out.add(x.atZone(zone).toInstant());
            else out.add(x);
        }
        return out;
    }

    private static java.time.LocalDateTime wall(Object v, java.time.ZoneId zone) {
        if (v instanceof java.time.LocalDate d) return d.atStartOfDay();
        if (v instanceof java.time.LocalDateTime l) return l;
        return java.time.LocalDateTime.ofInstant((java.time.Instant) v, zone);
    }

    static Signature bindZip(String fn, List<Expression> args) {
        List<DataType> types = new ArrayList<>();
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            ArrayType a = arrayArg(fn, args, i);
            types.add(a);
            fields.add(new StructField(fieldName(args.get(i), i), a.elementType(), true));
        }
        return new Signature(types, new ArrayType(new StructType(fields), false), true);
    }

    /** Spark names a zipped field after a column argument, else by position ("0", "1"). */
    static String fieldName(Expression e, int i) {
        if (e instanceof dev.sluice.expr.ColumnRef c) return c.name();
        if (e instanceof dev.sluice.expr.UnresolvedColumn u) return u.nameParts().get(u.nameParts().size() - 1);
        return String.valueOf(i);
    }

    static Object zip(Object[] v, Signature s) {
        int n = 0;
        for (Object o : v) {
            if (o == null) return null;
            n = Math.max(n, list(o).size());
        }
        StructType st = (StructType) ((ArrayType) s.resultType()).elementType();
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Object[] row = new Object[v.length];
            for (int k = 0; k < v.length; k++) row[k] = i < list(v[k]).size() ? list(v[k]).get(i) : null;
            out.add(new Row(st, row));
        }
        return out;
    }
}
