package dev.sluice.expr;

import dev.sluice.error.SluiceException;
import dev.sluice.types.BinaryType;
import dev.sluice.types.BooleanType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.TimestampType;
import dev.sluice.vector.BooleanVector;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.DecimalVector;
import dev.sluice.vector.LongDecimals;
import dev.sluice.vector.DoubleVector;
import dev.sluice.vector.FlatRows;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;
import dev.sluice.vector.FloatVector;
import dev.sluice.vector.IntVector;
import dev.sluice.vector.LongVector;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Casts from boolean, int, bigint, float, double and decimal. ANSI: narrowing to an integer truncates toward
 * zero and raises CAST_OVERFLOW out of range (NaN and infinities included); decimals round HALF_UP and raise
 * NUMERIC_VALUE_OUT_OF_RANGE when too wide; NaN or infinity to decimal is NULL in every mode, as in Spark.
 * LEGACY: integers wrap, floating point saturates (NaN → 0), decimal overflow is NULL.
 */
final class CastFromNumeric {
    private CastFromNumeric() {}

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    static FlatVector cast(ColumnVector in, CastContext ctx) {
        DataType from = ctx.from(), to = ctx.to();
        if (from instanceof DecimalType) return fromDecimal(in, ctx);
        if (from instanceof FloatType || from instanceof DoubleType) return fromFloating(in, ctx, from instanceof FloatType);
        if (from.isIntegral() || from instanceof BooleanType) return fromIntegral(in, ctx);
        throw SluiceException.internal("no numeric cast from " + from + " to " + to);
    }

    /** int, bigint and boolean (as 1/0): every value is read as a long. */
    private static FlatVector fromIntegral(ColumnVector in, CastContext ctx) {
        FlatVector widened = widenTyped(in, ctx.from(), ctx.to());
        return widened != null ? widened : fromIntegralPerRow(in, ctx);
    }

    /**
     * int to bigint or double, bigint to double: widenings that cannot fail, in one loop chosen for the batch over
     * the flat array below the vector's views ({@link FlatRows}); null for any other cast or a vector that does
     * not resolve. Same values as {@link #fromIntegralPerRow}.
     */
    static FlatVector widenTyped(ColumnVector in, DataType from, DataType to) {
        boolean fromInt = from instanceof IntegerType, fromLong = from instanceof LongType;
        boolean toDouble = to instanceof DoubleType, toLong = to instanceof LongType;
        if (!((fromInt && (toDouble || toLong)) || (fromLong && toDouble))) return null;
        FlatRows rows = FlatRows.of(in);
        if (rows == null || !(rows.base() instanceof IntVector || rows.base() instanceof LongVector)) return null;
        int n = rows.size();
        boolean nulls = !rows.noNulls();
        FlatVector out = Vectors.allocate(to, n);
        if (fromInt && toDouble && rows.base() instanceof IntVector base) {
            intsToDoubles(base.values(), rows, nulls, (DoubleVector) out, n);
        } else if (fromInt && rows.base() instanceof IntVector base) {
            intsToLongs(base.values(), rows, nulls, (LongVector) out, n);
        } else if (fromLong && rows.base() instanceof LongVector base) {
            longsToDoubles(base.values(), rows, nulls, (DoubleVector) out, n);
        } else {
            return null;
        }
        return out;
    }

    // The widening loops, each a method of its own: the JIT compiles a hot loop where it runs (on-stack
    // replacement, then the method), and a loop alone is a fraction of widenTyped with its tests and other loops.

    private static void intsToDoubles(int[] values, FlatRows rows, boolean nulls, DoubleVector o, int n) {
        for (int i = 0; i < n; i++) {
            if (nulls && rows.isNull(i)) o.appendNull();
            else o.append(values[rows.row(i)]);
        }
    }

    private static void intsToLongs(int[] values, FlatRows rows, boolean nulls, LongVector o, int n) {
        for (int i = 0; i < n; i++) {
            if (nulls && rows.isNull(i)) o.appendNull();
            else o.append(values[rows.row(i)]);
        }
    }

