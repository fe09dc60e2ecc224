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
        if (from instanceof dev.sluice.types.TimestampNTZType) return fromWallClock(in, ctx);
        if (from instanceof DateType) {
            if (to instanceof dev.sluice.types.TimestampNTZType) {
                return Kernels.mapNonNull(in, to, (i, out) -> ((LongVector) out).append(Math.multiplyExact((long) in.getInt(i), 86_400_000_000L)));
            }
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
            } else if (to instanceof dev.sluice.types.TimestampNTZType) {
                ((LongVector) out).append(toWallClock(micros, zone));
            } else if (to instanceof LongType) {
                ((LongVector) out).append(Math.floorDiv(micros, 1_000_000L));
            } else if (to.isIntegral() && to.storesInt()) {
                long seconds = Math.floorDiv(micros, 1_000_000L);
                if (CastFromNumeric.fitsNarrow(seconds, to)) ((IntVector) out).append(CastFromNumeric.wrapNarrow(seconds, to));
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

    /** timestamp_ntz to date (its wall-clock date) or timestamp (that wall clock in the session zone). */
    private static ColumnVector fromWallClock(ColumnVector in, CastContext ctx) {
        DataType to = ctx.to();
        ZoneId zone = ctx.zone();
        return Kernels.mapNonNull(in, to, (i, out) -> {
            long micros = in.getLong(i);
            if (to instanceof DateType) ((IntVector) out).append((int) Math.floorDiv(micros, 86_400_000_000L));
            else if (to instanceof TimestampType) ((LongVector) out).append(fromWallClock(micros, zone));
            else throw SluiceException.internal("no cast from timestamp_ntz to " + to);
        });
    }

    /** The wall clock, in {@code zone}, of the instant {@code micros} (timestamp → timestamp_ntz). */
    public static long toWallClock(long micros, ZoneId zone) {
        if (zone.equals(ZoneOffset.UTC)) return micros;
        long seconds = Math.floorDiv(micros, 1_000_000L);
        int offset = zone.getRules().getOffset(Instant.ofEpochSecond(seconds)).getTotalSeconds();
        return Math.addExact(micros, offset * 1_000_000L);
    }

    /** The instant at which {@code zone}'s clocks show the wall clock {@code micros} (timestamp_ntz → timestamp). */
    public static long fromWallClock(long micros, ZoneId zone) {
        if (zone.equals(ZoneOffset.UTC)) return micros;
        long seconds = Math.floorDiv(micros, 1_000_000L);
        long fraction = Math.floorMod(micros, 1_000_000L);
        java.time.LocalDateTime wall = java.time.LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        long epoch = java.time.ZonedDateTime.of(wall, zone).toEpochSecond();   // gaps move forward, overlaps take the earlier
        return Math.addExact(Math.multiplyExact(epoch, 1_000_000L), fraction);
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
