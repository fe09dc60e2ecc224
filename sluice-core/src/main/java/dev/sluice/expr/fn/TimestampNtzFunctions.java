package dev.sluice.expr.fn;

import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.NullType;
import dev.sluice.types.StringType;
import dev.sluice.vector.Timestamps;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static dev.sluice.types.DataTypes.INT;
import static dev.sluice.types.DataTypes.STRING;
import static dev.sluice.types.DataTypes.TIMESTAMP_NTZ;

/**
 * Functions of {@code timestamp_ntz}: {@code to_timestamp_ntz(x[, fmt])} and {@code try_to_timestamp_ntz}
 * (the text's wall clock, a zone in it ignored), {@code make_timestamp_ntz(y, mo, d, h, mi, s)} and its try_ form
 * (60 seconds roll over, as make_timestamp), {@code localtimestamp()} (now, on the session zone's clock) and
 * {@code convert_timezone([source,] target, ntz)} (the wall clock of source read in target).
 */
public final class TimestampNtzFunctions {
    private TimestampNtzFunctions() {}

    public static List<ScalarFunction> all() {
        List<ScalarFunction> out = new ArrayList<>();
        for (String n : List.of("make_timestamp_ntz", "try_make_timestamp_ntz")) {
            RowFunction.Binder fields = RowFunction.typed(TIMESTAMP_NTZ, INT, INT, INT, INT, INT, DateConstructFunctions.SECONDS);
            RowFunction.Binder binder = (fn, args) -> args.size() == 1 && args.get(0).dataType() instanceof dev.sluice.types.DateType
                    ? new Signature(List.of(DataTypes.DATE), TIMESTAMP_NTZ, true)
                    : args.size() == 2 ? DateConstructFunctions.bindDateTime(fn, args, TIMESTAMP_NTZ) : fields.bind(fn, args);
            out.add(RowFunction.of(n, binder, v -> {
                if (v.length == 1) return ((LocalDate) v[0]).atStartOfDay();
                if (v.length == 2) return LocalDateTime.of((LocalDate) v[0], (java.time.LocalTime) v[1]);   // (date, time)
                // make_timestamp at UTC is the wall clock itself
                Object[] utc = {v[0], v[1], v[2], v[3], v[4], v[5], "UTC"};
                Instant t = DateConstructFunctions.makeTimestamp(n, utc, n.startsWith("try_"));
                return t == null ? null : LocalDateTime.ofInstant(t, ZoneOffset.UTC);
            }));
        }
        out.add(new ToTimestampNtz("to_timestamp_ntz"));
        out.add(new DerivedFunctions.Try("try_to_timestamp_ntz", new ToTimestampNtz("to_timestamp_ntz")));
        out.add(RowFunction.of("convert_timezone", TimestampNtzFunctions::bindConvert, TimestampNtzFunctions::convert));
        return out;
    }

    private static Signature bindConvert(String fn, List<Expression> args) {
        FnArgs.arity(fn, args, 2, 3);
        List<DataType> types = new ArrayList<>();
        for (int i = 0; i < args.size() - 1; i++) types.add(FnArgs.expect(fn, args, i, STRING));
        types.add(FnArgs.expect(fn, args, args.size() - 1, TIMESTAMP_NTZ));
        return new Signature(types, TIMESTAMP_NTZ, true);
    }

    private static Object convert(Object[] v) {
        for (Object o : v) if (o == null) return null;
        ZoneId source = v.length == 3 ? DateConstructFunctions.zone("convert_timezone", (String) v[0]) : DateTimePatterns.sessionZone();
        ZoneId target = DateConstructFunctions.zone("convert_timezone", (String) v[v.length - 2]);
        LocalDateTime wall = (LocalDateTime) v[v.length - 1];
        return LocalDateTime.ofInstant(wall.atZone(source).toInstant(), target);
    }

    /** {@code to_timestamp_ntz(x[, fmt])}: strings parsed (by fmt when given), dates at midnight, timestamps on the session clock. */
    record ToTimestampNtz(String name) implements ScalarFunction {
        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name, args, 1, 2);
            DataType in = args.get(0).dataType();
            if (args.size() == 1) {
                DataType want = in instanceof NullType ? TIMESTAMP_NTZ : in;
                if (!(want instanceof StringType || want.equals(TIMESTAMP_NTZ) || want instanceof dev.sluice.types.DateType
                        || want instanceof dev.sluice.types.TimestampType)) {
                    throw FnArgs.mismatch(name, args, 0, "a string, date or timestamp");
                }
                return new Signature(List.of(want), TIMESTAMP_NTZ, true);
            }
            DataType text = FnArgs.expect(name, args, 0, STRING);
            return new Signature(List.of(text, DateTimeFunctions.pattern(name, args, 1, true)), TIMESTAMP_NTZ, FnArgs.anyNullable(args));
        }

        @Override public dev.sluice.vector.ColumnVector evaluate(Signature signature, dev.sluice.vector.ColumnVector[] args, int rows) {
            if (args.length == 1) return dev.sluice.expr.Casts.cast(args[0], TIMESTAMP_NTZ, dev.sluice.expr.EvalMode.ANSI);
            dev.sluice.vector.LongVector out = new dev.sluice.vector.LongVector(TIMESTAMP_NTZ, rows);
            DateTimePatterns.Cache cache = new DateTimePatterns.Cache();
            for (int i = 0; i < rows; i++) {
                if (args[0].isNull(i) || args[1].isNull(i)) out.appendNull();
                else out.append(DateTimePatterns.parseMicros(name, cache.get(args[1].getString(i)), args[0].getString(i), ZoneOffset.UTC));
            }
            return out;
        }
    }
}