    private static void longsToDoubles(long[] values, FlatRows rows, boolean nulls, DoubleVector o, int n) {
        for (int i = 0; i < n; i++) {
            if (nulls && rows.isNull(i)) o.appendNull();
            else o.append((double) values[rows.row(i)]);
        }
    }

    /** Any integral or boolean source to any numeric target, per row. */
    static FlatVector fromIntegralPerRow(ColumnVector in, CastContext ctx) {
        DataType from = ctx.from(), to = ctx.to();
        boolean isBoolean = from instanceof BooleanType;
        boolean isInt = from.storesInt();
        return Kernels.mapNonNull(in, to, (i, out) -> {
            long v = isBoolean ? (in.getBoolean(i) ? 1 : 0) : isInt ? in.getInt(i) : in.getLong(i);
            if (to.storesInt() && to.isIntegral()) {
                if (fitsNarrow(v, to) || ctx.legacy()) ((IntVector) out).append(wrapNarrow(v, to));
                else ctx.overflow(out, sqlNumber(v, from));
            } else if (to instanceof LongType) {
                ((LongVector) out).append(v);
            } else if (to instanceof DoubleType) {
                ((DoubleVector) out).append((double) v);
            } else if (to instanceof FloatType) {
                ((FloatVector) out).append((float) v);
            } else if (to instanceof DecimalType d) {
                appendDecimal(v, 0, d, (DecimalVector) out, ctx);
            } else if (to instanceof BooleanType) {
                ((BooleanVector) out).append(v != 0);
            } else if (to instanceof TimestampType) {
                // booleans are one microsecond (legacy only); integers are seconds, saturating like TimeUnit
                ((LongVector) out).append(isBoolean ? v : secondsToMicros(v));
            } else if (to instanceof BinaryType) {
                ((BytesVector) out).append(bigEndian(v, from instanceof dev.sluice.types.ByteType ? 1
                        : from instanceof dev.sluice.types.ShortType ? 2 : isInt ? 4 : 8));
            } else {
                throw SluiceException.internal("no cast from " + from + " to " + to);
            }
        });
    }

    private static FlatVector fromFloating(ColumnVector in, CastContext ctx, boolean isFloat) {
        DataType to = ctx.to();
        // Spark checks floor/ceil against the bounds written in the source type: Int.MaxValue.toFloat is 2^31
        double intUpper = isFloat ? (float) Integer.MAX_VALUE : Integer.MAX_VALUE;
        double longUpper = (double) Long.MAX_VALUE;
        return Kernels.mapNonNull(in, to, (i, out) -> {
            double v = isFloat ? in.getFloat(i) : in.getDouble(i);
            if (to instanceof IntegerType) {
                if (ctx.legacy() || (Math.floor(v) <= intUpper && Math.ceil(v) >= Integer.MIN_VALUE)) {
                    ((IntVector) out).append((int) v);
                } else {
                    ctx.overflow(out, v);
                }
            } else if (to.storesInt() && to.isIntegral()) {
                // Spark: tinyint/smallint bounds checked on floor/ceil; legacy goes through int and wraps
                if (ctx.legacy() || (Math.floor(v) <= narrowMax(to) && Math.ceil(v) >= narrowMin(to))) {
                    ((IntVector) out).append(wrapNarrow((int) v, to));
                } else {
                    ctx.overflow(out, v);
                }
            } else if (to instanceof LongType) {
                if (ctx.legacy() || (Math.floor(v) <= longUpper && Math.ceil(v) >= (double) Long.MIN_VALUE)) {
                    ((LongVector) out).append((long) v);
                } else {
                    ctx.overflow(out, v);
                }
            } else if (to instanceof DoubleType) {
                ((DoubleVector) out).append(v);
            } else if (to instanceof FloatType) {
                ((FloatVector) out).append((float) v);
            } else if (to instanceof DecimalType d) {
                // Spark goes through the double's shortest decimal text (1.005D → 1.005 → 1.01); NaN and
                // infinities have none and give NULL in every mode
                if (Double.isNaN(v) || Double.isInfinite(v)) out.appendNull();
                else appendDecimal(new BigDecimal(Double.toString(v)), d, (DecimalVector) out, ctx);
            } else if (to instanceof BooleanType) {
                ((BooleanVector) out).append(v != 0);
            } else if (to instanceof TimestampType) {
                appendSecondsAsTimestamp(v, (LongVector) out, ctx);
            } else {
                throw SluiceException.internal("no cast from " + ctx.from() + " to " + to);
            }
        });
    }

