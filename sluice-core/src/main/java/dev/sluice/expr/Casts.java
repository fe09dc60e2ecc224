package dev.sluice.expr;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.ArrayType;
import dev.sluice.types.BinaryType;
import dev.sluice.types.BooleanType;
import dev.sluice.types.DataType;
import dev.sluice.types.DateType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.MapType;
import dev.sluice.types.NullType;
import dev.sluice.types.StringType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.types.TimestampType;
import dev.sluice.types.SessionZone;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.ConstantVector;
import dev.sluice.vector.Encoding;

import java.time.ZoneId;

/**
 * Spark 4.1's casts between boolean, int, bigint, float, double, decimal, string, binary, date, timestamp, void,
 * struct, array and map: which casts are allowed ({@link #canCast}), which can give NULL for a non-null input
 * ({@link #mayFail}), and the conversion itself ({@link #cast}). The conversions live in one class per source
 * family: {@link CastFromString}, {@link CastFromNumeric}, {@link CastFromDatetime}, {@link CastToString},
 * {@link CastNested}; value text is {@link ValueRenderer}'s.
 */
public final class Casts {
    private Casts() {}

    /** Whether Spark's ANSI cast ({@code Cast.canAnsiCast}) allows {@code from} → {@code to}. */
    public static boolean canCast(DataType from, DataType to) { return canCast(from, to, EvalMode.ANSI); }

    /**
     * Whether Spark allows the cast in {@code mode}: ANSI is {@code Cast.canAnsiCast}, TRY
     * {@code Cast.canTryCast} (ANSI's list, but nested targets must accept the NULLs a bad element becomes),
     * LEGACY {@code Cast.canCast} (which adds date → numeric/boolean, timestamp → boolean, boolean → timestamp
     * and int/bigint → binary).
     */
    public static boolean canCast(DataType from, DataType to, EvalMode mode) {
        if (from.equals(to) || from instanceof NullType || to instanceof StringType) return true;
        if (from instanceof ArrayType a && to instanceof ArrayType b) {
            boolean fromNull = a.containsNull() || (mode != EvalMode.ANSI && mayFail(a.elementType(), b.elementType()));
            return canCast(a.elementType(), b.elementType(), mode) && resolvable(fromNull, b.containsNull());
        }
        if (from instanceof MapType a && to instanceof MapType b) {
            if (mode != EvalMode.ANSI && mayFail(a.keyType(), b.keyType())) return false;   // keys cannot become NULL
            boolean fromNull = a.valueContainsNull() || (mode != EvalMode.ANSI && mayFail(a.valueType(), b.valueType()));
            return canCast(a.keyType(), b.keyType(), mode) && canCast(a.valueType(), b.valueType(), mode)
                    && resolvable(fromNull, b.valueContainsNull());
        }
        if (from instanceof StructType a && to instanceof StructType b) {
            if (a.size() != b.size()) return false;
            for (int i = 0; i < a.size(); i++) {
                StructField fa = a.field(i), fb = b.field(i);
                boolean fromNull = fa.nullable() || (mode != EvalMode.ANSI && mayFail(fa.dataType(), fb.dataType()));
                if (!canCast(fa.dataType(), fb.dataType(), mode) || !resolvable(fromNull, fb.nullable())) return false;
            }
            return true;
        }
        boolean fromString = from instanceof StringType;
        boolean fromNumber = from.isNumeric();
        if (to instanceof dev.sluice.types.TimeType || from instanceof dev.sluice.types.TimeType) return CastTime.canCast(from, to);
        if (to instanceof dev.sluice.types.CalendarIntervalType) return fromString;   // Spark: from strings only
        if (from instanceof dev.sluice.types.CalendarIntervalType) return false;
        if (to instanceof dev.sluice.types.TimestampNTZType) return fromString || from instanceof DateType || from instanceof TimestampType;
        if (from instanceof dev.sluice.types.TimestampNTZType) return to instanceof DateType || to instanceof TimestampType;
        if (to.isInterval()) {
            return fromString || from.getClass() == to.getClass()
                    || ((from.isIntegral() || from instanceof DecimalType) && CastFromInterval.singleField(to));
        }
        if (from.isInterval()) return (to.isIntegral() || to instanceof DecimalType) && CastFromInterval.singleField(from);
        if (to instanceof BinaryType) return fromString || (mode == EvalMode.LEGACY && (from instanceof IntegerType || from instanceof LongType));
        if (to instanceof BooleanType) {
            return fromString || fromNumber
                    || (mode == EvalMode.LEGACY && (from instanceof DateType || from instanceof TimestampType));
        }
        if (to instanceof TimestampType) {
            return fromString || fromNumber || from instanceof DateType || (mode == EvalMode.LEGACY && from instanceof BooleanType);
        }
        if (to instanceof DateType) return fromString || from instanceof TimestampType;
        if (to.isNumeric()) {
            return fromString || fromNumber || from instanceof BooleanType || from instanceof TimestampType
                    || (mode == EvalMode.LEGACY && from instanceof DateType);
        }
        return false;
    }

    private static boolean resolvable(boolean fromNullable, boolean toNullable) { return !fromNullable || toNullable; }

