package dev.sluice.expr.fn;

import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.IntVector;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;


/**
 * Fields of dates and timestamps as ints: year, quarter, month, dayofmonth/day, dayofweek (1 = Sunday),
 * weekday (0 = Monday), dayofyear, weekofyear (ISO 8601 weeks) of a date (strings and timestamps cast to
 * date), and hour, minute, second of a timestamp (strings and dates cast to timestamp), in the session zone.
 */
public final class DateFieldFunctions {
    private DateFieldFunctions() {}

    interface DayField { int of(int epochDay); }

    public static List<ScalarFunction> all() {
        return List.of(
                new OfDate("year", d -> LocalDate.ofEpochDay(d).getYear()),
                new OfDate("quarter", d -> (LocalDate.ofEpochDay(d).getMonthValue() + 2) / 3),
                new OfDate("month", d -> LocalDate.ofEpochDay(d).getMonthValue()),
                new OfDate("dayofmonth", d -> LocalDate.ofEpochDay(d).getDayOfMonth()),
                new OfDate("day", d -> LocalDate.ofEpochDay(d).getDayOfMonth()),
                new OfDate("dayofweek", d -> (int) Math.floorMod(d + 4L, 7L) + 1),    // 1970-01-01 was a Thursday (5)
                new OfDate("weekday", d -> (int) Math.floorMod(d + 3L, 7L)),
                new OfDate("dayofyear", d -> LocalDate.ofEpochDay(d).getDayOfYear()),
                new OfDate("weekofyear", d -> LocalDate.ofEpochDay(d).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
                new OfTimestamp("hour", 3_600_000_000L, 24),
                new OfTimestamp("minute", 60_000_000L, 60),
                new OfTimestamp("second", 1_000_000L, 60));
    }

    record OfDate(String name, DayField field) implements ScalarFunction {
        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name, args, 1, 1);
            DataType t = FnArgs.expect(name, args, 0, DataTypes.DATE);
            return new Signature(List.of(t), DataTypes.INT, FnArgs.nullableAs(args.get(0), DataTypes.DATE));
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            ColumnVector in = args[0];
            IntVector out = new IntVector(DataTypes.INT, rows);
            for (int i = 0; i < rows; i++) {
                if (in.isNull(i)) out.appendNull();
                else out.append(field.of(in.getInt(i)));
            }
            return out;
        }
    }

    /**
     * A clock field: (local micros / unit) mod range, with the local time of the session zone; of a TIME
     * (Spark 4.1's HoursOfTime, MinutesOfTime, SecondsOfTime) the field of that time of day.
     */
    record OfTimestamp(String name, long unit, int range) implements ScalarFunction {
        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name, args, 1, 1);
            if (args.get(0).dataType() instanceof dev.sluice.types.TimeType time) {
                return new Signature(List.of(time), DataTypes.INT, args.get(0).nullable());
            }
            DataType t = FnArgs.expect(name, args, 0, DataTypes.TIMESTAMP);
            return new Signature(List.of(t), DataTypes.INT, FnArgs.nullableAs(args.get(0), DataTypes.TIMESTAMP));
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            ColumnVector in = args[0];
            IntVector out = new IntVector(DataTypes.INT, rows);
            boolean time = in.type() instanceof dev.sluice.types.TimeType;
            for (int i = 0; i < rows; i++) {
                if (in.isNull(i)) out.appendNull();
                else if (time) out.append((int) (in.getLong(i) / (unit * 1000) % range));
                else out.append((int) Math.floorMod(Math.floorDiv(localMicros(in.getLong(i)), unit), (long) range));
            }
            return out;
        }
    }

    /** The instant's wall-clock microseconds in the session zone. */
    static long localMicros(long micros) {
        java.time.zone.ZoneRules rules = DateTimePatterns.sessionZone().getRules();
        java.time.Instant at = rules.isFixedOffset() ? java.time.Instant.EPOCH : dev.sluice.vector.Timestamps.toInstant(micros);
        return micros + rules.getOffset(at).getTotalSeconds() * 1_000_000L;
    }
}
