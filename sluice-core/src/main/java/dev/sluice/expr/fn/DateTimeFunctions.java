package dev.sluice.expr.fn;

import dev.sluice.expr.Expression;
import dev.sluice.expr.QueryInstant;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DateType;
import dev.sluice.types.NullType;
import dev.sluice.types.StringType;
import dev.sluice.types.TimestampType;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.ConstantVector;
import dev.sluice.vector.IntVector;
import dev.sluice.vector.LongVector;
import dev.sluice.vector.Timestamps;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;


/**
 * Parsing and formatting datetimes with Spark's patterns ({@link DateTimePatterns}), in the session zone (UTC):
 * to_date / to_timestamp (without a pattern: Spark's cast; with one: a strict parse, CANNOT_PARSE_DATETIME on
 * bad text), date_format, unix_timestamp (default pattern {@code yyyy-MM-dd HH:mm:ss}; timestamps truncate
 * toward zero to seconds, as Spark), from_unixtime, and current_date / current_timestamp / now.
 * <p>current_* take their value from the {@link QueryInstant} of the run, bound when the query runs (Spark: once per
 * query): every call, row and batch of a query sees the same instant, and a new run takes a new one. They are
 * non-deterministic, so never folded.
 */
public final class DateTimeFunctions {
    private DateTimeFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(new ToDate(), new ToTimestamp(), new DateFormat(), new UnixTimestamp(), new FromUnixtime(),
                new Current("current_date", DataTypes.DATE), new Current("curdate", DataTypes.DATE),
                new Current("current_timestamp", DataTypes.TIMESTAMP), new Current("now", DataTypes.TIMESTAMP),
                new Current("localtimestamp", DataTypes.TIMESTAMP_NTZ));
    }

    /** A format argument: checked now when constant (a bad pattern fails at analysis). */
    static DataType pattern(String fn, List<Expression> args, int i, boolean parsing) {
        DataType t = FnArgs.expect(fn, args, i, DataTypes.STRING);
        Object p = FnArgs.constant(args.get(i), DataTypes.STRING);
        if (p instanceof String s) DateTimePatterns.build(fn, s, parsing);
        return t;
    }

    /** The text argument of a parse: strings stay, dates and timestamps stay, anything else is read as a string. */
    static DataType parseInput(String fn, List<Expression> args, int i) {
        DataType t = args.get(i).dataType();
        if (t instanceof StringType || t instanceof DateType || t instanceof TimestampType || t instanceof NullType) return t;
        return FnArgs.expect(fn, args, i, DataTypes.STRING);
    }

    /** {@code to_date(x[, fmt])}. */
    record ToDate() implements ScalarFunction {
        @Override public String name() { return "to_date"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 1, 2);
            if (args.size() == 1) {
                DataType in = parseInput(name(), args, 0);
                return new Signature(List.of(DataTypes.DATE), DataTypes.DATE, FnArgs.nullableAs(args.get(0), DataTypes.DATE));
            }
            DataType in = parseInput(name(), args, 0);
            DataType target = in instanceof StringType ? in : DataTypes.DATE;
            return new Signature(List.of(target, pattern(name(), args, 1, true)), DataTypes.DATE, FnArgs.anyNullable(args));
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            if (args.length == 1 || !(args[0].type() instanceof StringType)) {
                if (args.length == 1) return args[0];
                IntVector out = new IntVector(DataTypes.DATE, rows);
                for (int i = 0; i < rows; i++) {
                    if (args[0].isNull(i) || args[1].isNull(i)) out.appendNull();
                    else out.append(args[0].getInt(i));
                }
                return out;
            }
            IntVector out = new IntVector(DataTypes.DATE, rows);
            DateTimePatterns.Cache cache = new DateTimePatterns.Cache();
            for (int i = 0; i < rows; i++) {
                if (args[0].isNull(i) || args[1].isNull(i)) out.appendNull();
                else out.append(DateTimePatterns.parseDays(name(), cache.get(args[1].getString(i)), args[0].getString(i)));
            }
            return out;
        }
    }

    /** {@code to_timestamp(x[, fmt])}. */
    record ToTimestamp() implements ScalarFunction {
        @Override public String name() { return "to_timestamp"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 1, 2);
            if (args.size() == 1) {
                DataType t = args.get(0).dataType();
                if (!t.isNumeric() && !(t instanceof NullType)) parseInput(name(), args, 0);
                return new Signature(List.of(DataTypes.TIMESTAMP), DataTypes.TIMESTAMP, FnArgs.nullableAs(args.get(0), DataTypes.TIMESTAMP));
            }
            DataType in = parseInput(name(), args, 0);
            DataType target = in instanceof StringType ? in : DataTypes.TIMESTAMP;
            return new Signature(List.of(target, pattern(name(), args, 1, true)), DataTypes.TIMESTAMP, FnArgs.anyNullable(args));
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            if (args.length == 1) return args[0];
            LongVector out = new LongVector(DataTypes.TIMESTAMP, rows);
            boolean text = args[0].type() instanceof StringType;
            DateTimePatterns.Cache cache = new DateTimePatterns.Cache();
            for (int i = 0; i < rows; i++) {
                if (args[0].isNull(i) || args[1].isNull(i)) out.appendNull();
                else if (!text) out.append(args[0].getLong(i));
                else out.append(DateTimePatterns.parseMicros(name(), cache.get(args[1].getString(i)), args[0].getString(i), DateTimePatterns.sessionZone()));
            }
            return out;
        }
    }

    /** {@code date_format(ts, fmt)}: ts read as a timestamp (dates at midnight, strings cast). */
    record DateFormat() implements ScalarFunction {
        @Override public String name() { return "date_format"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 2, 2);
            DataType ts = FnArgs.expect(name(), args, 0, DataTypes.TIMESTAMP);
            return new Signature(List.of(ts, pattern(name(), args, 1, false)), DataTypes.STRING,
                    FnArgs.nullableAs(args.get(0), DataTypes.TIMESTAMP) || args.get(1).nullable());
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            BytesVector out = StringFunctions.strings(rows);
            DateTimePatterns.Cache cache = new DateTimePatterns.Cache();
            for (int i = 0; i < rows; i++) {
                if (args[0].isNull(i) || args[1].isNull(i)) out.appendNull();
                else out.append(DateTimePatterns.format(name(), cache.get(args[1].getString(i)), args[0].getLong(i), DateTimePatterns.sessionZone()));
            }
            return out;
        }
    }

    /** {@code unix_timestamp([x[, fmt]])}: seconds since the epoch. */
    record UnixTimestamp() implements ScalarFunction {
        @Override public String name() { return "unix_timestamp"; }

        @Override public boolean readsQueryInstant() { return true; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 0, 2);
            if (args.isEmpty()) return new Signature(List.of(), DataTypes.LONG, false, QueryInstant.active());
            DataType in = parseInput(name(), args, 0);
            if (args.size() == 1) return new Signature(List.of(in), DataTypes.LONG, args.get(0).nullable());
            return new Signature(List.of(in, pattern(name(), args, 1, true)), DataTypes.LONG, FnArgs.anyNullable(args));
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            if (args.length == 0) {
                Instant at = signature.state() instanceof Instant i ? i : QueryInstant.now();
                return ConstantVector.of(DataTypes.LONG, Math.floorDiv(Timestamps.toMicros(at), 1_000_000L), rows);
            }
            ColumnVector in = args[0];
            DataType t = in.type();
            LongVector out = new LongVector(DataTypes.LONG, rows);
            DateTimePatterns.Cache cache = new DateTimePatterns.Cache();
            for (int i = 0; i < rows; i++) {
                if (in.isNull(i) || (args.length == 2 && args[1].isNull(i))) {
                    out.appendNull();
                } else if (t instanceof TimestampType) {
                    out.append(in.getLong(i) / 1_000_000L);   // toward zero, as Spark
                } else if (t instanceof DateType) {
                    out.append(LocalDate.ofEpochDay(in.getInt(i)).atStartOfDay(DateTimePatterns.sessionZone()).toEpochSecond());
                } else {
                    String fmt = args.length == 2 ? args[1].getString(i) : DateTimePatterns.DEFAULT_TIMESTAMP;
                    out.append(DateTimePatterns.parseMicros(name(), cache.get(fmt), in.getString(i), DateTimePatterns.sessionZone()) / 1_000_000L);
                }
            }
            return out;
        }

        @Override public String sql(List<Expression> args) {
            if (args.isEmpty()) return "unix_timestamp(current_timestamp(), yyyy-MM-dd HH:mm:ss)";
            return args.size() == 1 ? "unix_timestamp(" + args.get(0).sql() + ", yyyy-MM-dd HH:mm:ss)" : FnArgs.call(name(), args);
        }
    }

    /** {@code from_unixtime(seconds[, fmt])}: seconds as bigint, formatted in the session zone. */
    record FromUnixtime() implements ScalarFunction {
        @Override public String name() { return "from_unixtime"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 1, 2);
            DataType s = FnArgs.expect(name(), args, 0, DataTypes.LONG);
            if (args.size() == 1) return new Signature(List.of(s), DataTypes.STRING, true);
            return new Signature(List.of(s, pattern(name(), args, 1, false)), DataTypes.STRING, true);
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            BytesVector out = StringFunctions.strings(rows);
            DateTimePatterns.Cache cache = new DateTimePatterns.Cache();
            for (int i = 0; i < rows; i++) {
                if (args[0].isNull(i) || (args.length == 2 && args[1].isNull(i))) {
                    out.appendNull();
                    continue;
                }
                String fmt = args.length == 2 ? args[1].getString(i) : DateTimePatterns.DEFAULT_TIMESTAMP;
                // Spark multiplies without an overflow check: huge values wrap
                out.append(DateTimePatterns.format(name(), cache.get(fmt), args[0].getLong(i) * 1_000_000L, DateTimePatterns.sessionZone()));
            }
            return out;
        }

        @Override public String sql(List<Expression> args) {
            return args.size() == 1 ? "from_unixtime(" + args.get(0).sql() + ", yyyy-MM-dd HH:mm:ss)" : FnArgs.call(name(), args);
        }
    }

    /**
     * current_date / curdate (the date in the session zone), current_timestamp / now, localtimestamp (the wall clock
     * in the session zone, a TIMESTAMP_NTZ): the query's instant, taken at binding, to the microsecond.
     */
    record Current(String name, DataType type) implements ScalarFunction {
        @Override public boolean deterministic() { return false; }

        @Override public boolean readsQueryInstant() { return true; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name, args, 0, 0);
            Instant at = QueryInstant.active();
            return new Signature(List.of(), type, false, at == null ? null : valueAt(at));
        }

        private Object valueAt(Instant at) {
            Instant instant = Timestamps.toInstant(Timestamps.toMicros(at));   // to the microsecond, as Spark
            if (type.equals(DataTypes.DATE)) return LocalDate.ofInstant(instant, DateTimePatterns.sessionZone());
            if (type.equals(DataTypes.TIMESTAMP_NTZ)) return LocalDateTime.ofInstant(instant, DateTimePatterns.sessionZone());
            return instant;
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            Object value = signature.state() != null ? signature.state() : valueAt(QueryInstant.now());
            return ConstantVector.of(type, value, rows);
        }
    }
}
