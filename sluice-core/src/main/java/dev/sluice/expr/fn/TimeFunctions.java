package dev.sluice.expr.fn;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Casts;
import dev.sluice.expr.EvalMode;
import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.NullType;
import dev.sluice.types.TimeType;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.ConstantVector;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static dev.sluice.types.DataTypes.INT;
import static dev.sluice.types.DataTypes.LONG;
import static dev.sluice.types.DataTypes.STRING;

/**
 * Spark 4.1's functions of the TIME type: make_time(hour, minute, second) (DATETIME_FIELD_OUT_OF_BOUNDS for a field
 * out of range, second 60 included), to_time(text[, format]) and try_to_time (CANNOT_PARSE_TIME, or NULL),
 * time_diff(unit, start, end) (whole units from start to end, truncated toward zero), time_trunc(unit, time) and
 * current_time([precision]) (the session zone's wall clock when the query is analyzed). The units are HOUR,
 * MINUTE, SECOND, MILLISECOND and MICROSECOND. hour/minute/second and extract of a TIME live with their timestamp
 * forms ({@link DateFieldFunctions}, {@link DatePartFunctions}), make_timestamp(date, time) with
 * {@link DateConstructFunctions}. Spark gates these behind {@code spark.sql.timeType.enabled} ({@link #GATED}).
 */
public final class TimeFunctions {
    private TimeFunctions() {}

    /** The functions Spark refuses (UNSUPPORTED_TIME_TYPE) while the TIME type is disabled, whatever their arguments. */
    public static final Set<String> GATED = Set.of("make_time", "to_time", "try_to_time", "time_diff", "time_trunc", "current_time");

    static final String UNITS = "'HOUR', 'MINUTE', 'SECOND', 'MILLISECOND', 'MICROSECOND'";

    public static List<ScalarFunction> all() {
        List<ScalarFunction> out = new ArrayList<>();
        out.add(RowFunction.of("make_time", RowFunction.typed(DataTypes.TIME, INT, INT, DateConstructFunctions.SECONDS),
                v -> makeTime((Integer) v[0], (Integer) v[1], (BigDecimal) v[2])));
        out.add(new ToTime("to_time", false));
        out.add(new ToTime("try_to_time", true));
        out.add(RowFunction.of("time_diff", TimeFunctions::bindDiff,
                v -> (((LocalTime) v[2]).toNanoOfDay() - ((LocalTime) v[1]).toNanoOfDay()) / unitNanos("time_diff", (String) v[0])));
        out.add(RowFunction.of("time_trunc", TimeFunctions::bindTrunc, v -> {
            long nanos = ((LocalTime) v[1]).toNanoOfDay();
            return LocalTime.ofNanoOfDay(nanos - nanos % unitNanos("time_trunc", (String) v[0]));
        }));
        out.add(new CurrentTime());
        return out;
    }

    /** Spark's make_time: the seconds' fraction to microseconds; second 60 is out of bounds (unlike make_timestamp). */
    static LocalTime makeTime(int hour, int minute, BigDecimal seconds) {
        try {
            BigDecimal whole = seconds.setScale(0, java.math.RoundingMode.FLOOR);
            int nanos = seconds.subtract(whole).movePointRight(9).intValue();
            return LocalTime.of(hour, minute, whole.intValueExact(), nanos);
        } catch (DateTimeException | ArithmeticException e) {
            throw DateConstructFunctions.outOfBounds("make_time", e.getMessage());
        }
    }

    /** Nanoseconds in one {@code unit}; Spark's INVALID_PARAMETER_VALUE.TIME_UNIT for any other word. */
    static long unitNanos(String fn, String unit) {
        return switch (unit.toUpperCase(Locale.ROOT)) {
            case "HOUR" -> 3_600_000_000_000L;
            case "MINUTE" -> 60_000_000_000L;
            case "SECOND" -> 1_000_000_000L;
            case "MILLISECOND" -> 1_000_000L;
            case "MICROSECOND" -> 1_000L;
            default -> throw FnArgs.badInput(fn, "the value of parameter `unit` is invalid: expects one of the units " + UNITS
                    + ", but got ''" + unit + "''");
        };
    }

    /** A TIME argument: any precision; NULL reads as time(6). Strings are not cast (Spark 4.1 casts none implicitly here). */
    static DataType time(String fn, List<Expression> args, int i) {
        DataType t = args.get(i).dataType();
        if (t instanceof TimeType) return t;
        if (t instanceof NullType) return DataTypes.TIME;
        throw FnArgs.mismatch(fn, args, i, "the TIME type");
    }

    /** A unit argument: a string; checked now when constant. */
    static DataType unit(String fn, List<Expression> args, int i) {
        DataType t = FnArgs.expect(fn, args, i, STRING);
        if (FnArgs.constant(args.get(i), STRING) instanceof String s) unitNanos(fn, s);
        return t;
    }

