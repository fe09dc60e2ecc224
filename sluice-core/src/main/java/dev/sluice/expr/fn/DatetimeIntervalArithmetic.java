package dev.sluice.expr.fn;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Arithmetic;
import dev.sluice.expr.EvalMode;
import dev.sluice.expr.Expression;
import dev.sluice.expr.FunctionCall;
import dev.sluice.expr.Literal;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.expr.TypeCoercion;
import dev.sluice.types.CalendarInterval;
import dev.sluice.types.CalendarIntervalType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DateType;
import dev.sluice.types.DayTimeIntervalType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.NullType;
import dev.sluice.types.TimestampNTZType;
import dev.sluice.types.TimeType;
import dev.sluice.vector.Intervals;
import dev.sluice.types.TimestampType;
import dev.sluice.types.YearMonthIntervalType;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.IntVector;
import dev.sluice.vector.LongVector;
import dev.sluice.vector.Vectors;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * {@code + - * /} where a date, timestamp, timestamp_ntz or ANSI interval takes part, as Spark's analyzer rewrites
 * them: date ± int (date_add), date ± year-month interval (add_months), date ± day interval (days), date or
 * timestamp ± day-time interval (microseconds, a date becoming a timestamp), timestamp ± year-month interval
 * (months on the session zone's wall clock), timestamp − timestamp and date − date (a day-time interval),
 * interval ± interval, interval × number and interval ÷ number (HALF_UP rounding). Overflow is
 * ARITHMETIC_OVERFLOW under ANSI and NULL under try_. Spark's calendar {@code interval} (months, days, microseconds)
 * adds to a timestamp as months then days on the wall clock, then microseconds; to a date as months then days (a
 * non-zero microseconds part is INVALID_INTERVAL_WITH_MICROSECONDS_ADDITION under ANSI); calendar intervals add to
 * each other field by field, and scale by a number in double as Spark's multiply_interval / divide_interval (a
 * month fraction is dropped, a day fraction becomes microseconds). The call carries the operator and the mode as two trailing
 * literals; its SQL text is the operator's.
 */
public final class DatetimeIntervalArithmetic implements ScalarFunction {
    public static final String NAME = "$datetime_arithmetic";
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private enum Kind {
        DATE_DAYS, DATE_MONTHS, TIME_MONTHS, TIME_MICROS, SUBTRACT_TIMES, SUBTRACT_DATES, INTERVALS, SCALE, DIVIDE,
        DATE_CALENDAR, TIME_CALENDAR, CALENDARS, CALENDAR_SCALE, CALENDAR_DIVIDE, CLOCK_MICROS, SUBTRACT_CLOCKS
    }

    private record State(Kind kind, int sign, EvalMode mode, boolean intervalFirst) {}

    public static List<ScalarFunction> all() { return List.of(new DatetimeIntervalArithmetic()); }

    @Override public String name() { return NAME; }

    /** Whether Spark rewrites {@code left op right} into datetime or interval arithmetic. */
    public static boolean applies(DataType left, DataType right) {
        return isTemporal(left) || isTemporal(right);
    }

    private static boolean isTemporal(DataType t) {
        return t instanceof DateType || t instanceof TimestampType || t instanceof TimestampNTZType || t.isInterval() || isCalendar(t)
                || t instanceof TimeType;
    }

    private static boolean isCalendar(DataType t) { return t instanceof CalendarIntervalType; }

    /** The unresolved call standing for {@code left op right} under {@code mode}. */
    public static FunctionCall call(Arithmetic.Op op, Expression left, Expression right, EvalMode mode) {
        return FunctionCall.of(NAME, left, right, Literal.of(op.name()), Literal.of(mode.name()));
    }

