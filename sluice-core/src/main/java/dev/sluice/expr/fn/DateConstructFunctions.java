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
import dev.sluice.vector.Timestamps;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.sluice.types.DataTypes.DATE;
import static dev.sluice.types.DataTypes.INT;
import static dev.sluice.types.DataTypes.LONG;
import static dev.sluice.types.DataTypes.STRING;
import static dev.sluice.types.DataTypes.TIMESTAMP;

/**
 * Building and taking apart dates and timestamps from numbers and zones, in the session zone: make_date,
 * make_timestamp(_ltz), timestamp_seconds/_millis/_micros, unix_seconds/_millis/_micros, unix_date,
 * date_from_unix_date, to_utc_timestamp/from_utc_timestamp, next_day, dayname, monthname, current_timezone.
 * Out-of-range fields fail under ANSI (DATETIME_FIELD_OUT_OF_BOUNDS); the try_ forms give NULL.
 */
public final class DateConstructFunctions {
    private DateConstructFunctions() {}

    static final DecimalType SECONDS = DataTypes.decimal(16, 6);

    public static List<ScalarFunction> all() {
        List<ScalarFunction> out = new ArrayList<>();
        out.add(RowFunction.of("make_date", RowFunction.typed(DATE, INT, INT, INT), v -> makeDate("make_date", v, false)));
        out.add(RowFunction.of("try_make_date", RowFunction.typed(DATE, INT, INT, INT), v -> makeDate("make_date", v, true)));
        for (String n : List.of("make_timestamp", "make_timestamp_ltz", "try_make_timestamp", "try_make_timestamp_ltz")) {
            RowFunction.Binder fields = RowFunction.optional(6, TIMESTAMP, INT, INT, INT, INT, INT, SECONDS, STRING);
            // make_timestamp(date): midnight of the date in the session zone; (date, time[, zone]): that wall clock
            RowFunction.Binder binder = (fn, args) -> args.size() == 1 && args.get(0).dataType() instanceof dev.sluice.types.DateType
                    ? new Signature(List.of(DATE), TIMESTAMP, true)
                    : args.size() == 2 || args.size() == 3 ? bindDateTime(fn, args, TIMESTAMP) : fields.bind(fn, args);
            out.add(RowFunction.of(n, binder, v -> v.length == 1 ? ((LocalDate) v[0]).atStartOfDay(DateTimePatterns.sessionZone()).toInstant()
                    : v.length <= 3 ? LocalDateTime.of((LocalDate) v[0], (LocalTime) v[1])
                            .atZone(v.length == 3 ? zone(n, (String) v[2]) : DateTimePatterns.sessionZone()).toInstant()
                    : makeTimestamp(n, v, n.startsWith("try_"))));
        }
        out.add(RowFunction.of("timestamp_seconds", DateConstructFunctions::bindSeconds, v -> secondsToTimestamp(v[0])));
        out.add(RowFunction.of("timestamp_millis", RowFunction.typed(TIMESTAMP, LONG), v -> Timestamps.toInstant(Math.multiplyExact((Long) v[0], 1000L))));
        out.add(RowFunction.of("timestamp_micros", RowFunction.typed(TIMESTAMP, LONG), v -> Timestamps.toInstant((Long) v[0])));
        out.add(RowFunction.of("unix_seconds", RowFunction.typed(LONG, TIMESTAMP), v -> Math.floorDiv(micros(v[0]), 1_000_000L)));
        out.add(RowFunction.of("unix_millis", RowFunction.typed(LONG, TIMESTAMP), v -> Math.floorDiv(micros(v[0]), 1_000L)));
        out.add(RowFunction.of("unix_micros", RowFunction.typed(LONG, TIMESTAMP), v -> micros(v[0])));
        out.add(RowFunction.of("unix_date", RowFunction.typed(INT, DATE), v -> (int) ((LocalDate) v[0]).toEpochDay()));
        out.add(RowFunction.of("date_from_unix_date", RowFunction.typed(DATE, INT), v -> LocalDate.ofEpochDay((Integer) v[0])));
        out.add(RowFunction.of("to_utc_timestamp", RowFunction.typed(TIMESTAMP, TIMESTAMP, STRING),
                v -> shift((Instant) v[0], java.time.ZoneOffset.UTC, zone("to_utc_timestamp", (String) v[1]))));   // Spark's convertTz: no session zone
        out.add(RowFunction.of("from_utc_timestamp", RowFunction.typed(TIMESTAMP, TIMESTAMP, STRING),
                v -> shift((Instant) v[0], zone("from_utc_timestamp", (String) v[1]), java.time.ZoneOffset.UTC)));
        out.add(RowFunction.of("next_day", RowFunction.typed(DATE, DATE, STRING), v -> nextDay((LocalDate) v[0], (String) v[1])));
        out.add(RowFunction.of("dayname", RowFunction.typed(STRING, DATE),
                v -> ((LocalDate) v[0]).getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US)));
        out.add(RowFunction.of("monthname", RowFunction.typed(STRING, DATE),
                v -> ((LocalDate) v[0]).getMonth().getDisplayName(TextStyle.SHORT, Locale.US)));
        out.add(new RowFunction("current_timezone", RowFunction.typed(STRING), (v, s) -> DateTimePatterns.sessionZone().getId(), false));
        out.add(RowFunction.of("date_diff", RowFunction.typed(INT, DATE, DATE),
                v -> (int) (((LocalDate) v[0]).toEpochDay() - ((LocalDate) v[1]).toEpochDay())));
        return out;
    }

    static long micros(Object instant) { return Timestamps.toMicros((Instant) instant); }

    static SluiceException outOfBounds(String fn, String reason) {
        return SluiceException.of(ErrorCode.DATETIME_FIELD_OUT_OF_BOUNDS).with("function", fn).with("reason", reason).build();
    }

    /**
     * Spark 4.1's {@code make_timestamp(date, time[, zone])} forms: a DATE and a TIME exactly (neither is cast from
     * a string), the zone a string.
     */
    static Signature bindDateTime(String fn, List<Expression> args, DataType result) {
        FnArgs.arity(fn, args, 2, result.equals(TIMESTAMP) ? 3 : 2);
        DataType d = args.get(0).dataType(), t = args.get(1).dataType();
        if (!(d instanceof dev.sluice.types.DateType || d instanceof dev.sluice.types.NullType)) {
            throw FnArgs.mismatch(fn, args, 0, "the DATE type");
        }
        if (!(t instanceof dev.sluice.types.TimeType || t instanceof dev.sluice.types.NullType)) {
            throw FnArgs.mismatch(fn, args, 1, "the TIME type");
        }
        List<DataType> types = new ArrayList<>(List.of(DATE, t instanceof dev.sluice.types.TimeType ? t : DataTypes.TIME));
        if (args.size() == 3) types.add(FnArgs.expect(fn, args, 2, STRING));
        return new Signature(types, result, true);
    }

    static LocalDate makeDate(String fn, Object[] v, boolean lenient) {
        try {
            return LocalDate.of((Integer) v[0], (Integer) v[1], (Integer) v[2]);
        } catch (DateTimeException e) {
            if (lenient) return null;
            throw outOfBounds(fn, e.getMessage());
        }
    }

    /** Spark's make_timestamp: seconds with up to 6 fraction digits; 60 seconds (no fraction) rolls to the next minute. */
    static Instant makeTimestamp(String fn, Object[] v, boolean lenient) {
        try {
            BigDecimal sec = (BigDecimal) v[5];
            ZoneId zone = v.length > 6 && v[6] != null ? zone(fn, (String) v[6]) : DateTimePatterns.sessionZone();
            int whole = sec.intValue();
            int nanos = sec.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValue();
            LocalDateTime t;
            if (whole == 60 && nanos == 0) {
                t = LocalDateTime.of((Integer) v[0], (Integer) v[1], (Integer) v[2], (Integer) v[3], (Integer) v[4], 0).plusMinutes(1);
            } else {
                t = LocalDateTime.of((Integer) v[0], (Integer) v[1], (Integer) v[2], (Integer) v[3], (Integer) v[4], whole, nanos);
            }
            return t.atZone(zone).toInstant();
        } catch (DateTimeException | ArithmeticException e) {
            if (lenient) return null;
            throw outOfBounds(fn, e.getMessage());
        }
    }

    static Signature bindSeconds(String fn, List<Expression> args) {
        FnArgs.arity(fn, args, 1, 1);
        DataType t = args.get(0).dataType();
        DataType want = t instanceof DecimalType || t instanceof DoubleType || t instanceof FloatType ? t : FnArgs.expect(fn, args, 0, LONG);
        if (!want.isNumeric() && !(want.equals(LONG))) throw FnArgs.mismatch(fn, args, 0, "a numeric value");
        return new Signature(List.of(want), TIMESTAMP, true);
    }

    static Instant secondsToTimestamp(Object v) {
        if (v instanceof Long l) return Timestamps.toInstant(Math.multiplyExact(l, 1_000_000L));
        if (v instanceof BigDecimal d) return Timestamps.toInstant(d.movePointRight(6).setScale(0, RoundingMode.DOWN).longValueExact());
        double d = ((Number) v).doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) return null;
        return Timestamps.toInstant((long) (d * 1_000_000L));
    }

    /** The wall clock of {@code t} in {@code from}, read as a time in {@code to}. */
    static Instant shift(Instant t, ZoneId from, ZoneId to) {
        LocalDateTime wall = LocalDateTime.ofInstant(t, from);
        return wall.atZone(to).toInstant();
    }

    static ZoneId zone(String fn, String id) {
        try {
            if (id.equalsIgnoreCase("UTC") || id.equalsIgnoreCase("Z")) return java.time.ZoneOffset.UTC;
            return ZoneId.of(id, ZoneId.SHORT_IDS);
        } catch (DateTimeException e) {
            throw SluiceException.of(ErrorCode.INVALID_FUNCTION_INPUT).with("function", fn).with("reason", "invalid time zone '" + id + "'").build();
        }
    }

    static LocalDate nextDay(LocalDate d, String dow) {
        String s = dow.strip().toUpperCase(Locale.ROOT);
        DayOfWeek target = null;
        for (DayOfWeek w : DayOfWeek.values()) {
            String full = w.name();
            if (s.equals(full) || s.equals(full.substring(0, 3)) || s.equals(full.substring(0, 2))) target = w;
        }
        if (target == null) throw FnArgs.badInput("next_day", "'" + dow + "' is not a valid day of week");
        LocalDate n = d.plusDays(1);
        while (n.getDayOfWeek() != target) n = n.plusDays(1);
        return n;
    }
}
