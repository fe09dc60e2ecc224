package dev.sluice.expr.fn;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.types.TimestampNTZType;
import dev.sluice.types.TimestampType;
import dev.sluice.types.DayTimeIntervalType;
import dev.sluice.vector.Timestamps;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Spark's time windows as values: {@code window(time, windowDuration[, slideDuration[, startTime]])} is the window
 * holding the row's time, {@code struct<start, end>} of the time's type (timestamp or timestamp_ntz; start = time −
 * ((time − startTime) mod slide), as Spark computes it; NULL for a NULL time); {@code window_time(window)} its last
 * instant (end − 1 µs); {@code session_window(time, gap)} the row's own session {@code struct<start: time, end: time +
 * gap>} (the gap a string such as {@code '5 minutes'} or a day-time interval, constant or not; end NULL for a NULL or
 * malformed gap). Durations are Spark's interval strings of weeks, days, hours, minutes, seconds, milliseconds and
 * microseconds, or day-time interval literals. A sliding window (a row in several windows) and the merging of
 * sessions are the analyzer's (AnalyzeTimeWindow, in the plans' package): the functions here only ever compute one
 * row's tumbling window or raw session.
 */
public final class TimeWindowFunctions {
    private TimeWindowFunctions() {}

    public static final StructType WINDOW = windowType(DataTypes.TIMESTAMP);

    /** The window struct over times of {@code type} (timestamp or timestamp_ntz); both fields nullable, as Spark's. */
    public static StructType windowType(DataType type) {
        return new StructType(List.of(new StructField("start", type, true), new StructField("end", type, true)));
    }

    public static List<ScalarFunction> all() {
        return List.of(new Window(), new SessionWindow(), RowFunction.of("window_time", (fn, args) -> {
            FnArgs.arity(fn, args, 1, 1);
            if (!(args.get(0).dataType() instanceof StructType st) || st.size() != 2 || !isTime(st.field(1).dataType())) {
                throw FnArgs.mismatch(fn, args, 0, "a time window struct<start: timestamp, end: timestamp>");
            }
            return new Signature(List.of(args.get(0).dataType()), ((StructType) args.get(0).dataType()).field(1).dataType(), true);
        }, v -> {
            Object end = ((Row) v[0]).get(1);
            return end == null ? null : plusMicros(end, -1);
        }));
    }

    private static boolean isTime(DataType t) { return t instanceof TimestampType || t instanceof TimestampNTZType; }

    /** The time argument's type: timestamp_ntz stays, anything else is cast to timestamp (strings included, as Spark). */
    private static DataType timeType(String fn, List<Expression> args) {
        if (args.get(0).dataType() instanceof TimestampNTZType) return DataTypes.TIMESTAMP_NTZ;
        return FnArgs.expect(fn, args, 0, DataTypes.TIMESTAMP);
    }

    /** Microseconds since the epoch of a timestamp (Instant) or timestamp_ntz (LocalDateTime) value. */
    static long toMicros(Object time) {
        if (time instanceof Instant i) return Timestamps.toMicros(i);
        return Timestamps.toMicros(((LocalDateTime) time).toInstant(ZoneOffset.UTC));
    }

