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
 * ARITHMETIC_OVERFLOW. Spark's legacy {@code make_interval} (CalendarIntervalType) is not a Sluice type and stays
 * unknown.
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
