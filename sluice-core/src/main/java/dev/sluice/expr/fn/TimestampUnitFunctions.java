package dev.sluice.expr.fn;

import dev.sluice.expr.ScalarFunction;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalUnit;
import java.util.List;
import java.util.Locale;

import static dev.sluice.types.DataTypes.LONG;
import static dev.sluice.types.DataTypes.STRING;
import static dev.sluice.types.DataTypes.TIMESTAMP;

/**
 * {@code timestampadd(unit, quantity, ts)} and {@code timestampdiff(unit, start, end)} as Spark's DateTimeUtils
 * computes them: microseconds to hours are a fixed number of microseconds; days and weeks are added to the local
 * date-time in the session zone, months, quarters and years with the day clamped to the month's end; a difference
 * is the number of whole units between the two local date-times ({@code ChronoUnit.between}). Units are Spark's:
 * MICROSECOND, MILLISECOND, SECOND, MINUTE, HOUR, DAY (and DAYOFYEAR for add), WEEK, MONTH, QUARTER, YEAR.
 */
public final class TimestampUnitFunctions {
    private TimestampUnitFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(
                RowFunction.of("timestampadd", RowFunction.typed(TIMESTAMP, STRING, LONG, TIMESTAMP),
                        v -> add((String) v[0], (Long) v[1], (Instant) v[2], DateTimePatterns.sessionZone())),
                RowFunction.of("timestampdiff", RowFunction.typed(LONG, STRING, TIMESTAMP, TIMESTAMP),
                        v -> diff((String) v[0], (Instant) v[1], (Instant) v[2], DateTimePatterns.sessionZone())));
    }

    static Instant add(String unit, long quantity, Instant ts, ZoneId zone) {
        return switch (unit.toUpperCase(Locale.ROOT)) {
            case "MICROSECOND" -> ts.plus(quantity, ChronoUnit.MICROS);
            case "MILLISECOND" -> ts.plus(quantity, ChronoUnit.MILLIS);
            case "SECOND" -> ts.plusSeconds(quantity);
            case "MINUTE" -> ts.plusSeconds(Math.multiplyExact(quantity, 60L));
            case "HOUR" -> ts.plusSeconds(Math.multiplyExact(quantity, 3600L));
            case "DAY", "DAYOFYEAR" -> local(ts, zone).plusDays(quantity).atZone(zone).toInstant();
            case "WEEK" -> local(ts, zone).plusWeeks(quantity).atZone(zone).toInstant();
            case "MONTH" -> local(ts, zone).plusMonths(quantity).atZone(zone).toInstant();
            case "QUARTER" -> local(ts, zone).plusMonths(Math.multiplyExact(quantity, 3L)).atZone(zone).toInstant();
            case "YEAR" -> local(ts, zone).plusYears(quantity).atZone(zone).toInstant();
            default -> throw badUnit("timestampadd", unit);
        };
    }

    static long diff(String unit, Instant start, Instant end, ZoneId zone) {
        TemporalUnit u = switch (unit.toUpperCase(Locale.ROOT)) {
            case "MICROSECOND" -> ChronoUnit.MICROS;
            case "MILLISECOND" -> ChronoUnit.MILLIS;
            case "SECOND" -> ChronoUnit.SECONDS;
            case "MINUTE" -> ChronoUnit.MINUTES;
            case "HOUR" -> ChronoUnit.HOURS;
            case "DAY" -> ChronoUnit.DAYS;
            case "WEEK" -> ChronoUnit.WEEKS;
            case "MONTH" -> ChronoUnit.MONTHS;
            case "QUARTER" -> IsoFields.QUARTER_YEARS;
            case "YEAR" -> ChronoUnit.YEARS;
            default -> throw badUnit("timestampdiff", unit);
        };
        return u.between(local(start, zone), local(end, zone));
    }

    private static LocalDateTime local(Instant ts, ZoneId zone) { return LocalDateTime.ofInstant(ts, zone); }

    private static dev.sluice.error.SluiceException badUnit(String fn, String unit) {
        return FnArgs.invalid(fn, "the unit " + unit + " is not one of MICROSECOND, MILLISECOND, SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER, YEAR");
    }
}