    private static FlatVector fromDecimal(ColumnVector in, CastContext ctx) {
        DataType to = ctx.to();
        if (ctx.from() instanceof DecimalType d && d.fitsInLong()) {
            FlatVector out = fromLongDecimal(in, d.scale(), ctx);
            if (out != null) return out;
        }
        return Kernels.mapNonNull(in, to, (i, out) -> {
            BigDecimal v = in.getDecimal(i);
            if (to.isIntegral()) {
                BigInteger whole = v.toBigInteger();   // truncates toward zero
                boolean isInt = to.storesInt();
                if (ctx.legacy()) {
                    long wrapped = whole.longValue();   // low 64 bits, as BigDecimal.longValue
                    if (isInt) ((IntVector) out).append(wrapNarrow(wrapped, to));
                    else ((LongVector) out).append(wrapped);
                } else if (whole.compareTo(LONG_MIN) < 0 || whole.compareTo(LONG_MAX) > 0
                        || (isInt && !fitsNarrow(whole.longValue(), to))) {
                    ctx.overflow(out, v);
                } else if (isInt) {
                    ((IntVector) out).append(whole.intValue());   // fits: checked above
                } else {
                    ((LongVector) out).append(whole.longValue());
                }
            } else if (to instanceof DoubleType) {
                ((DoubleVector) out).append(v.doubleValue());
            } else if (to instanceof FloatType) {
                ((FloatVector) out).append(v.floatValue());
            } else if (to instanceof DecimalType d) {
                appendDecimal(v, d, (DecimalVector) out, ctx);
            } else if (to instanceof BooleanType) {
                ((BooleanVector) out).append(v.signum() != 0);
            } else if (to instanceof TimestampType) {
                // Spark multiplies out and keeps the low 64 bits without a check, in every mode
                ((LongVector) out).append(v.movePointRight(6).toBigInteger().longValue());
            } else {
                throw SluiceException.internal("no cast from " + ctx.from() + " to " + to);
            }
        });
    }

    /**
     * Casts from a decimal of at most 18 digits to an integral type, double or decimal, on the unscaled longs;
     * null for other targets. Same values and errors as {@link #fromDecimal}'s BigDecimal path.
     */
    private static FlatVector fromLongDecimal(ColumnVector in, int scale, CastContext ctx) {
        DataType to = ctx.to();
        long unit = LongDecimals.pow10(scale);
        if (to.isIntegral()) {
            boolean isInt = to.storesInt();
            return Kernels.mapNonNull(in, to, (i, out) -> {
                long whole = in.getLong(i) / unit;   // truncates toward zero
                if (!isInt) ((LongVector) out).append(whole);
                else if (ctx.legacy() || fitsNarrow(whole, to)) ((IntVector) out).append(wrapNarrow(whole, to));
                else ctx.overflow(out, in.getDecimal(i));
            });
        }
        if (to instanceof DoubleType) {
            double divisor = unit;   // exact: 10^s = 2^s * 5^s and 5^18 < 2^53
            return Kernels.mapNonNull(in, to, (i, out) -> {
                long u = in.getLong(i);
                // one division of two exact doubles rounds once: BigDecimal.doubleValue's own fast path
                if (Math.abs(u) < 1L << 52) ((DoubleVector) out).append(scale == 0 ? (double) u : u / divisor);
                else ((DoubleVector) out).append(in.getDecimal(i).doubleValue());
            });
        }
        if (to instanceof DecimalType d) {
            return Kernels.mapNonNull(in, to, (i, out) -> appendDecimal(in.getLong(i), scale, d, (DecimalVector) out, ctx));
        }
        return null;
    }

