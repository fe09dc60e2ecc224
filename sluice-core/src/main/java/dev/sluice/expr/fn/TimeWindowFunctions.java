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
import dev.sluice.types.TimestampType;
import dev.sluice.vector.Timestamps;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Spark's time windows as values: {@code window(time, windowDuration[, slideDuration[, startTime]])} is the
 * tumbling window holding the row's time, {@code struct<start: timestamp, end: timestamp>} (start = time − ((time −
 * startTime) mod duration), as Spark computes it; NULL for a NULL time), and {@code window_time(window)} its last
 * instant (end − 1 µs). Durations are Spark's interval strings of weeks, days, hours, minutes, seconds,
 * milliseconds and microseconds. A slide shorter than the window (a row in several windows, which Spark expands
 * into several rows) and session_window are refused with UNSUPPORTED_OPERATION.
 */
public final class TimeWindowFunctions {
    private TimeWindowFunctions() {}

    public static final StructType WINDOW = new StructType(List.of(new StructField("start", DataTypes.TIMESTAMP, true),
            new StructField("end", DataTypes.TIMESTAMP, true)));

    public static List<ScalarFunction> all() {
        return List.of(new Window(), RowFunction.of("window_time", (fn, args) -> {
            FnArgs.arity(fn, args, 1, 1);
            if (!(args.get(0).dataType() instanceof StructType st) || st.size() != 2 || !(st.field(1).dataType() instanceof TimestampType)) {
                throw FnArgs.mismatch(fn, args, 0, "a time window struct<start: timestamp, end: timestamp>");
            }
            return new Signature(List.of(args.get(0).dataType()), DataTypes.TIMESTAMP, true);
        }, v -> {
            Object end = ((Row) v[0]).get(1);
            return end == null ? null : Timestamps.toInstant(Timestamps.toMicros((Instant) end) - 1);
        }));
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

    static final class Window implements ScalarFunction {
        record State(long duration, long start) {}

        @Override public String name() { return "window"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 2, 4);
            FnArgs.expect(name(), args, 0, DataTypes.TIMESTAMP);
            long[] d = new long[3];
            for (int i = 1; i < args.size(); i++) {
                Object v = FnArgs.constant(args.get(i), DataTypes.STRING);
                if (!(v instanceof String s)) throw FnArgs.invalid(name(), "the durations must be constant strings");
                d[i - 1] = micros(name(), s);
            }
            long duration = d[0], slide = args.size() > 2 ? d[1] : duration, start = args.size() > 3 ? d[2] : 0;
            if (duration <= 0) throw FnArgs.invalid(name(), "the window duration must be positive");
            if (slide != duration) {
                throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "window with a slide shorter or longer than the window")
                        .with("reason", "Sluice has tumbling windows only; use a slide equal to the window duration").build();
            }
            if (Math.abs(start) >= slide) throw FnArgs.invalid(name(), "the start time must be less than the slide duration");
            List<DataType> types = new ArrayList<>(List.of(DataTypes.TIMESTAMP));
            for (int i = 1; i < args.size(); i++) types.add(DataTypes.STRING);
            return new Signature(types, WINDOW, true, new State(duration, start));
        }

        @Override public dev.sluice.vector.ColumnVector evaluate(Signature signature, dev.sluice.vector.ColumnVector[] args, int rows) {
            State st = (State) signature.state();
            dev.sluice.vector.FlatVector out = dev.sluice.vector.Vectors.allocate(WINDOW, rows);
            for (int r = 0; r < rows; r++) {
                if (args[0].isNull(r)) {
                    out.appendNull();
                    continue;
                }
                long t = Timestamps.toMicros((Instant) args[0].getObject(r));
                long remainder = (t - st.start()) % st.duration();
                long start = t - (remainder < 0 ? remainder + st.duration() : remainder);
                out.appendObject(new Row(WINDOW, new Object[] {Timestamps.toInstant(start), Timestamps.toInstant(start + st.duration())}));
            }
            return out;
        }

        /** Spark names the column {@code window}. */
        @Override public String sql(List<Expression> arguments) { return "window"; }
    }
}
