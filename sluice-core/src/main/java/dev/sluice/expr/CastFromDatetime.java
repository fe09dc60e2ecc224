package dev.sluice.expr;

import dev.sluice.error.SluiceException;
import dev.sluice.types.BooleanType;
import dev.sluice.types.DataType;
import dev.sluice.types.DateType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.TimestampType;
import dev.sluice.vector.BooleanVector;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.ConstantVector;
import dev.sluice.vector.DecimalVector;
import dev.sluice.vector.DoubleVector;
import dev.sluice.vector.FloatVector;
import dev.sluice.vector.IntVector;
import dev.sluice.vector.LongVector;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Casts from date and timestamp. Date ↔ timestamp go through the session zone (midnight there; the local
 * date there). Timestamp → bigint is whole epoch seconds (floored), → double fractional seconds, → int
 * CAST_OVERFLOW when out of range. Legacy mode also allows date → numeric/boolean, which Spark makes NULL,
 * and timestamp → boolean (non-zero).
 */
final class CastFromDatetime {
    private CastFromDatetime() {}

    static ColumnVector cast(ColumnVector in, CastContext ctx) {
        DataType from = ctx.from(), to = ctx.to();
        ZoneId zone = ctx.zone();
        if (from instanceof DateType) {
            if (to instanceof TimestampType) {
                return Kernels.mapNonNull(in, to, (i, out) -> ((LongVector) out).append(daysToMicros(in.getInt(i), zone)));
            }
            // Hive's rule, kept by Spark's legacy cast: a date has no number or truth value
            return ConstantVector.of(to, null, in.size());
        }
        if (!(from instanceof TimestampType)) throw SluiceException.internal("no datetime cast from " + from);
        return Kernels.mapNonNull(in, to, (i, out) -> {
            long micros = in.getLong(i);
            if (to instanceof DateType) {
                ((IntVector) out).append(microsToDays(micros, zone));
            } else if (to instanceof LongType) {
                ((LongVector) out).append(Math.floorDiv(micros, 1_000_000L));
            } else if (to instanceof IntegerType) {
                long seconds = Math.floorDiv(micros, 1_000_000L);
                if (seconds == (int) seconds) ((IntVector) out).append((int) seconds);
                else ctx.overflow(out, micros);
            } else if (to instanceof DoubleType) {
                ((DoubleVector) out).append(micros / 1_000_000d);
            } else if (to instanceof FloatType) {
                ((FloatVector) out).append((float) (micros / 1_000_000d));
            } else if (to instanceof DecimalType d) {
                CastFromNumeric.appendDecimal(new BigDecimal(Double.toString(micros / 1_000_000d)), d, (DecimalVector) out, ctx);
            } else if (to instanceof BooleanType) {
                ((BooleanVector) out).append(micros != 0);
            } else {
                throw SluiceException.internal("no cast from timestamp to " + to);
            }
        });
    }

    /** Microseconds of midnight starting {@code days} in {@code zone}. */
    static long daysToMicros(int days, ZoneId zone) {
        LocalDate date = LocalDate.ofEpochDay(days);
        long seconds = zone.equals(ZoneOffset.UTC) ? days * 86_400L : date.atStartOfDay(zone).toEpochSecond();
        return Math.multiplyExact(seconds, 1_000_000L);
    }

    /** The date, in {@code zone}, of the instant {@code micros}. */
    static int microsToDays(long micros, ZoneId zone) {
        long seconds = Math.floorDiv(micros, 1_000_000L);
        if (zone.equals(ZoneOffset.UTC)) return (int) Math.floorDiv(seconds, 86_400L);
        return (int) Instant.ofEpochSecond(seconds).atZone(zone).toLocalDate().toEpochDay();
    }
}