    /**
     * {@link #appendDecimal(BigDecimal, DecimalType, DecimalVector, CastContext)} of {@code unscaled / 10^scale}:
     * on the long when the target has at most 18 digits and the rescaling stays in a long, else through BigDecimal.
     */
    static void appendDecimal(long unscaled, int scale, DecimalType type, DecimalVector out, CastContext ctx) {
        if (type.fitsInLong()) {
            try {
                long r = LongDecimals.rescale(unscaled, scale, type.scale());
                if (LongDecimals.fits(r, type.precision())) {
                    out.appendUnscaled(r);
                    return;
                }
            } catch (ArithmeticException e) {
                // beyond a long: the BigDecimal path below reports it
            }
        }
        appendDecimal(BigDecimal.valueOf(unscaled, scale), type, out, ctx);
    }

    /** Whether {@code v} fits the int-held integral type {@code to} (tinyint, smallint, int). */
    static boolean fitsNarrow(long v, DataType to) { return v >= narrowMin(to) && v <= narrowMax(to); }

    /** Legacy wrap-around into {@code to}'s width, as Java's narrowing casts (Spark's non-ANSI casts). */
    static int wrapNarrow(long v, DataType to) {
        if (to instanceof dev.sluice.types.ByteType) return (byte) v;
        if (to instanceof dev.sluice.types.ShortType) return (short) v;
        return (int) v;
    }

    static long narrowMin(DataType to) {
        return to instanceof dev.sluice.types.ByteType ? Byte.MIN_VALUE : to instanceof dev.sluice.types.ShortType ? Short.MIN_VALUE : Integer.MIN_VALUE;
    }

    static long narrowMax(DataType to) {
        return to instanceof dev.sluice.types.ByteType ? Byte.MAX_VALUE : to instanceof dev.sluice.types.ShortType ? Short.MAX_VALUE : Integer.MAX_VALUE;
    }

    /** The source value boxed as its SQL type writes it in CAST_OVERFLOW messages ({@code 300S}, {@code 10L}). */
    private static Object sqlNumber(long v, DataType from) {
        if (from instanceof dev.sluice.types.ByteType) return v + "Y";
        if (from instanceof dev.sluice.types.ShortType) return v + "S";
        return v;
    }

    /** Rounds {@code value} HALF_UP to the type's scale and appends it, or fails when it has too many digits. */
    static void appendDecimal(BigDecimal value, DecimalType type, DecimalVector out, CastContext ctx) {
        BigDecimal scaled = value.setScale(type.scale(), RoundingMode.HALF_UP);
        if (scaled.precision() > type.precision()) ctx.outOfRange(out, value, type);
        else out.append(scaled);
    }

    /** Epoch seconds (fractional) to microseconds: NaN and infinities are malformed, overflow is CAST_OVERFLOW. */
    static void appendSecondsAsTimestamp(double seconds, LongVector out, CastContext ctx) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            ctx.invalid(out, seconds);
            return;
        }
        double micros = seconds * 1_000_000d;
        if (ctx.legacy() || (Math.floor(micros) <= (double) Long.MAX_VALUE && Math.ceil(micros) >= (double) Long.MIN_VALUE)) {
            out.append((long) micros);
        } else {
            // Spark reports the scaled value as a DOUBLE that does not fit a BIGINT
            ctx.overflow(out, micros, DataTypes.DOUBLE, DataTypes.LONG);
        }
    }

    /** TimeUnit.SECONDS.toMicros: saturates instead of overflowing. */
    static long secondsToMicros(long seconds) {
        if (seconds > Long.MAX_VALUE / 1_000_000L) return Long.MAX_VALUE;
        if (seconds < Long.MIN_VALUE / 1_000_000L) return Long.MIN_VALUE;
        return seconds * 1_000_000L;
    }

    private static byte[] bigEndian(long v, int bytes) {
        byte[] out = new byte[bytes];
        for (int k = bytes - 1; k >= 0; k--) {
            out[k] = (byte) v;
            v >>= 8;
        }
        return out;
    }
}