    /**
     * Whether casting a non-null value can give NULL (Spark's {@code Cast.forceNullable}): parsing a string,
     * anything to date except timestamp, date to anything but timestamp, floating point to timestamp,
     * timestamp to int, fractional to integral (NaN, infinities), and a decimal target too narrow for the
     * source. Integral narrowing is not counted (ANSI raises, legacy wraps), as in Spark's nullability.
     */
    public static boolean mayFail(DataType from, DataType to) {
        if (from instanceof NullType || from.equals(to)) return false;
        if (from instanceof dev.sluice.types.TimeType) return to instanceof DecimalType d && d.precision() - d.scale() < 5;
        if (from instanceof StringType) return !(to instanceof BinaryType || to instanceof StringType);
        if (to instanceof StringType) return false;
        if (from instanceof TimestampType && to.storesInt() && to.isIntegral()) return true;
        if ((from instanceof FloatType || from instanceof DoubleType) && to instanceof TimestampType) return true;
        if (from instanceof TimestampType && to instanceof DateType) return false;
        if (to instanceof DateType) return true;
        if (from instanceof DateType && to instanceof TimestampType) return false;
        if (from instanceof DateType) return true;
        if (to instanceof DecimalType d && !nullSafeToDecimal(from, d)) return true;
        boolean fractional = from instanceof FloatType || from instanceof DoubleType || from instanceof DecimalType;
        return fractional && to.isIntegral();
    }

    // Spark's canNullSafeCastToDecimal
    private static boolean nullSafeToDecimal(DataType from, DecimalType to) {
        int integral = to.precision() - to.scale();
        if (from instanceof BooleanType) return integral >= 1;
        if (from instanceof dev.sluice.types.ByteType) return integral >= 3;
        if (from instanceof dev.sluice.types.ShortType) return integral >= 5;
        if (from instanceof IntegerType) return integral >= 10;
        if (from instanceof LongType) return integral >= 20;
        if (from instanceof DecimalType d) return integral > d.precision() - d.scale();
        return false;
    }

    /** {@link #cast(ColumnVector, DataType, EvalMode, ZoneId)} in the session zone ({@link SessionZone}). */
    public static ColumnVector cast(ColumnVector in, DataType to, EvalMode mode) {
        return cast(in, to, mode, SessionZone.current());
    }

    /**
     * Casts every row of {@code in} to {@code to}. {@code zone} is the session time zone (string ↔ timestamp,
     * date ↔ timestamp, timestamp → string). NULL stays NULL. A cast {@link #canCast} refuses is UNSUPPORTED_CAST
     * (the analyzer normally reports it first).
     */
    public static ColumnVector cast(ColumnVector in, DataType to, EvalMode mode, ZoneId zone) {
        DataType from = in.type();
        if (!canCast(from, to, mode)) {
            throw SluiceException.of(ErrorCode.UNSUPPORTED_CAST).with("from", from.sql()).with("to", to.sql()).build();
        }
        return castValues(in, from, to, new CastContext(from, to, mode, zone));
    }

    /** Casts without the permission check; {@code outer} carries the mode and zone of the whole cast. */
    static ColumnVector castValues(ColumnVector in, DataType from, DataType to, CastContext outer) {
        if (from.equals(to)) return in;
        if (from instanceof StringType && to instanceof StringType) return in;   // another collation: the same bytes
        int n = in.size();
        if (from instanceof NullType) return ConstantVector.of(to, null, n);
        if (in.encoding() == Encoding.CONSTANT && n > 1) {
            // one conversion for the whole batch
            ColumnVector single = castValues(in.slice(0, 1), from, to, outer);
            return ConstantVector.repeat(single, 0, n);
        }
        CastContext ctx = new CastContext(from, to, outer.mode(), outer.zone());
        if (to instanceof StringType) return CastToString.cast(in, ctx);
        if (to instanceof StructType s) return CastNested.castStruct(in, s, ctx);
        if (to instanceof ArrayType a) return CastNested.castArray(in, a, ctx);
        if (to instanceof MapType m) return CastNested.castMap(in, m, ctx);
        if (to instanceof dev.sluice.types.CalendarIntervalType) {
            // Spark's safe parse: text that is no interval gives NULL, under ANSI too
            return Kernels.mapNonNull(in, to, (i, out) -> out.appendObject(dev.sluice.vector.CalendarIntervalParsing.parse(in.getString(i))));
        }
        if (from instanceof dev.sluice.types.TimeType || to instanceof dev.sluice.types.TimeType) return CastTime.cast(in, ctx);
        if (from instanceof StringType) return CastFromString.cast(in, ctx);
        if (from.isInterval() || to.isInterval()) return CastFromInterval.cast(in, ctx);
        if (from instanceof DateType || from instanceof TimestampType || from instanceof dev.sluice.types.TimestampNTZType) return CastFromDatetime.cast(in, ctx);
        if (from.isNumeric() || from instanceof BooleanType) return CastFromNumeric.cast(in, ctx);
        throw SluiceException.internal("no cast from " + from + " to " + to);
    }
}