    @Override public Signature bind(List<Expression> args) {
        Arithmetic.Op op = Arithmetic.Op.valueOf((String) ((Literal) args.get(2)).value());
        EvalMode mode = EvalMode.valueOf((String) ((Literal) args.get(3)).value());
        DataType l = args.get(0).dataType(), r = args.get(1).dataType();
        if (l instanceof NullType && isCalendar(r)) l = op == Arithmetic.Op.MULTIPLY ? DataTypes.DOUBLE : r;
        if (r instanceof NullType && isCalendar(l)) r = op == Arithmetic.Op.MULTIPLY || op == Arithmetic.Op.DIVIDE ? DataTypes.DOUBLE : l;
        if (l instanceof NullType) l = r.isInterval() && !(op == Arithmetic.Op.ADD || op == Arithmetic.Op.SUBTRACT) ? DataTypes.INT : r;
        if (r instanceof NullType) r = l.isInterval() && (op == Arithmetic.Op.MULTIPLY || op == Arithmetic.Op.DIVIDE) ? DataTypes.INT : l;
        boolean nullable = args.get(0).nullable() || args.get(1).nullable() || mode == EvalMode.TRY;
        int sign = op == Arithmetic.Op.SUBTRACT ? -1 : 1;
        boolean additive = op == Arithmetic.Op.ADD || op == Arithmetic.Op.SUBTRACT;
        String text = "(" + args.get(0).sql() + " " + op.symbol() + " " + args.get(1).sql() + ")";
        if (additive) {
            // a datetime on the right of + swaps sides (interval + date is date + interval)
            if (op == Arithmetic.Op.ADD && !isDatetime(l) && !(l instanceof TimeType) && (isDatetime(r) || r instanceof TimeType)) {
                Signature s = bindAdditive(r, l, 1, mode, nullable, text);
                if (s != null) return swapped(s);
            }
            Signature s = bindAdditive(l, r, sign, mode, nullable, text);
            if (s != null) return s;
        } else if (op == Arithmetic.Op.MULTIPLY || op == Arithmetic.Op.DIVIDE) {
            boolean calendarLeft = isCalendar(l) && isNumber(r), calendarRight = op == Arithmetic.Op.MULTIPLY && isCalendar(r) && isNumber(l);
            if (calendarLeft || calendarRight) {
                Kind kind = op == Arithmetic.Op.MULTIPLY ? Kind.CALENDAR_SCALE : Kind.CALENDAR_DIVIDE;
                DataType c = DataTypes.CALENDAR_INTERVAL, d = DataTypes.DOUBLE;
                return new Signature(calendarLeft ? List.of(c, d, DataTypes.STRING, DataTypes.STRING) : List.of(d, c, DataTypes.STRING, DataTypes.STRING),
                        c, true, new State(kind, 1, mode, calendarLeft));
            }
            boolean intervalLeft = l.isInterval() && isNumber(r);
            boolean intervalRight = op == Arithmetic.Op.MULTIPLY && r.isInterval() && isNumber(l);
            if (intervalLeft || intervalRight) {
                DataType interval = intervalLeft ? l : r, number = intervalLeft ? r : l;
                DataType result = interval instanceof YearMonthIntervalType ? DataTypes.YEAR_MONTH_INTERVAL : DataTypes.DAY_TIME_INTERVAL;
                Kind kind = op == Arithmetic.Op.MULTIPLY ? Kind.SCALE : Kind.DIVIDE;
                return new Signature(intervalLeft ? List.of(interval, number, DataTypes.STRING, DataTypes.STRING)
                        : List.of(number, interval, DataTypes.STRING, DataTypes.STRING), result,
                        nullable || op == Arithmetic.Op.DIVIDE, new State(kind, 1, mode, intervalLeft));
            }
        }
        throw SluiceException.of(ErrorCode.TYPE_MISMATCH).with("expression", text)
                .with("expected", "operands " + op.symbol() + " applies to")
                .with("actual", args.get(0).dataType().simpleString() + " and " + args.get(1).dataType().simpleString()).build();
    }

    private static Signature swapped(Signature s) {
        State st = (State) s.state();
        List<DataType> t = s.argumentTypes();
        return new Signature(List.of(t.get(1), t.get(0), t.get(2), t.get(3)), s.resultType(), s.nullable(),
                new State(st.kind(), st.sign(), st.mode(), false));
    }

