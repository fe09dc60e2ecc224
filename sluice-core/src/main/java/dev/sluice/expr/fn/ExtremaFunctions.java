package dev.sluice.expr.fn;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Arithmetic;
import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.expr.TypeCoercion;
import dev.sluice.expr.ValueComparator;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.MapType;
import dev.sluice.types.StringType;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.DecimalVector;
import dev.sluice.vector.DoubleVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.FloatVector;
import dev.sluice.vector.IntVector;
import dev.sluice.vector.LongDecimals;
import dev.sluice.vector.LongVector;
import dev.sluice.vector.Vectors;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * greatest / least (NULLs skipped, NaN above every number, the first of equal values kept so
 * {@code greatest(-0.0, 0.0)} is -0.0) and pmod (the positive remainder, with the operand types of {@code %};
 * a zero divisor is DIVIDE_BY_ZERO for every type, as Spark's REMAINDER_BY_ZERO under ANSI).
 */
public final class ExtremaFunctions {
    private ExtremaFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(new Extremum("greatest", true), new Extremum("least", false), new Pmod());
    }

    /**
     * greatest/least need two or more arguments of one type after widening without string promotion
     * ({@code greatest(1, '2')} is TYPE_MISMATCH, {@code greatest(1, 2.5)} is decimal(11,1)).
     */
    record Extremum(String name, boolean greatest) implements ScalarFunction {
        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name, args, 2, Integer.MAX_VALUE);
            boolean strings = false, others = false;
            List<DataType> types = new ArrayList<>();
            for (Expression a : args) {
                DataType t = a.dataType();
                types.add(t);
                if (t instanceof StringType) strings = true;
                else if (!t.equals(DataTypes.NULL)) others = true;
                if (t instanceof MapType) throw FnArgs.mismatch(name, args, types.size() - 1, "an orderable type");
            }
            DataType common = strings && others ? null : TypeCoercion.commonType(types).orElse(null);
            if (common == null) {
                throw SluiceException.of(ErrorCode.TYPE_MISMATCH).with("expression", FnArgs.call(name, args))
                        .with("expected", "arguments of one type")
                        .with("actual", String.join(", ", types.stream().map(DataType::simpleString).toList())).build();
            }
            boolean nullable = true;
            for (Expression a : args) nullable &= a.nullable();
            List<DataType> argTypes = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) argTypes.add(common);
            return new Signature(argTypes, common, nullable);
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            DataType t = signature.resultType();
            if (t instanceof DoubleType) return doubles(args, rows);
            FlatVector out = Vectors.allocate(t, rows);
            for (int i = 0; i < rows; i++) {
                int best = -1;
                for (int k = 0; k < args.length; k++) {
                    if (args[k].isNull(i)) continue;
                    if (best < 0) {
                        best = k;
                        continue;
                    }
                    int c = ValueComparator.compare(t, args[k], i, args[best], i);
                    if (greatest ? c > 0 : c < 0) best = k;
                }
                if (best < 0) out.appendNull();
                else out.appendFrom(args[best], i);
            }
            return out;
        }

        /** The common double case without per-row dispatch on the type. */
        private DoubleVector doubles(ColumnVector[] args, int rows) {
            DoubleVector out = new DoubleVector(DataTypes.DOUBLE, rows);
            for (int i = 0; i < rows; i++) {
                boolean found = false;
                double best = 0;
                for (ColumnVector a : args) {
                    if (a.isNull(i)) continue;
                    double v = a.getDouble(i);
                    if (!found) {
                        best = v;
                        found = true;
                    } else if (v != best && (greatest ? Double.compare(v, best) > 0 : Double.compare(v, best) < 0)) {
                        best = v;   // v != best keeps the first of -0.0 and 0.0, as Spark
                    }
                }
                if (found) out.append(best);
                else out.appendNull();
            }
            return out;
        }
    }

    /** The scale of a decimal column held as unscaled longs, or -1. */
    private static int compactScale(ColumnVector v) {
        return v.type() instanceof DecimalType t && t.fitsInLong() ? t.scale() : -1;
    }

    /**
     * The decimal pmod's BigDecimal formula on unscaled longs: both operands at the larger scale, the remainder
     * moved up once when negative, then at the result scale; ArithmeticException where a step leaves a long or
     * the divisor is zero.
     */
    static long unscaledPmod(long x, int sx, long y, int sy, int resultScale) {
        int scale = Math.max(sx, sy);
        long xm = LongDecimals.rescale(x, sx, scale), ym = LongDecimals.rescale(y, sy, scale);
        if (ym == 0) throw new ArithmeticException("by zero");
        long r = xm % ym;
        if (r < 0) r = Math.addExact(r, ym) % ym;
        return LongDecimals.rescale(r, scale, resultScale);
    }

    /** {@code pmod(a, n)}: {@code a % n}, moved into [0, |n|) by adding n once when negative (Spark's formula). */
    record Pmod() implements ScalarFunction {
        @Override public String name() { return "pmod"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 2, 2);
            TypeCoercion.ArithmeticTypes t = TypeCoercion.arithmetic(Arithmetic.Op.REMAINDER, args.get(0), args.get(1))
                    .orElseThrow(() -> FnArgs.mismatch(name(), args, 1, "numeric operands"));
            return new Signature(List.of(t.left(), t.right()), t.result(), true);
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            ColumnVector a = args[0], n = args[1];
            DataType t = signature.resultType();
            if (t instanceof IntegerType) {
                IntVector out = new IntVector(t, rows);
                for (int i = 0; i < rows; i++) {
                    if (a.isNull(i) || n.isNull(i)) {
                        out.appendNull();
                        continue;
                    }
                    int x = a.getInt(i), y = n.getInt(i);
                    if (y == 0) throw byZero();
                    int r = x % y;
                    out.append(r < 0 ? (r + y) % y : r);
                }
                return out;
            }
            if (t instanceof LongType) {
                LongVector out = new LongVector(t, rows);
                for (int i = 0; i < rows; i++) {
                    if (a.isNull(i) || n.isNull(i)) {
                        out.appendNull();
                        continue;
                    }
                    long x = a.getLong(i), y = n.getLong(i);
                    if (y == 0) throw byZero();
                    long r = x % y;
                    out.append(r < 0 ? (r + y) % y : r);
                }
                return out;
            }
            if (t instanceof DoubleType) {
                DoubleVector out = new DoubleVector(t, rows);
                for (int i = 0; i < rows; i++) {
                    if (a.isNull(i) || n.isNull(i)) {
                        out.appendNull();
                        continue;
                    }
                    double x = a.getDouble(i), y = n.getDouble(i);
                    if (y == 0) throw byZero();
                    double r = x % y;
                    out.append(r < 0 ? (r + y) % y : r);
                }
                return out;
            }
            if (t instanceof FloatType) {
                FloatVector out = new FloatVector(t, rows);
                for (int i = 0; i < rows; i++) {
                    if (a.isNull(i) || n.isNull(i)) {
                        out.appendNull();
                        continue;
                    }
                    float x = a.getFloat(i), y = n.getFloat(i);
                    if (y == 0) throw byZero();
                    float r = x % y;
                    out.append(r < 0 ? (r + y) % y : r);
                }
                return out;
            }
            DecimalType d = (DecimalType) t;
            DecimalVector out = new DecimalVector(d, rows);
            int sx = compactScale(a), sy = compactScale(n);
            for (int i = 0; i < rows; i++) {
                if (a.isNull(i) || n.isNull(i)) {
                    out.appendNull();
                    continue;
                }
                if (sx >= 0 && sy >= 0) {
                    try {
                        out.appendUnscaled(unscaledPmod(a.getLong(i), sx, n.getLong(i), sy, d.scale()));
                        continue;
                    } catch (ArithmeticException e) {
                        // beyond a long on the way, or a zero divisor: the BigDecimal path below decides
                    }
                }
                BigDecimal x = a.getDecimal(i), y = n.getDecimal(i);
                if (y.signum() == 0) throw byZero();
                BigDecimal r = x.remainder(y);
                out.append((r.signum() < 0 ? r.add(y).remainder(y) : r).setScale(d.scale(), java.math.RoundingMode.HALF_UP));
            }
            return out;
        }

        private static SluiceException byZero() { return SluiceException.of(ErrorCode.DIVIDE_BY_ZERO).build(); }
    }
}
