package dev.sluice.expr;

import dev.sluice.types.DataType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.LongType;
import dev.sluice.types.StringType;
import dev.sluice.types.TimeType;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.DecimalVector;
import dev.sluice.vector.IntVector;
import dev.sluice.vector.LongVector;

import java.math.BigDecimal;

/**
 * Spark 4.1's casts into and out of TIME: string → time (Spark's stringToTime: {@code 12:34}, {@code 1:2:3.5},
 * {@code 9:05 pm}; malformed text is CAST_INVALID_INPUT, NULL under try_cast), time(p) → time(q) (the fraction
 * truncated to q digits), and time → integral or decimal: the seconds of the day, whole (truncated) for integral types
 * (CAST_OVERFLOW past tinyint), with their fraction for decimals. Spark 4.1 allows no other casts of TIME (none
 * to or from date, timestamp, float, double or boolean, and none from numbers into TIME).
 */
final class CastTime {
    private CastTime() {}

    static boolean canCast(DataType from, DataType to) {
        if (to instanceof TimeType) return from instanceof StringType || from instanceof TimeType;
        return from instanceof TimeType && (to instanceof StringType || to.isIntegral() || to instanceof DecimalType);
    }

    static ColumnVector cast(ColumnVector in, CastContext ctx) {
        DataType from = ctx.from(), to = ctx.to();
        if (from instanceof StringType) {
            // the string's own digits (to microseconds) whatever the target precision, as Spark 4.1's cast
            return Kernels.mapNonNull(in, to, (i, out) -> {
                long nanos = StringParsing.parseTime(in.bytesArray(i), in.bytesStart(i), in.bytesLength(i));
                if (nanos >= 0) ((LongVector) out).append(nanos);
                else ctx.invalid(out, in.getString(i));
            });
        }
        if (to instanceof TimeType target) {
            return Kernels.mapNonNull(in, to, (i, out) -> ((LongVector) out).append(target.truncate(in.getLong(i))));
        }
        return Kernels.mapNonNull(in, to, (i, out) -> {
            long nanos = in.getLong(i);
            long seconds = nanos / 1_000_000_000L;
            if (to instanceof LongType) {
                ((LongVector) out).append(seconds);
            } else if (to.isIntegral()) {
                if (CastFromNumeric.fitsNarrow(seconds, to)) ((IntVector) out).append(CastFromNumeric.wrapNarrow(seconds, to));
                else ctx.overflow(out, java.time.LocalTime.ofNanoOfDay(nanos));
            } else if (to instanceof DecimalType d) {
                CastFromNumeric.appendDecimal(BigDecimal.valueOf(nanos, 9), d, (DecimalVector) out, ctx);
            } else {
                throw dev.sluice.error.SluiceException.internal("no cast from " + from + " to " + to);
            }
        });
    }
}