    private static Signature bindAdditive(DataType l, DataType r, int sign, EvalMode mode, boolean nullable, String text) {
        List<DataType> strings = List.of(DataTypes.STRING, DataTypes.STRING);
        if (l instanceof TimeType || r instanceof TimeType) {
            // Spark 4.1: TIME ± day-time interval keeps the TIME's type; TIME − TIME is an interval hour to second
            if (l instanceof TimeType && r instanceof DayTimeIntervalType) return sig(List.of(l, r), strings, l, nullable, Kind.CLOCK_MICROS, sign, mode);
            if (sign < 0 && l instanceof TimeType && r instanceof TimeType) {
                return sig(List.of(l, r), strings, new DayTimeIntervalType(DayTimeIntervalType.HOUR, DayTimeIntervalType.SECOND),
                        nullable, Kind.SUBTRACT_CLOCKS, 1, mode);
            }
            return null;
        }
        if (isCalendar(r)) {
            if (l instanceof DateType) return sig(List.of(l, r), strings, l, nullable, Kind.DATE_CALENDAR, sign, mode);
            if (l instanceof TimestampType || l instanceof TimestampNTZType) return sig(List.of(l, r), strings, l, nullable, Kind.TIME_CALENDAR, sign, mode);
            if (isCalendar(l)) return sig(List.of(l, r), strings, l, nullable, Kind.CALENDARS, sign, mode);
            return null;
        }
        if (isCalendar(l)) return null;
        if (l instanceof DateType && (r.isIntegral() && !(r instanceof dev.sluice.types.LongType))) {
            return sig(List.of(DataTypes.DATE, DataTypes.INT), strings, DataTypes.DATE, nullable, Kind.DATE_DAYS, sign, mode);
        }
        if (l instanceof DateType && r instanceof YearMonthIntervalType) {
            return sig(List.of(DataTypes.DATE, r), strings, DataTypes.DATE, nullable, Kind.DATE_MONTHS, sign, mode);
        }
        if (l instanceof DateType && r instanceof DayTimeIntervalType dt && dt.startField() == DayTimeIntervalType.DAY
                && dt.endField() == DayTimeIntervalType.DAY) {
            return sig(List.of(DataTypes.DATE, r), strings, DataTypes.DATE, nullable, Kind.DATE_DAYS, sign, mode);
        }
        if (l instanceof DateType && r instanceof DayTimeIntervalType) {
            return sig(List.of(DataTypes.TIMESTAMP, r), strings, DataTypes.TIMESTAMP, nullable, Kind.TIME_MICROS, sign, mode);
        }
        boolean time = l instanceof TimestampType || l instanceof TimestampNTZType;
        if (time && r instanceof YearMonthIntervalType) return sig(List.of(l, r), strings, l, nullable, Kind.TIME_MONTHS, sign, mode);
        if (time && r instanceof DayTimeIntervalType) return sig(List.of(l, r), strings, l, nullable, Kind.TIME_MICROS, sign, mode);
        if (sign < 0 && l instanceof DateType && r instanceof DateType) {
            return sig(List.of(l, r), strings, new DayTimeIntervalType(DayTimeIntervalType.DAY, DayTimeIntervalType.DAY), nullable, Kind.SUBTRACT_DATES, 1, mode);
        }
        if (sign < 0 && isDatetime(l) && isDatetime(r)) {
            DataType common = TypeCoercion.tightestCommonType(l, r).orElse(DataTypes.TIMESTAMP);
            if (common instanceof DateType) common = DataTypes.TIMESTAMP;
            return sig(List.of(common, common), strings, DataTypes.DAY_TIME_INTERVAL, nullable, Kind.SUBTRACT_TIMES, 1, mode);
        }
        if (l.isInterval() && l.getClass() == r.getClass()) {
            DataType common = TypeCoercion.tightestCommonType(l, r).orElseThrow();
            return sig(List.of(common, common), strings, common, nullable, Kind.INTERVALS, sign, mode);
        }
        return null;
    }

    private static Signature sig(List<DataType> operands, List<DataType> strings, DataType result, boolean nullable, Kind kind, int sign, EvalMode mode) {
        return new Signature(List.of(operands.get(0), operands.get(1), strings.get(0), strings.get(1)), result, nullable,
                new State(kind, sign, mode, true));
    }

    private static boolean isDatetime(DataType t) {
        return t instanceof DateType || t instanceof TimestampType || t instanceof TimestampNTZType;
    }

    private static boolean isNumber(DataType t) { return t.isNumeric(); }