    /** A value of the same kind as {@code like} at {@code micros}. */
    static Object ofMicros(Object like, long micros) {
        Instant i = Timestamps.toInstant(micros);
        return like instanceof Instant ? i : LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static Object plusMicros(Object time, long micros) { return ofMicros(time, Math.addExact(toMicros(time), micros)); }

    /** A constant duration argument: an interval string or a day-time interval. */
    private static long durationArgument(String fn, Expression e) {
        if (e.dataType() instanceof DayTimeIntervalType t) {
            Object v = FnArgs.constant(e, t);
            if (v instanceof Duration d) return durationMicros(d);
        } else {
            Object v = FnArgs.constant(e, DataTypes.STRING);
            if (v instanceof String s) return micros(fn, s);
        }
        throw FnArgs.invalid(fn, "the durations must be constant strings such as '5 minutes' or day-time intervals");
    }

    private static long durationMicros(Duration d) {
        return Math.addExact(Math.multiplyExact(d.getSeconds(), 1_000_000L), d.getNano() / 1_000);
    }

    /** Microseconds in an interval string such as {@code '5 minutes'} or {@code '1 hour 30 seconds'}. */
    static long micros(String fn, String text) {
        String[] parts = text.strip().toLowerCase(Locale.ROOT).split("\\s+");
        int i = parts.length > 0 && parts[0].equals("interval") ? 1 : 0;
        if ((parts.length - i) % 2 != 0 || parts.length - i == 0) throw bad(fn, text);
        long total = 0;
        for (; i < parts.length; i += 2) {
            long n;
            try {
                n = Long.parseLong(parts[i]);
            } catch (NumberFormatException e) {
                throw bad(fn, text);
            }
            String unit = parts[i + 1].endsWith("s") ? parts[i + 1].substring(0, parts[i + 1].length() - 1) : parts[i + 1];
            long scale = switch (unit) {
                case "week" -> 7L * 86_400_000_000L;
                case "day" -> 86_400_000_000L;
                case "hour" -> 3_600_000_000L;
                case "minute" -> 60_000_000L;
                case "second" -> 1_000_000L;
                case "millisecond" -> 1_000L;
                case "microsecond" -> 1L;
                case "month", "year" -> throw FnArgs.invalid(fn, "intervals of months or years are not supported for time windows: " + text);
                default -> throw bad(fn, text);
            };
            total = Math.addExact(total, Math.multiplyExact(n, scale));
        }
        return total;
    }

    private static SluiceException bad(String fn, String text) {
        return FnArgs.invalid(fn, "'" + text + "' is not an interval such as '5 minutes'");
    }

    public static final class Window implements ScalarFunction {
        /** Microseconds: the window's length, its slide and its start offset. */
        public record State(long duration, long slide, long start) {}

        @Override public String name() { return "window"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 2, 4);
            DataType time = timeType(name(), args);
            long[] d = new long[3];
            for (int i = 1; i < args.size(); i++) d[i - 1] = durationArgument(name(), args.get(i));
            long duration = d[0], slide = args.size() > 2 ? d[1] : duration, start = args.size() > 3 ? d[2] : 0;
            // Spark's checks (TimeWindow.checkInputDataTypes: DATATYPE_MISMATCH)
            if (duration <= 0) throw constraint(args, "a positive window duration");
            if (slide <= 0) throw constraint(args, "a positive slide duration");
            if (slide > duration) throw constraint(args, "a slide duration less than or equal to the window duration");
            if (Math.abs(start) >= slide) throw constraint(args, "a start time whose absolute value is less than the slide duration");
            List<DataType> types = new ArrayList<>(List.of(time));
            for (int i = 1; i < args.size(); i++) types.add(args.get(i).dataType());
            return new Signature(types, windowType(time), true, new State(duration, slide, start));
        }

        private SluiceException constraint(List<Expression> args, String expected) {
            return SluiceException.of(ErrorCode.TYPE_MISMATCH).with("expression", name() + "(" + args.stream().map(Expression::sql)
                    .collect(java.util.stream.Collectors.joining(", ")) + ")").with("expected", expected).with("actual", "other durations").build();
        }

        /** The window's duration, slide and start offset in microseconds, once bound. */
        public static State state(Signature signature) { return (State) signature.state(); }

        @Override public dev.sluice.vector.ColumnVector evaluate(Signature signature, dev.sluice.vector.ColumnVector[] args, int rows) {
            State st = (State) signature.state();
            if (st.slide() != st.duration()) {
                throw SluiceException.internal("a sliding window must be expanded by the analyzer before it runs");
            }
            StructType type = (StructType) signature.resultType();
            dev.sluice.vector.FlatVector out = dev.sluice.vector.Vectors.allocate(type, rows);
            for (int r = 0; r < rows; r++) {
                if (args[0].isNull(r)) {
                    out.appendNull();
                    continue;
                }
                Object time = args[0].getObject(r);
                long t = toMicros(time);
                long remainder = (t - st.start()) % st.duration();
                long start = t - (remainder < 0 ? remainder + st.duration() : remainder);
                out.appendObject(new Row(type, new Object[] {ofMicros(time, start), ofMicros(time, start + st.duration())}));
            }
            return out;
        }

        /** Spark names the column {@code window}. */
        @Override public String sql(List<Expression> arguments) { return "window"; }
    }

    /**
     * One row's session before merging: {@code struct<start: time, end: time + gap>}. The gap is a string (parsed per
     * row when it is not constant: Spark casts it to an interval, a malformed one gives NULL) or a day-time interval.
     */
    public static final class SessionWindow implements ScalarFunction {
        @Override public String name() { return "session_window"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 2, 2);
            DataType time = timeType(name(), args);
            DataType gap = args.get(1).dataType();
            if (!(gap instanceof DayTimeIntervalType) && !gap.equals(DataTypes.NULL)) gap = FnArgs.expect(name(), args, 1, DataTypes.STRING);
            if (gap.equals(DataTypes.NULL)) gap = DataTypes.STRING;
            return new Signature(List.of(time, gap), windowType(time), true);
        }

        @Override public dev.sluice.vector.ColumnVector evaluate(Signature signature, dev.sluice.vector.ColumnVector[] args, int rows) {
            StructType type = (StructType) signature.resultType();
            dev.sluice.vector.FlatVector out = dev.sluice.vector.Vectors.allocate(type, rows);
            for (int r = 0; r < rows; r++) {
                if (args[0].isNull(r)) {
                    out.appendNull();
                    continue;
                }
                Object time = args[0].getObject(r);
                Long gap = args[1].isNull(r) ? null : gapMicros(args[1].getObject(r));
                Object end = gap == null ? null : plusMicros(time, gap);
                out.appendObject(new Row(type, new Object[] {time, end}));
            }
            return out;
        }

        private Long gapMicros(Object gap) {
            if (gap instanceof Duration d) return durationMicros(d);
            try {
                return micros(name(), (String) gap);
            } catch (SluiceException e) {
                if (e.code() == ErrorCode.INVALID_ARGUMENT && !((String) gap).toLowerCase(Locale.ROOT).matches(".*(month|year).*")) return null;
                throw e;
            }
        }

        /** Spark names the column {@code session_window}. */
        @Override public String sql(List<Expression> arguments) { return "session_window"; }
    }
}
