package dev.sluice.expr;

import dev.sluice.vector.IntervalParsing;
import dev.sluice.error.SluiceException;
import dev.sluice.types.DataType;
import dev.sluice.types.DayTimeIntervalType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.LongType;
import dev.sluice.types.YearMonthIntervalType;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.DecimalVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.IntVector;
import dev.sluice.vector.LongVector;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Casts between ANSI intervals and to and from exact numbers, as Spark: an interval to a narrower end field
 * truncates toward zero ({@code INTERVAL '1 10:30' DAY TO MINUTE} as {@code interval day} is 1 day); a single-field
 * interval and an integral or decimal convert in that field's unit (days, hours, ..., months, years), ANSI
 * overflow being CAST_OVERFLOW.
 */
final class CastFromInterval {
    private CastFromInterval() {}

    /** Whether the interval type has one field (the only ones Spark casts to and from numbers). */
    static boolean singleField(DataType t) {
        if (t instanceof YearMonthIntervalType ym) return ym.startField() == ym.endField();
        if (t instanceof DayTimeIntervalType dt) return dt.startField() == dt.endField();
        return false;
    }

    static FlatVector cast(ColumnVector in, CastContext ctx) {
        DataType from = ctx.from(), to = ctx.to();
        if (from instanceof YearMonthIntervalType && to instanceof YearMonthIntervalType ym) {
            return Kernels.mapNonNull(in, to, (i, out) -> {
                int months = in.getInt(i);
                ((IntVector) out).append(ym.endField() == YearMonthIntervalType.YEAR ? months - months % 12 : months);
            });
        }
        if (from instanceof DayTimeIntervalType && to instanceof DayTimeIntervalType dt) {
            long unit = IntervalParsing.microsPer(dt.endField());
            return Kernels.mapNonNull(in, to, (i, out) -> {
                long micros = in.getLong(i);
                ((LongVector) out).append(micros - micros % unit);
            });
        }
        if (from.isInterval()) {
            BigDecimal unit = BigDecimal.valueOf(unitOf(from));
            return Kernels.mapNonNull(in, to, (i, out) -> {
                long raw = from.storesInt() ? in.getInt(i) : in.getLong(i);
                if (to instanceof DecimalType d) {
                    CastFromNumeric.appendDecimal(BigDecimal.valueOf(raw).divide(unit, java.math.MathContext.DECIMAL128), d, (DecimalVector) out, ctx);
                    return;
                }
                long v = raw / unit.longValueExact();   // truncates toward zero
                if (to instanceof LongType) ((LongVector) out).append(v);
                else if (CastFromNumeric.fitsNarrow(v, to)) ((IntVector) out).append((int) v);
                else ctx.overflow(out, v, dev.sluice.types.DataTypes.LONG, to);
            });
        }
        if (!(from.isIntegral() || from instanceof DecimalType)) throw SluiceException.internal("no cast from " + from + " to " + to);
        long unit = unitOf(to);
        return Kernels.mapNonNull(in, to, (i, out) -> {
            BigInteger value;
            if (from instanceof DecimalType) {
                value = in.getDecimal(i).multiply(BigDecimal.valueOf(unit)).setScale(0, java.math.RoundingMode.DOWN).toBigInteger();
            } else {
                long v = from.storesInt() ? in.getInt(i) : in.getLong(i);
                value = BigInteger.valueOf(v).multiply(BigInteger.valueOf(unit));
            }
            boolean fits = to.storesInt() ? value.bitLength() < 32 : value.bitLength() < 64;
            if (!fits) ctx.overflow(out, from instanceof DecimalType ? in.getDecimal(i) : (Object) (from.storesInt() ? (long) in.getInt(i) : in.getLong(i)));
            else if (to.storesInt()) ((IntVector) out).append(value.intValue());
            else ((LongVector) out).append(value.longValue());
        });
    }

    /** Months or microseconds in one unit of a single-field interval type. */
    private static long unitOf(DataType t) {
        if (t instanceof YearMonthIntervalType ym) return ym.startField() == YearMonthIntervalType.YEAR ? 12 : 1;
        return IntervalParsing.microsPer(((DayTimeIntervalType) t).startField());
    }
}