    @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
        State st = (State) signature.state();
        ColumnVector a = st.intervalFirst() ? args[0] : args[1], b = st.intervalFirst() ? args[1] : args[0];
        FlatVector out = Vectors.allocate(signature.resultType(), rows);
        ZoneId zone = signature.resultType() instanceof TimestampType || a.type() instanceof TimestampType
                ? DateTimePatterns.sessionZone() : ZoneOffset.UTC;
        for (int i = 0; i < rows; i++) {
            if (a.isNull(i) || b.isNull(i)) {
                out.appendNull();
                continue;
            }
            try {
                evalRow(st, a, b, i, out, zone);
            } catch (ArithmeticException | java.time.DateTimeException e) {
                if (st.mode() == EvalMode.ANSI) {
                    throw SluiceException.of(ErrorCode.ARITHMETIC_OVERFLOW).with("operation", "interval arithmetic")
                            .with("type", signature.resultType().simpleString()).build();
                }
                out.appendNull();
            }
        }
        return out;
    }

    private static void evalRow(State st, ColumnVector a, ColumnVector b, int i, FlatVector out, ZoneId zone) {
        int sign = st.sign();
        switch (st.kind()) {
            case DATE_DAYS -> {
                long days = b.type() instanceof DayTimeIntervalType ? b.getLong(i) / MICROS_PER_DAY : b.getInt(i);
                ((IntVector) out).append(Math.toIntExact(a.getInt(i) + sign * days));
            }
            case DATE_MONTHS -> ((IntVector) out).append(Math.toIntExact(
                    java.time.LocalDate.ofEpochDay(a.getInt(i)).plusMonths(Math.multiplyExact(sign, (long) b.getInt(i))).toEpochDay()));
            case TIME_MONTHS -> {
                long micros = a.getLong(i);
                LocalDateTime wall = LocalDateTime.ofInstant(dev.sluice.vector.Timestamps.toInstant(micros), zone);
                LocalDateTime moved = wall.plusMonths(Math.multiplyExact(sign, (long) b.getInt(i)));
                long seconds = zone.equals(ZoneOffset.UTC) ? moved.toEpochSecond(ZoneOffset.UTC) : moved.atZone(zone).toEpochSecond();
                ((LongVector) out).append(Math.addExact(Math.multiplyExact(seconds, 1_000_000L), moved.getNano() / 1000L));
            }
            case TIME_MICROS -> ((LongVector) out).append(Math.addExact(a.getLong(i), Math.multiplyExact(sign, b.getLong(i))));
            case SUBTRACT_TIMES -> ((LongVector) out).append(Math.subtractExact(a.getLong(i), b.getLong(i)));
            case CLOCK_MICROS -> {
                long nanos = a.getLong(i) + Math.multiplyExact(Math.multiplyExact(sign, b.getLong(i)), 1000L);
                if (nanos >= 0 && nanos < TimeType.NANOS_PER_DAY) {
                    ((LongVector) out).append(nanos);
                } else if (st.mode() == EvalMode.TRY) {
                    out.appendNull();
                } else {
                    throw SluiceException.of(ErrorCode.DATETIME_OVERFLOW).with("operation", "add "
                            + new Literal(Intervals.toDuration(sign * b.getLong(i)), b.type()).sql()
                            + " to the time value " + Literal.of(java.time.LocalTime.ofNanoOfDay(a.getLong(i))).sql()).build();
                }
            }
            case SUBTRACT_CLOCKS -> ((LongVector) out).append((a.getLong(i) - b.getLong(i)) / 1000L);
            case SUBTRACT_DATES -> ((LongVector) out).append(Math.multiplyExact((long) a.getInt(i) - b.getInt(i), MICROS_PER_DAY));
            case INTERVALS -> {
                if (a.type().storesInt()) ((IntVector) out).append(Math.toIntExact((long) a.getInt(i) + (long) sign * b.getInt(i)));
                else ((LongVector) out).append(Math.addExact(a.getLong(i), Math.multiplyExact(sign, b.getLong(i))));
            }
            case DATE_CALENDAR -> ((IntVector) out).append(dateAdd(a.getInt(i), calendar(b, i, sign), st.mode(), zone));
            case TIME_CALENDAR -> ((LongVector) out).append(timeAdd(a.getLong(i), calendar(b, i, sign),
                    a.type() instanceof TimestampNTZType ? ZoneOffset.UTC : DateTimePatterns.sessionZone()));
            case CALENDARS -> {
                CalendarInterval x = (CalendarInterval) a.getObject(i), y = calendar(b, i, sign);
                out.appendObject(new CalendarInterval(Math.addExact(x.months(), y.months()), Math.addExact(x.days(), y.days()),
                        Math.addExact(x.microseconds(), y.microseconds())));
            }
            case CALENDAR_SCALE, CALENDAR_DIVIDE -> {
                CalendarInterval x = (CalendarInterval) a.getObject(i);
                double n = b.getDouble(i);
                if (st.kind() == Kind.CALENDAR_DIVIDE) {
                    if (n == 0) {
                        divideByZero(st.mode(), out);
                        return;
                    }
                    out.appendObject(fromDoubles(x.months() / n, x.days() / n, x.microseconds() / n));
                } else {
                    out.appendObject(fromDoubles(x.months() * n, x.days() * n, x.microseconds() * n));
                }
            }
            case SCALE, DIVIDE -> {
                long v = a.type().storesInt() ? a.getInt(i) : a.getLong(i);
                long r = scale(v, b, i, st.kind() == Kind.DIVIDE, st.mode(), out);
                if (r == Long.MIN_VALUE && out.size() > i) return;   // divide by zero under try_: NULL appended
                if (out.type().storesInt()) ((IntVector) out).append(Math.toIntExact(r));
                else ((LongVector) out).append(r);
            }
        }
    }

    /** The calendar interval of row i, negated for subtraction (Spark rewrites {@code x - i} to {@code x + (-i)}). */
    private static CalendarInterval calendar(ColumnVector v, int i, int sign) {
        CalendarInterval c = (CalendarInterval) v.getObject(i);
        if (sign > 0) return c;
        return new CalendarInterval(Math.negateExact(c.months()), Math.negateExact(c.days()), Math.negateExact(c.microseconds()));
    }

    /** Spark's DateTimeUtils.timestampAddInterval: months and days on the wall clock of {@code zone}, then microseconds. */
    private static long timeAdd(long micros, CalendarInterval c, ZoneId zone) {
        long moved = micros;
        if (c.months() != 0 || c.days() != 0) {
            LocalDateTime wall = LocalDateTime.ofInstant(dev.sluice.vector.Timestamps.toInstant(micros), zone)
                    .plusMonths(c.months()).plusDays(c.days());
            moved = dev.sluice.vector.Timestamps.toMicros(wall.atZone(zone).toInstant());
        }
        return Math.addExact(moved, c.microseconds());
    }

    /** Spark's DateAddInterval: months then days; microseconds are an error under ANSI, else the sum goes through a timestamp. */
    private static int dateAdd(int days, CalendarInterval c, EvalMode mode, ZoneId zone) {
        if (c.microseconds() == 0) {
            return Math.toIntExact(java.time.LocalDate.ofEpochDay(days).plusMonths(c.months()).plusDays(c.days()).toEpochDay());
        }
        if (mode == EvalMode.ANSI) throw SluiceException.of(ErrorCode.INVALID_INTERVAL_WITH_MICROSECONDS_ADDITION).build();
        ZoneId z = DateTimePatterns.sessionZone();
        long start = dev.sluice.vector.Timestamps.toMicros(java.time.LocalDate.ofEpochDay(days).atStartOfDay(z).toInstant());
        return Math.toIntExact(LocalDateTime.ofInstant(dev.sluice.vector.Timestamps.toInstant(timeAdd(start, c, z)), z).toLocalDate().toEpochDay());
    }

    /** Spark's IntervalUtils.fromDoubles: months and days truncated, the days' fraction carried into microseconds. */
    private static CalendarInterval fromDoubles(double months, double days, double micros) {
        if (Double.isNaN(months) || Double.isNaN(days) || Double.isNaN(micros)) throw new ArithmeticException("NaN interval");
        int m = Math.toIntExact((long) months), d = Math.toIntExact((long) days);
        double rest = micros + 86_400_000_000.0 * (days - d);
        return new CalendarInterval(m, d, Math.round(rest));
    }

    /** v × n or v ÷ n rounded HALF_UP, as Spark's Multiply/Divide(YM|DT)Interval. */
    private static long scale(long v, ColumnVector n, int i, boolean divide, EvalMode mode, FlatVector out) {
        DataType t = n.type();
        BigDecimal factor;
        if (t instanceof dev.sluice.types.DoubleType || t instanceof dev.sluice.types.FloatType) {
            double d = t instanceof dev.sluice.types.FloatType ? n.getFloat(i) : n.getDouble(i);
            if (divide && d == 0) return divideByZero(mode, out);
            double r = divide ? v / d : v * d;
            if (Double.isNaN(r) || Double.isInfinite(r)) throw new ArithmeticException("overflow");
            return new BigDecimal(r).setScale(0, RoundingMode.HALF_UP).longValueExact();
        }
        factor = t instanceof DecimalType ? n.getDecimal(i) : BigDecimal.valueOf(t.storesInt() ? n.getInt(i) : n.getLong(i));
        if (divide && factor.signum() == 0) return divideByZero(mode, out);
        BigDecimal r = divide ? BigDecimal.valueOf(v).divide(factor, 0, RoundingMode.HALF_UP)
                : BigDecimal.valueOf(v).multiply(factor).setScale(0, RoundingMode.HALF_UP);
        return r.longValueExact();
    }

    private static long divideByZero(EvalMode mode, FlatVector out) {
        if (mode == EvalMode.ANSI) throw SluiceException.of(ErrorCode.DIVIDE_BY_ZERO).build();
        out.appendNull();
        return Long.MIN_VALUE;
    }

    @Override public String sql(List<Expression> args) {
        Arithmetic.Op op = Arithmetic.Op.valueOf((String) ((Literal) args.get(2)).value());
        return "(" + args.get(0).sql() + " " + op.symbol() + " " + args.get(1).sql() + ")";
    }
}