    static Signature bindDiff(String fn, List<Expression> args) {
        FnArgs.arity(fn, args, 3, 3);
        return new Signature(List.of(unit(fn, args, 0), time(fn, args, 1), time(fn, args, 2)), LONG, true);
    }

    static Signature bindTrunc(String fn, List<Expression> args) {
        FnArgs.arity(fn, args, 2, 2);
        DataType t = time(fn, args, 1);
        return new Signature(List.of(unit(fn, args, 0), t), t, true);
    }

    /**
     * {@code to_time(text[, format])}: without a format Spark's cast of text to TIME (the forms of
     * {@code CAST(text AS TIME)}), with one a parse by the pattern; fraction digits past microseconds are dropped.
     * Text that does not parse is CANNOT_PARSE_TIME, or NULL for {@code try_to_time}.
     */
    record ToTime(String name, boolean lenient) implements ScalarFunction {
        private static final String DEFAULT_FORMAT = "HH:mm:ss.SSSSSS";

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name, args, 1, 2);
            List<DataType> types = new ArrayList<>(List.of(FnArgs.expect(name, args, 0, STRING)));
            if (args.size() == 2) types.add(DateTimeFunctions.pattern(name, args, 1, true));
            return new Signature(types, DataTypes.TIME, true);
        }

        @Override public String sql(List<Expression> arguments) {
            // Spark shows try_to_time as the call it wraps: try_to_time(to_time(s))
            String inner = ScalarFunction.super.sql(arguments);
            return lenient ? "try_to_time(to_time" + inner.substring(name.length()) + ")" : inner;
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            dev.sluice.vector.LongVector out = new dev.sluice.vector.LongVector(DataTypes.TIME, rows);
            DateTimePatterns.Cache patterns = new DateTimePatterns.Cache();
            ColumnVector parsed = args.length == 1 ? Casts.cast(args[0], DataTypes.TIME, EvalMode.TRY) : null;
            for (int i = 0; i < rows; i++) {
                if (args[0].isNull(i) || (args.length == 2 && args[1].isNull(i))) {
                    out.appendNull();
                    continue;
                }
                String text = args[0].getString(i);
                String format = args.length == 2 ? args[1].getString(i) : DEFAULT_FORMAT;
                long nanos = parsed != null ? (parsed.isNull(i) ? -1 : parsed.getLong(i))
                        : DateTimePatterns.parseTimeOfDay(name, patterns.get(format), text);
                if (nanos >= 0) {
                    out.append(nanos);
                } else if (lenient) {
                    out.appendNull();
                } else {
                    throw SluiceException.of(ErrorCode.CANNOT_PARSE_TIME).with("value", "'" + text + "'")
                            .with("pattern", "'" + format + "'").build();
                }
            }
            return out;
        }
    }

    /**
     * {@code current_time([precision])}: the time of day in the session zone at analysis, truncated to the precision
     * (0 to 6, default 6), the same value for every row and every use in the query. Never folded.
     */
    record CurrentTime() implements ScalarFunction {
        @Override public String name() { return "current_time"; }

        @Override public boolean deterministic() { return false; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 0, 1);
            int precision = TimeType.DEFAULT_PRECISION;
            if (args.size() == 1) {
                Object p = FnArgs.constant(args.get(0), INT);
                if (p == FnArgs.NOT_CONSTANT || p == null) throw FnArgs.invalid(name(), "the precision must be a constant integer");
                precision = (Integer) p;
                if (precision < TimeType.MIN_PRECISION || precision > TimeType.MAX_PRECISION) {
                    throw FnArgs.invalid(name(), "the precision " + precision + " is out of the range [0, 6]");
                }
            }
            TimeType type = DataTypes.time(precision);
            java.time.Instant at = dev.sluice.expr.QueryInstant.active();
            List<DataType> types = args.isEmpty() ? List.of() : List.of(INT);
            return new Signature(types, type, false, at == null ? null : valueAt(type, at));
        }

        @Override public boolean readsQueryInstant() { return true; }

        private static LocalTime valueAt(TimeType type, java.time.Instant at) {
            return LocalTime.ofNanoOfDay(type.truncate(LocalTime.ofInstant(at, DateTimePatterns.sessionZone()).toNanoOfDay()));
        }

        @Override public String sql(List<Expression> arguments) {
            return arguments.isEmpty() ? "current_time(" + TimeType.DEFAULT_PRECISION + ")" : ScalarFunction.super.sql(arguments);
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            Object value = signature.state() != null ? signature.state()
                    : valueAt((TimeType) signature.resultType(), dev.sluice.expr.QueryInstant.now());
            return ConstantVector.of(signature.resultType(), value, rows);
        }
    }
}
