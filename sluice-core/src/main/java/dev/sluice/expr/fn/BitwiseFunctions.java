package dev.sluice.expr.fn;

import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.LongType;

import java.util.ArrayList;
import java.util.List;

import static dev.sluice.types.DataTypes.INT;
import static dev.sluice.types.DataTypes.LONG;

/**
 * Bits of integers: the operators {@code & | ^ ~} under their registry names, shiftleft/shiftright/
 * shiftrightunsigned (int stays int, bigint stays bigint), bit_count, bit_get/getbit, and factorial and
 * width_bucket. Integral arguments only, as Spark.
 */
public final class BitwiseFunctions {
    private BitwiseFunctions() {}

    public static List<ScalarFunction> all() {
        List<ScalarFunction> out = new ArrayList<>();
        out.add(RowFunction.of("&", BitwiseFunctions::bindIntegral, (v, s) -> op(s, v, (a, b) -> a & b)));
        out.add(RowFunction.of("|", BitwiseFunctions::bindIntegral, (v, s) -> op(s, v, (a, b) -> a | b)));
        out.add(RowFunction.of("^", BitwiseFunctions::bindIntegral, (v, s) -> op(s, v, (a, b) -> a ^ b)));
        out.add(new RowFunction("~", BitwiseFunctions::bindIntegral, (v, s) -> s.resultType() instanceof LongType ? ~(Long) v[0] : (Object) ~(Integer) v[0], true));
        out.add(shift("shiftleft", (a, n, isLong) -> isLong ? a << n : (long) ((int) a << n)));
        out.add(shift("shiftright", (a, n, isLong) -> isLong ? a >> n : (long) ((int) a >> n)));
        out.add(shift("shiftrightunsigned", (a, n, isLong) -> isLong ? a >>> n : (long) ((int) a >>> n)));
        // the operators' own names (Spark 4's registry has them), printed infix (SparkCallText)
        out.add(shift("<<", (a, n, isLong) -> isLong ? a << n : (long) ((int) a << n)));
        out.add(shift(">>", (a, n, isLong) -> isLong ? a >> n : (long) ((int) a >> n)));
        out.add(shift(">>>", (a, n, isLong) -> isLong ? a >>> n : (long) ((int) a >>> n)));
        out.add(RowFunction.of("bit_count", BitwiseFunctions::bindCount, v -> v[0] instanceof Boolean b ? (b ? 1 : 0) : Long.bitCount(((Number) v[0]).longValue())));
        for (String n : List.of("bit_get", "getbit")) {
            out.add(RowFunction.of(n, RowFunction.typed(INT, LONG, INT), v -> {
                int pos = (Integer) v[1];
                if (pos < 0 || pos > 63) throw FnArgs.badInput(n, "invalid bit position: " + pos + " is " + (pos < 0 ? "less than zero" : "exceeds the bit upper limit"));
                return (int) (((Long) v[0] >> pos) & 1);
            }));
        }
        out.add(RowFunction.of("factorial", RowFunction.typed(LONG, INT), v -> {
            int n = (Integer) v[0];
            if (n < 0 || n > 20) return null;
            long f = 1;
            for (int i = 2; i <= n; i++) f *= i;
            return f;
        }));
        RowFunction.Binder numbers = RowFunction.typed(LONG, DataTypes.DOUBLE, DataTypes.DOUBLE, DataTypes.DOUBLE, LONG);
        // Spark also buckets intervals of one family (months or microseconds)
        RowFunction.Binder binder = (fn, args) -> {
            DataType t = args.get(0).dataType();
            if (args.size() == 4 && t.isInterval()) {
                DataType common = dev.sluice.expr.TypeCoercion.commonType(List.of(t, args.get(1).dataType(), args.get(2).dataType()))
                        .filter(DataType::isInterval).orElseThrow(() -> FnArgs.mismatch(fn, args, 1, "an interval like the value"));
                return new dev.sluice.expr.Signature(List.of(common, common, common, FnArgs.expect(fn, args, 3, LONG)), LONG, true);
            }
            return numbers.bind(fn, args);
        };
        out.add(RowFunction.of("width_bucket", binder,
                v -> widthBucket(intervalNumber(v[0]), intervalNumber(v[1]), intervalNumber(v[2]), (Long) v[3])));
        return out;
    }

    /** A number, or an interval's months or microseconds, as a double. */
    static double intervalNumber(Object v) {
        if (v instanceof java.time.Period p) return p.toTotalMonths();
        if (v instanceof java.time.Duration d) return dev.sluice.vector.Intervals.toMicros(d);
        return (Double) v;
    }

    interface LongOp { long apply(long a, long b); }

    interface ShiftOp { long apply(long a, int n, boolean isLong); }

    static Object op(Signature s, Object[] v, LongOp op) {
        long r = op.apply(((Number) v[0]).longValue(), ((Number) v[1]).longValue());
        return s.resultType() instanceof LongType ? (Object) r : (Object) (int) r;
    }

    /** int unless an argument is bigint. */
    static Signature bindIntegral(String fn, List<Expression> args) {
        FnArgs.arity(fn, args, fn.equals("~") ? 1 : 2, fn.equals("~") ? 1 : 2);
        DataType t = INT;
        for (int i = 0; i < args.size(); i++) {
            DataType a = args.get(i).dataType();
            if (a instanceof LongType) t = LONG;
            else if (!(a instanceof dev.sluice.types.IntegerType) && !(a instanceof dev.sluice.types.NullType)) throw FnArgs.mismatch(fn, args, i, "an integral value");
        }
        List<DataType> types = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) types.add(t);
        return new Signature(types, t, true);
    }

    static Signature bindCount(String fn, List<Expression> args) {
        FnArgs.arity(fn, args, 1, 1);
        DataType a = args.get(0).dataType();
        DataType t = a instanceof dev.sluice.types.BooleanType ? a : a instanceof dev.sluice.types.IntegerType ? INT : FnArgs.expect(fn, args, 0, LONG);
        return new Signature(List.of(t), INT, true);
    }

    static ScalarFunction shift(String name, ShiftOp op) {
        return RowFunction.of(name, (fn, args) -> {
            FnArgs.arity(fn, args, 2, 2);
            DataType t = args.get(0).dataType() instanceof LongType ? LONG : FnArgs.expect(fn, args, 0, INT);
            return new Signature(List.of(t, FnArgs.expect(fn, args, 1, INT)), t, true);
        }, (v, s) -> {
            boolean isLong = s.resultType() instanceof LongType;
            long r = op.apply(((Number) v[0]).longValue(), (Integer) v[1], isLong);
            return isLong ? (Object) r : (Object) (int) r;
        });
    }

    /** Spark's WidthBucket: 0 below the range, n+1 above, NULL for a bad range or bucket count. */
    static Long widthBucket(double value, double min, double max, long n) {
        if (n <= 0 || n == Long.MAX_VALUE || Double.isNaN(value) || min == max || Double.isNaN(min) || Double.isInfinite(min)
                || Double.isNaN(max) || Double.isInfinite(max)) return null;
        double lower = Math.min(min, max), upper = Math.max(min, max);
        if (min < max) {
            if (value < lower) return 0L;
            if (value >= upper) return n + 1;
        } else {
            if (value > upper) return 0L;
            if (value <= lower) return n + 1;
        }
        return (long) ((n * (value - min)) / (max - min)) + 1L;
    }
}
