package dev.sluice.expr.fn;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.IntegerType;
import dev.sluice.types.NullType;
import dev.sluice.types.StringType;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.DoubleVector;
import dev.sluice.vector.IntVector;
import dev.sluice.vector.LongVector;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;


/**
 * Date arithmetic in the session zone: date_add / date_sub (int days; bigint and fractional days are
 * TYPE_MISMATCH; the day number wraps as Spark's int arithmetic), datediff, months_between (Spark's 31-day
 * months and seconds, rounded to 8 digits unless told not to), add_months (clamped to the month's last day;
 * ARITHMETIC_OVERFLOW past the date range), last_day, trunc (YEAR/YYYY/YY, QUARTER, MONTH/MM/MON, WEEK;
 * anything else NULL) and date_trunc (also DAY/DD, HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND).
 */
public final class DateArithmeticFunctions {
    private DateArithmeticFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(new DateAdd("date_add", 1), new DateAdd("dateadd", 1), new DateAdd("date_sub", -1), new DateDiff(),
                new MonthsBetween(), new AddMonths(), new LastDay(), new Trunc(), new DateTrunc());
    }

    /** {@code date_add(date, days)}. */
    record DateAdd(String name, int sign) implements ScalarFunction {
        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name, args, 2, 2);
            DataType d = FnArgs.expect(name, args, 0, DataTypes.DATE);
            DataType n = args.get(1).dataType();
            if (!(n instanceof IntegerType || n instanceof StringType || n instanceof NullType)) throw FnArgs.mismatch(name, args, 1, "an int number of days");
            return new Signature(List.of(d, DataTypes.INT), DataTypes.DATE,
                    FnArgs.nullableAs(args.get(0), DataTypes.DATE) || FnArgs.nullableAs(args.get(1), DataTypes.INT));
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            IntVector out = new IntVector(DataTypes.DATE, rows);
            for (int i = 0; i < rows; i++) {
                if (args[0].isNull(i) || args[1].isNull(i)) out.appendNull();
                else out.append(args[0].getInt(i) + sign * args[1].getInt(i));   // wraps, as Spark
            }
            return out;
        }

        @Override public String sql(List<Expression> args) { return FnArgs.call(name.equals("dateadd") ? "date_add" : name, args); }
    }

    record DateDiff() implements ScalarFunction {
        @Override public String name() { return "datediff"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 2, 2);
            return new Signature(List.of(FnArgs.expect(name(), args, 0, DataTypes.DATE), FnArgs.expect(name(), args, 1, DataTypes.DATE)), DataTypes.INT,
                    FnArgs.nullableAs(args.get(0), DataTypes.DATE) || FnArgs.nullableAs(args.get(1), DataTypes.DATE));
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            IntVector out = new IntVector(DataTypes.INT, rows);
            for (int i = 0; i < rows; i++) {
                if (args[0].isNull(i) || args[1].isNull(i)) out.appendNull();
                else out.append(args[0].getInt(i) - args[1].getInt(i));
            }
            return out;
        }
    }

    /** {@code months_between(t1, t2[, roundOff])}. */
    record MonthsBetween() implements ScalarFunction {
        @Override public String name() { return "months_between"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 2, 3);
            DataType a = FnArgs.expect(name(), args, 0, DataTypes.TIMESTAMP), b = FnArgs.expect(name(), args, 1, DataTypes.TIMESTAMP);
            boolean nullable = FnArgs.nullableAs(args.get(0), DataTypes.TIMESTAMP) || FnArgs.nullableAs(args.get(1), DataTypes.TIMESTAMP);
            if (args.size() == 2) return new Signature(List.of(a, b), DataTypes.DOUBLE, nullable);
            return new Signature(List.of(a, b, FnArgs.expect(name(), args, 2, DataTypes.BOOLEAN)), DataTypes.DOUBLE, nullable || args.get(2).nullable());
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            DoubleVector out = new DoubleVector(DataTypes.DOUBLE, rows);
            for (int i = 0; i < rows; i++) {
                if (args[0].isNull(i) || args[1].isNull(i) || (args.length == 3 && args[2].isNull(i))) out.appendNull();
                else out.append(monthsBetween(args[0].getLong(i), args[1].getLong(i), args.length == 2 || args[2].getBoolean(i)));
            }
            return out;
        }

        static double monthsBetween(long t1, long t2, boolean roundOff) {
            LocalDateTime a = LocalDateTime.ofInstant(dev.sluice.vector.Timestamps.toInstant(t1), DateTimePatterns.sessionZone());
            LocalDateTime b = LocalDateTime.ofInstant(dev.sluice.vector.Timestamps.toInstant(t2), DateTimePatterns.sessionZone());
            LocalDate da = a.toLocalDate(), db = b.toLocalDate();
            double monthDiff = (da.getYear() * 12 + da.getMonthValue()) - (db.getYear() * 12 + db.getMonthValue());
            boolean bothLast = da.getDayOfMonth() == da.lengthOfMonth() && db.getDayOfMonth() == db.lengthOfMonth();
            if (da.getDayOfMonth() == db.getDayOfMonth() || bothLast) return monthDiff;
            long seconds1 = a.toLocalTime().toSecondOfDay(), seconds2 = b.toLocalTime().toSecondOfDay();
            long secondsDiff = (da.getDayOfMonth() - db.getDayOfMonth()) * 86_400L + seconds1 - seconds2;
            double diff = monthDiff + secondsDiff / (31 * 86_400.0);
            return roundOff ? Math.round(diff * 1e8) / 1e8 : diff;
        }

        @Override public String sql(List<Expression> args) {
            return args.size() == 2 ? "months_between(" + args.get(0).sql() + ", " + args.get(1).sql() + ", true)" : FnArgs.call(name(), args);
        }
    }

    record AddMonths() implements ScalarFunction {
        @Override public String name() { return "add_months"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 2, 2);
            return new Signature(List.of(FnArgs.expect(name(), args, 0, DataTypes.DATE), FnArgs.expect(name(), args, 1, DataTypes.INT)), DataTypes.DATE,
                    FnArgs.nullableAs(args.get(0), DataTypes.DATE) || FnArgs.nullableAs(args.get(1), DataTypes.INT));
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            IntVector out = new IntVector(DataTypes.DATE, rows);
            for (int i = 0; i < rows; i++) {
                if (args[0].isNull(i) || args[1].isNull(i)) {
                    out.appendNull();
                    continue;
                }
                try {
                    out.append(Math.toIntExact(LocalDate.ofEpochDay(args[0].getInt(i)).plusMonths(args[1].getInt(i)).toEpochDay()));
                } catch (DateTimeException | ArithmeticException e) {
                    throw SluiceException.of(ErrorCode.ARITHMETIC_OVERFLOW).with("operation", "add_months").with("type", "date").build();
                }
            }
            return out;
        }
    }

    record LastDay() implements ScalarFunction {
        @Override public String name() { return "last_day"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 1, 1);
            return new Signature(List.of(FnArgs.expect(name(), args, 0, DataTypes.DATE)), DataTypes.DATE, FnArgs.nullableAs(args.get(0), DataTypes.DATE));
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            IntVector out = new IntVector(DataTypes.DATE, rows);
            for (int i = 0; i < rows; i++) {
                if (args[0].isNull(i)) out.appendNull();
                else out.append((int) LocalDate.ofEpochDay(args[0].getInt(i)).with(TemporalAdjusters.lastDayOfMonth()).toEpochDay());
            }
            return out;
        }
    }

    /** Truncation levels, coarsest first; null for a name Spark does not know. */
    enum Level { YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND }

    static Level level(String unit, boolean dateOnly) {
        switch (unit.toUpperCase(Locale.ROOT)) {
            case "YEAR": case "YYYY": case "YY": return Level.YEAR;
            case "QUARTER": return Level.QUARTER;
            case "MONTH": case "MM": case "MON": return Level.MONTH;
            case "WEEK": return Level.WEEK;
            default: break;
        }
        if (dateOnly) return null;
        switch (unit.toUpperCase(Locale.ROOT)) {
            case "DAY": case "DD": return Level.DAY;
            case "HOUR": return Level.HOUR;
            case "MINUTE": return Level.MINUTE;
            case "SECOND": return Level.SECOND;
            case "MILLISECOND": return Level.MILLISECOND;
            case "MICROSECOND": return Level.MICROSECOND;
            default: return null;
        }
    }

    static LocalDate truncDate(LocalDate d, Level level) {
        switch (level) {
            case YEAR: return d.withDayOfYear(1);
            case QUARTER: return LocalDate.of(d.getYear(), (d.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case MONTH: return d.withDayOfMonth(1);
            case WEEK: return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            default: return d;
        }
    }

    /** {@code trunc(date, unit)}. */
    record Trunc() implements ScalarFunction {
        @Override public String name() { return "trunc"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 2, 2);
            return new Signature(List.of(FnArgs.expect(name(), args, 0, DataTypes.DATE), FnArgs.expect(name(), args, 1, DataTypes.STRING)), DataTypes.DATE, true);
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            IntVector out = new IntVector(DataTypes.DATE, rows);
            for (int i = 0; i < rows; i++) {
                Level level = args[0].isNull(i) || args[1].isNull(i) ? null : level(args[1].getString(i), true);
                if (level == null) out.appendNull();
                else out.append((int) truncDate(LocalDate.ofEpochDay(args[0].getInt(i)), level).toEpochDay());
            }
            return out;
        }
    }

    /** {@code date_trunc(unit, ts)}. */
    record DateTrunc() implements ScalarFunction {
        @Override public String name() { return "date_trunc"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 2, 2);
            return new Signature(List.of(FnArgs.expect(name(), args, 0, DataTypes.STRING), FnArgs.expect(name(), args, 1, DataTypes.TIMESTAMP)),
                    DataTypes.TIMESTAMP, true);
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            LongVector out = new LongVector(DataTypes.TIMESTAMP, rows);
            for (int i = 0; i < rows; i++) {
                Level level = args[0].isNull(i) || args[1].isNull(i) ? null : level(args[0].getString(i), false);
                if (level == null) out.appendNull();
                else out.append(truncMicros(args[1].getLong(i), level));
            }
            return out;
        }

        static long truncMicros(long micros, Level level) {
            long unit;
            switch (level) {
                case MICROSECOND: return micros;
                case MILLISECOND: unit = 1_000L; break;
                case SECOND: unit = 1_000_000L; break;
                case MINUTE: unit = 60_000_000L; break;
                case HOUR: unit = 3_600_000_000L; break;
                default: unit = 0;
            }
            if (unit > 0) {
                long local = DateFieldFunctions.localMicros(micros);
                return micros - Math.floorMod(local, unit);
            }
            ZonedDateTime z = dev.sluice.vector.Timestamps.toInstant(micros).atZone(DateTimePatterns.sessionZone());
            LocalDate day = truncDate(z.toLocalDate(), level);
            ZonedDateTime start = day.atStartOfDay(DateTimePatterns.sessionZone());
            return start.toEpochSecond() * 1_000_000L;
        }
    }

}
