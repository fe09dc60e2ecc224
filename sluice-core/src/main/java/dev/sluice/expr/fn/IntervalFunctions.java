package dev.sluice.expr.fn;

import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DecimalType;
import dev.sluice.vector.Intervals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import static dev.sluice.types.DataTypes.INT;

/**
 * ANSI interval constructors: {@code make_dt_interval([days[, hours[, mins[, secs]]]])} (secs decimal(18,6)) and
 * {@code make_ym_interval([years[, months]])}; missing arguments are 0, a NULL argument gives NULL, overflow is
 * ARITHMETIC_OVERFLOW. {@code make_interval([years[, months[, weeks[, days[, hours[, mins[, secs]]]]]]])} builds
 * Spark's calendar {@code interval} (months = years × 12 + months, days = weeks × 7 + days, microseconds from the rest,
 * each overflowing on its own); {@code try_make_interval} gives NULL where make_interval overflows.
 */
public final class IntervalFunctions {
    private static final DecimalType SECONDS = DataTypes.decimal(18, 6);

    private IntervalFunctions() {}

    public static List<ScalarFunction> all() {
        List<ScalarFunction> out = new ArrayList<>();
        out.add(RowFunction.of("make_dt_interval", (fn, args) -> {
            Signature s = RowFunction.optional(0, DataTypes.DAY_TIME_INTERVAL, INT, INT, INT, SECONDS).bind(fn, args);
            return new Signature(s.argumentTypes(), s.resultType(), true);
        }, IntervalFunctions::makeDayTime));
        for (String n : List.of("make_interval", "try_make_interval")) {
            out.add(RowFunction.of(n, (fn, args) -> {
                Signature s = RowFunction.optional(0, DataTypes.CALENDAR_INTERVAL, INT, INT, INT, INT, INT, INT, SECONDS).bind(fn, args);
                return new Signature(s.argumentTypes(), s.resultType(), true);
            }, v -> makeCalendar(n, v)));
        }
        out.add(RowFunction.of("make_ym_interval", RowFunction.optional(0, DataTypes.YEAR_MONTH_INTERVAL, INT, INT), IntervalFunctions::makeYearMonth));
        return out;
    }

    private static Object makeDayTime(Object[] v) {
        for (Object o : v) if (o == null) return null;
        long days = v.length > 0 ? (Integer) v[0] : 0, hours = v.length > 1 ? (Integer) v[1] : 0, mins = v.length > 2 ? (Integer) v[2] : 0;
        BigDecimal secs = v.length > 3 ? (BigDecimal) v[3] : BigDecimal.ZERO;
        try {
            long micros = Math.addExact(Math.multiplyExact(days, 86_400_000_000L),
                    Math.addExact(Math.multiplyExact(hours, 3_600_000_000L), Math.multiplyExact(mins, 60_000_000L)));
            micros = Math.addExact(micros, secs.movePointRight(6).setScale(0, RoundingMode.DOWN).longValueExact());
            return Intervals.toDuration(micros);
        } catch (ArithmeticException e) {
            throw overflow("make_dt_interval");
        }
    }

    private static Object makeCalendar(String fn, Object[] v) {
        for (Object o : v) if (o == null) return null;
        int[] f = new int[6];
        for (int i = 0; i < Math.min(6, v.length); i++) f[i] = (Integer) v[i];
        BigDecimal secs = v.length > 6 ? (BigDecimal) v[6] : BigDecimal.ZERO;
        try {
            int months = Math.addExact(f[1], Math.multiplyExact(f[0], 12));
            int days = Math.addExact(f[3], Math.multiplyExact(f[2], 7));
            long micros = secs.movePointRight(6).setScale(0, RoundingMode.DOWN).longValueExact();
            micros = Math.addExact(micros, Math.multiplyExact((long) f[4], 3_600_000_000L));
            micros = Math.addExact(micros, Math.multiplyExact((long) f[5], 60_000_000L));
            return new dev.sluice.types.CalendarInterval(months, days, micros);
        } catch (ArithmeticException e) {
            if (fn.startsWith("try_")) return null;
            throw overflow(fn);
        }
    }

    private static Object makeYearMonth(Object[] v) {
        for (Object o : v) if (o == null) return null;
        long years = v.length > 0 ? (Integer) v[0] : 0, months = v.length > 1 ? (Integer) v[1] : 0;
        try {
            return Intervals.toPeriod(Math.toIntExact(Math.addExact(Math.multiplyExact(years, 12L), months)));
        } catch (ArithmeticException e) {
            throw overflow("make_ym_interval");
        }
    }

    private static dev.sluice.error.SluiceException overflow(String fn) {
        return dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.ARITHMETIC_OVERFLOW).with("operation", fn)
                .with("type", "interval").build();
    }
}
