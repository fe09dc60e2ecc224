package dev.sluice.expr.fn;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.NullType;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.DecimalVector;
import dev.sluice.vector.DoubleVector;
import dev.sluice.vector.FloatVector;
import dev.sluice.vector.IntVector;
import dev.sluice.vector.LongDecimals;
import dev.sluice.vector.LongVector;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * round (HALF_UP), bround (HALF_EVEN), floor and ceil, with Spark's result types:
 * <ul>
 * <li>round/bround keep int, bigint, float and double (strings read as double); a decimal(p, s) rounded to d
 *     places becomes decimal(p - s + 1 + min(s, d), min(s, d)), or decimal(max(p - s + 1, 1 - d), 0) for d < 0.
 *     Doubles round through their shortest decimal text ({@code Double.toString}), so {@code round(1.005, 2)}
 *     is 1.01 as in Spark. Overflow is ARITHMETIC_OVERFLOW (integers) or NUMERIC_VALUE_OUT_OF_RANGE (decimals).</li>
 * <li>floor/ceil of a number give bigint (doubles saturate: NaN gives 0, as Spark's cast to long), of a
 *     decimal(p, s) give decimal(p - s + 1, 0); with a scale argument the value is read as a decimal (double as
 *     decimal(30,15)) and rounded as round does, towards -∞ or +∞.</li>
 * </ul>
 * The scale must be a constant int (INVALID_ARGUMENT otherwise); a NULL scale gives NULL.
 */
public final class RoundingFunctions {
    private RoundingFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(new Round("round", RoundingMode.HALF_UP), new Round("bround", RoundingMode.HALF_EVEN),
                new FloorCeil("floor", "FLOOR", RoundingMode.FLOOR), new FloorCeil("ceil", "CEIL", RoundingMode.CEILING),
                new FloorCeil("ceiling", "ceiling", RoundingMode.CEILING));
    }

    /** The bound scale: null when the scale argument is NULL (every row is NULL). */
    record Scale(Integer value) {}

    static Scale scale(String fn, List<Expression> args) {
        if (args.size() < 2) return new Scale(0);
        FnArgs.expect(fn, args, 1, DataTypes.INT);
        Object v = FnArgs.constant(args.get(1), DataTypes.INT);
        if (v == FnArgs.NOT_CONSTANT) throw FnArgs.invalid(fn, "the scale must be a constant");
        return new Scale((Integer) v);
    }

    /** Spark's RoundBase result type for a decimal rounded to {@code scale} places. */
    static DecimalType roundedDecimal(DecimalType d, int scale) {
        int integral = d.precision() - d.scale() + 1;
        if (scale < 0) return new DecimalType(Math.min(Math.max(integral, 1 - scale), DecimalType.MAX_PRECISION), 0);
        int s = Math.min(d.scale(), scale);
        return new DecimalType(Math.min(integral + s, DecimalType.MAX_PRECISION), s);
    }

    record Round(String name, RoundingMode mode) implements ScalarFunction {
        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name, args, 1, 2);
            DataType t = FnArgs.numeric(name, args, 0, DataTypes.DOUBLE);
            Scale scale = scale(name, args);
            DataType result = t instanceof DecimalType d && scale.value() != null ? roundedDecimal(d, scale.value()) : t;
            List<DataType> types = args.size() == 1 ? List.of(t) : List.of(t, DataTypes.INT);
            return new Signature(types, result, true, scale);
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            Integer s = ((Scale) signature.state()).value();
            return roundAll(args[0], rows, s, mode, signature.resultType());
        }

        @Override public String sql(List<Expression> args) {
            return args.size() == 1 ? name + "(" + args.get(0).sql() + ", 0)" : FnArgs.call(name, args);
        }
    }

    static ColumnVector roundAll(ColumnVector in, int rows, Integer scale, RoundingMode mode, DataType result) {
        if (result instanceof IntegerType) {
            IntVector out = new IntVector(result, rows);
            for (int i = 0; i < rows; i++) {
                if (in.isNull(i) || scale == null) out.appendNull();
                else out.append((int) checkedInt(roundLong(in.getInt(i), scale, mode, "int"), "int"));
            }
            return out;
        }
        if (result instanceof LongType) {
            LongVector out = new LongVector(result, rows);
            for (int i = 0; i < rows; i++) {
                if (in.isNull(i) || scale == null) out.appendNull();
                else out.append(roundLong(in.getLong(i), scale, mode, "bigint"));
            }
            return out;
        }
        if (result instanceof DoubleType) {
            DoubleVector out = new DoubleVector(result, rows);
            for (int i = 0; i < rows; i++) {
                if (in.isNull(i) || scale == null) {
                    out.appendNull();
                    continue;
                }
                double d = in.getDouble(i);
                out.append(Double.isNaN(d) || Double.isInfinite(d) ? d : new BigDecimal(Double.toString(d)).setScale(scale, mode).doubleValue());
            }
            return out;
        }
        if (result instanceof FloatType) {
            FloatVector out = new FloatVector(result, rows);
            for (int i = 0; i < rows; i++) {
                if (in.isNull(i) || scale == null) {
                    out.appendNull();
                    continue;
                }
                float f = in.getFloat(i);
                out.append(Float.isNaN(f) || Float.isInfinite(f) ? f : new BigDecimal(Float.toString(f)).setScale(scale, mode).floatValue());
            }
            return out;
        }
        if (result instanceof DecimalType d) {
            DecimalVector out = new DecimalVector(d, rows);
            int from = in.type() instanceof DecimalType t && t.fitsInLong() ? t.scale() : -1;   // unscaled longs
            for (int i = 0; i < rows; i++) {
                if (in.isNull(i) || scale == null) {
                    out.appendNull();
                    continue;
                }
                long r = from < 0 ? NOT_ROUNDED : roundUnscaled(in.getLong(i), from, scale, mode, d);
                if (r != NOT_ROUNDED) out.appendUnscaled(r);
                else out.append(roundDecimal(in.getDecimal(i), scale, mode, d));
            }
            return out;
        }
        if (result instanceof NullType) return dev.sluice.vector.ConstantVector.of(result, null, rows);
        throw dev.sluice.error.SluiceException.internal("round of " + result);
    }

    /** A decimal rounded to {@code scale} places at the scale of {@code d}; NUMERIC_VALUE_OUT_OF_RANGE past it. */
    private static BigDecimal roundDecimal(BigDecimal value, int scale, RoundingMode mode, DecimalType d) {
        BigDecimal r = value.setScale(scale, mode).setScale(d.scale(), RoundingMode.UNNECESSARY);
        if (r.precision() - r.scale() > d.precision() - d.scale() && r.signum() != 0) {
            throw SluiceException.of(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE).with("value", r.toPlainString())
                    .with("type", "Decimal(" + d.precision() + ", " + d.scale() + ")").build();
        }
        return r;
    }

    /** What {@link #roundUnscaled} returns for a value it leaves to {@link #roundDecimal}. */
    private static final long NOT_ROUNDED = Long.MIN_VALUE;

    /**
     * {@link #roundDecimal} on the unscaled long {@code x} at scale {@code from} (at most 18 digits): the unscaled
     * result at the scale of {@code d}, or {@link #NOT_ROUNDED} when a step leaves a long or the result does not
     * fit {@code d} (the BigDecimal path then gives the value or the error).
     */
    static long roundUnscaled(long x, int from, int scale, RoundingMode mode, DecimalType d) {
        if (scale >= from) return x;   // nothing dropped; d's scale is from
        if (from - scale > 18 || -scale > 18) return NOT_ROUNDED;
        long r = LongDecimals.divide(x, POWERS[from - scale], mode);   // at scale `scale`
        if (scale < 0) {   // d's scale is 0
            long up = POWERS[-scale];
            if (Math.abs(r) > Long.MAX_VALUE / up) return NOT_ROUNDED;
            r *= up;
        }
        return d.fitsInLong() && !LongDecimals.fits(r, d.precision()) ? NOT_ROUNDED : r;
    }

    /** An integer rounded to {@code scale} decimal places (only negative scales change it). */
    static long roundLong(long x, int scale, RoundingMode mode, String type) {
        if (scale >= 0) return x;
        if (scale < -18) {
            BigDecimal r = BigDecimal.valueOf(x).setScale(scale, mode);
            try {
                return r.longValueExact();
            } catch (ArithmeticException e) {
                throw overflow(type);
            }
        }
        long f = POWERS[-scale];
        long q = x / f, r = x % f;
        long twice = Math.abs(r) * 2;   // |r| < f <= 1e18, so twice fits
        boolean up = mode == RoundingMode.HALF_UP ? twice >= f : twice > f || (twice == f && (q & 1) != 0);
        if (up) q += x < 0 ? -1 : 1;
        try {
            return Math.multiplyExact(q, f);
        } catch (ArithmeticException e) {
            throw overflow(type);
        }
    }

    private static long checkedInt(long v, String type) {
        if (v != (int) v) throw overflow(type);
        return v;
    }

    private static SluiceException overflow(String type) {
        return SluiceException.of(ErrorCode.ARITHMETIC_OVERFLOW).with("operation", "round").with("type", type).build();
    }

    private static final long[] POWERS = new long[19];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) POWERS[i] = POWERS[i - 1] * 10;
    }

    /** floor / ceil, with an optional constant scale. */
    record FloorCeil(String name, String sqlName, RoundingMode mode) implements ScalarFunction {
        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name, args, 1, 2);
            DataType t = FnArgs.numeric(name, args, 0, DataTypes.DOUBLE);
            if (args.size() == 1) {
                if (t instanceof DecimalType d) {
                    DecimalType r = d.scale() == 0 ? d : new DecimalType(Math.min(d.precision() - d.scale() + 1, DecimalType.MAX_PRECISION), 0);
                    return new Signature(List.of(d), r, args.get(0).nullable());
                }
                DataType in = t instanceof IntegerType || t instanceof LongType ? DataTypes.LONG : DataTypes.DOUBLE;
                return new Signature(List.of(in), DataTypes.LONG, FnArgs.nullableAs(args.get(0), in));
            }
            DecimalType d = t instanceof DecimalType dt ? dt : t instanceof IntegerType ? new DecimalType(10, 0)
                    : t instanceof LongType ? new DecimalType(20, 0) : t instanceof FloatType ? new DecimalType(14, 7) : new DecimalType(30, 15);
            Scale scale = scale(name, args);
            DataType result = scale.value() == null ? d : roundedDecimal(d, scale.value());
            return new Signature(List.of(d, DataTypes.INT), result, true, scale);
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            if (args.length == 2) return roundAll(args[0], rows, ((Scale) signature.state()).value(), mode, signature.resultType());
            ColumnVector in = args[0];
            if (signature.resultType() instanceof DecimalType) return roundAll(in, rows, 0, mode, signature.resultType());
            LongVector out = new LongVector(DataTypes.LONG, rows);
            boolean integral = in.type() instanceof LongType;
            boolean floor = mode == RoundingMode.FLOOR;
            for (int i = 0; i < rows; i++) {
                if (in.isNull(i)) out.appendNull();
                else if (integral) out.append(in.getLong(i));
                else out.append((long) (floor ? Math.floor(in.getDouble(i)) : Math.ceil(in.getDouble(i))));
            }
            return out;
        }

        @Override public String sql(List<Expression> args) { return FnArgs.call(args.size() == 1 ? sqlName : name, args); }
    }
}
