package dev.sluice.expr.fn;

import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DateType;
import dev.sluice.vector.Timestamps;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;


/**
 * {@code date_part(field, source)} / {@code datepart} (and SQL's {@code EXTRACT(field FROM source)}): one field of
 * a date or timestamp in the session zone (of a TIME: HOUR, MINUTE and SECOND only), with Spark's field names and abbreviations; SECOND gives the seconds
 * with their fraction as decimal(8,6), every other field an int. The field must be a constant.
 */
public final class DatePartFunctions {
    private DatePartFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(new RowFunction("date_part", DatePartFunctions::bind, DatePartFunctions::part, true),
                new RowFunction("datepart", DatePartFunctions::bind, DatePartFunctions::part, true),
                new RowFunction("extract", DatePartFunctions::bind, DatePartFunctions::part, true));
    }

    enum Field { YEAR, YEAROFWEEK, QUARTER, MONTH, WEEK, DAY, DAYOFWEEK, DAYOFWEEK_ISO, DOY, HOUR, MINUTE, SECOND }

    static Field field(String fn, String name) {
        switch (name.toUpperCase(Locale.ROOT)) {
            case "YEAR": case "Y": case "YEARS": case "YR": case "YRS": return Field.YEAR;
            case "YEAROFWEEK": return Field.YEAROFWEEK;
            case "QUARTER": case "QTR": return Field.QUARTER;
            case "MONTH": case "MON": case "MONS": case "MONTHS": return Field.MONTH;
            case "WEEK": case "W": case "WEEKS": return Field.WEEK;
            case "DAY": case "D": case "DAYS": return Field.DAY;
            case "DAYOFWEEK": case "DOW": return Field.DAYOFWEEK;
            case "DAYOFWEEK_ISO": case "DOW_ISO": return Field.DAYOFWEEK_ISO;
            case "DOY": return Field.DOY;
            case "HOUR": case "H": case "HOURS": case "HR": case "HRS": return Field.HOUR;
            case "MINUTE": case "M": case "MIN": case "MINS": case "MINUTES": return Field.MINUTE;
            case "SECOND": case "S": case "SEC": case "SECONDS": case "SECS": return Field.SECOND;
            default: throw FnArgs.invalid(fn, "the field " + name + " is not a date/time field (YEAR, QUARTER, MONTH, WEEK, DAY, DAYOFWEEK, DOY, HOUR, MINUTE, SECOND, ...)");
        }
    }

    static Signature bind(String fn, List<Expression> args) {
        FnArgs.arity(fn, args, 2, 2);
        Object name = FnArgs.constant(args.get(0), DataTypes.STRING);
        if (!(name instanceof String s)) throw FnArgs.invalid(fn, "the field must be a constant string");
        Field f = field(fn, s);
        DataType source = args.get(1).dataType();
        if (source.isInterval()) return bindInterval(fn, s, f, source);
        if (source instanceof dev.sluice.types.CalendarIntervalType) return bindCalendarInterval(fn, s, f, source);
        if (source instanceof dev.sluice.types.TimeType) {
            // Spark's extract from TIME: HOUR, MINUTE (int) and SECOND (decimal(8,6)) only
            if (f != Field.HOUR && f != Field.MINUTE && f != Field.SECOND) {
                throw FnArgs.invalid(fn, "cannot extract `" + s + "` from " + args.get(1).sql() + " (INVALID_EXTRACT_FIELD)");
            }
            return new Signature(List.of(DataTypes.STRING, source), f == Field.SECOND ? DataTypes.decimal(8, 6) : DataTypes.INT, true, f);
        }
        if (source instanceof dev.sluice.types.TimestampNTZType) {
            return new Signature(List.of(DataTypes.STRING, source), f == Field.SECOND ? DataTypes.decimal(8, 6) : DataTypes.INT, true, f);
        }
        boolean timeField = f == Field.HOUR || f == Field.MINUTE || f == Field.SECOND;
        DataType src = args.get(1).dataType();
        DataType want = timeField || !(src instanceof DateType) ? DataTypes.TIMESTAMP : DataTypes.DATE;
        return new Signature(List.of(DataTypes.STRING, FnArgs.expect(fn, args, 1, want)),
                f == Field.SECOND ? DataTypes.decimal(8, 6) : DataTypes.INT, true, f);
    }

    /** Spark's ExtractANSIInterval*: YEAR int, MONTH tinyint; DAY int, HOUR and MINUTE tinyint, SECOND decimal(8,6). */
    private static Signature bindInterval(String fn, String name, Field f, DataType source) {
        int start, end;
        boolean yearMonth = source instanceof dev.sluice.types.YearMonthIntervalType;
        if (yearMonth) {
            var ym = (dev.sluice.types.YearMonthIntervalType) source;
            start = ym.startField();
            end = ym.endField();
        } else {
            var dt = (dev.sluice.types.DayTimeIntervalType) source;
            start = dt.startField();
            end = dt.endField();
        }
        int wanted = yearMonth
                ? (f == Field.YEAR ? 0 : f == Field.MONTH ? 1 : -1)
                : (f == Field.DAY ? 0 : f == Field.HOUR ? 1 : f == Field.MINUTE ? 2 : f == Field.SECOND ? 3 : -1);
        if (wanted < 0 || wanted < start || wanted > end) {
            throw FnArgs.invalid(fn, "the field " + name + " is not a field of " + source.simpleString());
        }
        DataType result = f == Field.SECOND ? DataTypes.decimal(8, 6)
                : f == Field.YEAR || f == Field.DAY ? DataTypes.INT : DataTypes.BYTE;
        return new Signature(List.of(DataTypes.STRING, source), result, true, f);
    }

    /**
     * Spark's ExtractInterval* over a calendar interval: YEAR (int) and MONTH (tinyint) of its months, DAY (int) its
     * days plus the whole days of its microseconds, HOUR (tinyint, within a day), MINUTE (tinyint) and SECOND (decimal(8,6)) of its microseconds, each
     * truncated toward zero.
     */
    private static Signature bindCalendarInterval(String fn, String name, Field f, DataType source) {
        DataType result = switch (f) {
            case YEAR, DAY -> DataTypes.INT;
            case MONTH, HOUR, MINUTE -> DataTypes.BYTE;
            case SECOND -> DataTypes.decimal(8, 6);
            default -> throw FnArgs.invalid(fn, "the field " + name + " cannot be extracted from an interval (YEAR, MONTH, DAY, HOUR, MINUTE, SECOND can)");
        };
        return new Signature(List.of(DataTypes.STRING, source), result, true, f);
    }

    private static Object calendarIntervalPart(dev.sluice.types.CalendarInterval i, Field f) {
        long micros = i.microseconds();
        switch (f) {
            case YEAR: return i.months() / 12;
            case MONTH: return (byte) (i.months() % 12);
            case DAY: return Math.addExact(i.days(), (int) (micros / 86_400_000_000L));   // whole days of the time part too
            case HOUR: return (byte) (micros % 86_400_000_000L / 3_600_000_000L);
            case MINUTE: return (byte) (micros % 3_600_000_000L / 60_000_000L);
            default: return BigDecimal.valueOf(micros % 60_000_000L, 6);
        }
    }

    private static Object intervalPart(Object value, Field f) {
        if (value instanceof java.time.Period p) {
            int months = dev.sluice.vector.Intervals.toMonths(p);
            return f == Field.YEAR ? (Object) (months / 12) : (Object) (byte) (months % 12);
        }
        long micros = dev.sluice.vector.Intervals.toMicros((java.time.Duration) value);
        switch (f) {
            case DAY: return (int) (micros / 86_400_000_000L);
            case HOUR: return (byte) (micros % 86_400_000_000L / 3_600_000_000L);
            case MINUTE: return (byte) (micros % 3_600_000_000L / 60_000_000L);
            default: return BigDecimal.valueOf(micros % 60_000_000L, 6);
        }
    }

    static Object part(Object[] v, Signature s) {
        if (v[1] == null) return null;
        Field f = (Field) s.state();
        if (v[1] instanceof java.time.Period || v[1] instanceof java.time.Duration) return intervalPart(v[1], f);
        if (v[1] instanceof dev.sluice.types.CalendarInterval i) return calendarIntervalPart(i, f);
        if (v[1] instanceof java.time.LocalTime time) {
            // the seconds to the type's precision, as Spark's SecondsOfTimeWithFraction (a cast from text keeps more digits)
            long nanos = ((dev.sluice.types.TimeType) s.argumentTypes().get(1)).truncate(time.toNanoOfDay());
            if (f == Field.HOUR) return time.getHour();
            if (f == Field.MINUTE) return time.getMinute();
            return BigDecimal.valueOf(nanos % 60_000_000_000L / 1000, 6);
        }
        if (v[1] instanceof LocalDateTime wall && f == Field.SECOND) {
            return BigDecimal.valueOf(Math.floorMod(Timestamps.toMicros(wall), 60_000_000L), 6);
        }
        LocalDateTime t = v[1] instanceof LocalDate d ? d.atStartOfDay() : v[1] instanceof LocalDateTime wall ? wall
                : LocalDateTime.ofInstant((Instant) v[1], DateTimePatterns.sessionZone());
        switch (f) {
            case YEAR: return t.getYear();
            case YEAROFWEEK: return t.get(IsoFields.WEEK_BASED_YEAR);
            case QUARTER: return (t.getMonthValue() + 2) / 3;
            case MONTH: return t.getMonthValue();
            case WEEK: return t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case DAY: return t.getDayOfMonth();
            case DAYOFWEEK: return t.getDayOfWeek().getValue() % 7 + 1;
            case DAYOFWEEK_ISO: return t.getDayOfWeek().getValue();
            case DOY: return t.getDayOfYear();
            case HOUR: return t.getHour();
            case MINUTE: return t.getMinute();
            default: {
                long micros = Math.floorMod(Timestamps.toMicros((Instant) v[1]), 60_000_000L);
                return BigDecimal.valueOf(micros, 6);
            }
        }
    }
}
