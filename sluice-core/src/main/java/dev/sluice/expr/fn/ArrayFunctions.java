package dev.sluice.expr.fn;

import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.expr.ValueComparator;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.types.MapType;
import dev.sluice.types.NullType;
import dev.sluice.vector.ArrayVector;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Array transforms: array_distinct (first occurrences, NaN equal to NaN but -0.0 distinct from 0.0, as Spark's
 * hash set), sort_array (stable; NULLs first ascending, last descending; NaN highest; -0.0 equal to 0.0),
 * array_join (NULL elements skipped or replaced), flatten (NULL if any inner array is NULL) and slice
 * (1-based start, negative from the end; start 0 or a negative length is INVALID_ARGUMENT).
 */
public final class ArrayFunctions {
    private ArrayFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(new ArrayDistinct(), new SortArray(), new ArrayJoin(), new Flatten(), new Slice());
    }

    static ArrayType array(String fn, List<Expression> args, int i) {
        DataType t = args.get(i).dataType();
        if (t instanceof NullType) return new ArrayType(DataTypes.NULL, true);
        if (!(t instanceof ArrayType a)) throw FnArgs.mismatch(fn, args, i, "an array");
        return a;
    }

    record ArrayDistinct() implements ScalarFunction {
        @Override public String name() { return "array_distinct"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 1, 1);
            ArrayType t = array(name(), args, 0);
            if (t.elementType() instanceof MapType) throw FnArgs.mismatch(name(), args, 0, "an array of comparable elements");
            return new Signature(List.of(args.get(0).dataType()), t, args.get(0).nullable());
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            ColumnVector in = args[0];
            ArrayVector out = (ArrayVector) Vectors.allocate(signature.resultType(), rows);
            if (in.type() instanceof NullType) return nulls(out, rows);
            DataType et = ((ArrayType) signature.argumentTypes().get(0)).elementType();   // the collation is in the signature's type
            ColumnVector e = in.elements();
            FlatVector elements = out.writableElements();
            for (int i = 0; i < rows; i++) {
                if (in.isNull(i)) {
                    out.appendNull();
                    continue;
                }
                int start = elements.size();
                boolean nullSeen = false;
                for (int k = in.arrayOffset(i), end = k + in.arrayLength(i); k < end; k++) {
                    if (e.isNull(k)) {
                        if (!nullSeen) elements.appendNull();
                        nullSeen = true;
                        continue;
                    }
                    boolean dup = false;
                    for (int j = start; j < elements.size() && !dup; j++) dup = !elements.isNull(j) && same(et, elements, j, e, k);
                    if (!dup) elements.appendFrom(e, k);
                }
                out.finishRow();
            }
            return out;
        }

        /** Spark's hash-set equality: floating values by their bits (NaN canonical), the rest by ordering. */
        private static boolean same(DataType t, ColumnVector a, int i, ColumnVector b, int j) {
            if (t instanceof DoubleType) return Double.doubleToLongBits(a.getDouble(i)) == Double.doubleToLongBits(b.getDouble(j));
            if (t instanceof FloatType) return Float.floatToIntBits(a.getFloat(i)) == Float.floatToIntBits(b.getFloat(j));
            return ValueComparator.compare(t, a, i, b, j) == 0;
        }
    }

    static ArrayVector nulls(ArrayVector out, int rows) {
        for (int i = 0; i < rows; i++) out.appendNull();
        return out;
    }

    /** {@code sort_array(arr[, asc])}; asc must be a constant boolean (NULL gives NULL). */
    record SortArray() implements ScalarFunction {
        @Override public String name() { return "sort_array"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 1, 2);
            ArrayType t = array(name(), args, 0);
            if (t.elementType() instanceof MapType) throw FnArgs.mismatch(name(), args, 0, "an array of orderable elements");
            Object asc = Boolean.TRUE;
            if (args.size() == 2) {
                FnArgs.expect(name(), args, 1, DataTypes.BOOLEAN);
                asc = FnArgs.constant(args.get(1), DataTypes.BOOLEAN);
                if (asc == FnArgs.NOT_CONSTANT) throw FnArgs.invalid(name(), "the sort order must be a constant boolean");
            }
            List<DataType> types = args.size() == 1 ? List.of(args.get(0).dataType()) : List.of(args.get(0).dataType(), DataTypes.BOOLEAN);
            return new Signature(types, t, args.get(0).nullable() || asc == null, asc);
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            ColumnVector in = args[0];
            ArrayVector out = (ArrayVector) Vectors.allocate(signature.resultType(), rows);
            Boolean asc = (Boolean) signature.state();
            if (in.type() instanceof NullType || asc == null) return nulls(out, rows);
            DataType et = ((ArrayType) signature.argumentTypes().get(0)).elementType();   // the collation is in the signature's type
            ColumnVector e = in.elements();
            Comparator<Integer> order = (x, y) -> ValueComparator.compareNullable(et, e, x, e, y);
            if (!asc) order = order.reversed();
            FlatVector elements = out.writableElements();
            for (int i = 0; i < rows; i++) {
                if (in.isNull(i)) {
                    out.appendNull();
                    continue;
                }
                Integer[] idx = new Integer[in.arrayLength(i)];
                for (int k = 0; k < idx.length; k++) idx[k] = in.arrayOffset(i) + k;
                Arrays.sort(idx, order);   // a stable merge sort, as Spark's
                for (Integer k : idx) elements.appendFrom(e, k);
                out.finishRow();
            }
            return out;
        }

        @Override public String sql(List<Expression> args) {
            return args.size() == 1 ? "sort_array(" + args.get(0).sql() + ", true)" : FnArgs.call(name(), args);
        }
    }

    /** {@code array_join(arr, delimiter[, nullReplacement])}: elements are cast to string. */
    record ArrayJoin() implements ScalarFunction {
        @Override public String name() { return "array_join"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 2, 3);
            array(name(), args, 0);
            List<DataType> types = new ArrayList<>();
            types.add(FnArgs.expect(name(), args, 0, DataTypes.array(DataTypes.STRING)));
            for (int i = 1; i < args.size(); i++) types.add(FnArgs.expect(name(), args, i, DataTypes.STRING));
            return new Signature(types, DataTypes.STRING, FnArgs.anyNullable(args));
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            BytesVector out = StringFunctions.strings(rows);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < rows; i++) {
                if (StringFunctions.anyNull(args, i)) {
                    out.appendNull();
                    continue;
                }
                ColumnVector arr = args[0], e = arr.elements();
                String delimiter = args[1].getString(i), replacement = args.length == 3 ? args[2].getString(i) : null;
                sb.setLength(0);
                boolean first = true;
                for (int k = arr.arrayOffset(i), end = k + arr.arrayLength(i); k < end; k++) {
                    String s = e.isNull(k) ? replacement : e.getString(k);
                    if (s == null) continue;
                    if (!first) sb.append(delimiter);
                    sb.append(s);
                    first = false;
                }
                out.append(sb.toString());
            }
            return out;
        }
    }

    record Flatten() implements ScalarFunction {
        @Override public String name() { return "flatten"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 1, 1);
            if (!(args.get(0).dataType() instanceof ArrayType outer) || !(outer.elementType() instanceof ArrayType inner)) {
                throw FnArgs.mismatch(name(), args, 0, "an array of arrays");
            }
            return new Signature(List.of(outer), inner, args.get(0).nullable() || outer.containsNull());
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            ColumnVector in = args[0], inner = in.elements(), values = inner.elements();
            ArrayVector out = (ArrayVector) Vectors.allocate(signature.resultType(), rows);
            FlatVector elements = out.writableElements();
            rows:
            for (int i = 0; i < rows; i++) {
                if (in.isNull(i)) {
                    out.appendNull();
                    continue;
                }
                int from = in.arrayOffset(i), to = from + in.arrayLength(i);
                for (int k = from; k < to; k++) {
                    if (inner.isNull(k)) {
                        out.appendNull();
                        continue rows;
                    }
                }
                for (int k = from; k < to; k++) {
                    for (int j = inner.arrayOffset(k), end = j + inner.arrayLength(k); j < end; j++) elements.appendFrom(values, j);
                }
                out.finishRow();
            }
            return out;
        }
    }

    /** {@code slice(arr, start, length)}. */
    record Slice() implements ScalarFunction {
        @Override public String name() { return "slice"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 3, 3);
            ArrayType t = array(name(), args, 0);
            return new Signature(List.of(args.get(0).dataType(), FnArgs.expect(name(), args, 1, DataTypes.INT), FnArgs.expect(name(), args, 2, DataTypes.INT)),
                    t, FnArgs.anyNullable(args) || FnArgs.nullableAs(args.get(1), DataTypes.INT) || FnArgs.nullableAs(args.get(2), DataTypes.INT));
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            ColumnVector in = args[0];
            ArrayVector out = (ArrayVector) Vectors.allocate(signature.resultType(), rows);
            if (in.type() instanceof NullType) return nulls(out, rows);
            FlatVector elements = out.writableElements();
            for (int i = 0; i < rows; i++) {
                if (StringFunctions.anyNull(args, i)) {
                    out.appendNull();
                    continue;
                }
                int start = args[1].getInt(i), length = args[2].getInt(i), size = in.arrayLength(i);
                if (start == 0) throw FnArgs.invalid(name(), "the start must be positive or negative, not 0 (indexes start at 1)");
                if (length < 0) throw FnArgs.invalid(name(), "the length must be >= 0, got " + length);
                int from = start > 0 ? start - 1 : size + start;
                if (from >= 0 && from < size) {
                    int to = (int) Math.min(size, (long) from + length);
                    for (int k = from; k < to; k++) elements.appendFrom(in.elements(), in.arrayOffset(i) + k);
                }
                out.finishRow();
            }
            return out;
        }
    }
}
