package dev.sluice.expr.fn;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

import java.util.List;

/**
 * Functions defined by another: a second name for the same function ({@code to_unix_timestamp} is
 * {@code unix_timestamp}), and the {@code try_} form of a function, which gives NULL on the rows where the
 * function raises an error about its input (the execution errors: bad text, overflow, out-of-range fields).
 */
public final class DerivedFunctions {
    private DerivedFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(
                new Renamed("to_unix_timestamp", new DateTimeFunctions.UnixTimestamp()),
                // Sluice's timestamp is Spark's TIMESTAMP_LTZ
                new Renamed("to_timestamp_ltz", new DateTimeFunctions.ToTimestamp()),
                new Try("try_to_timestamp", new DateTimeFunctions.ToTimestamp()),
                new Try("try_to_date", new DateTimeFunctions.ToDate()),
                new Renamed("regexp", new RegexFunctions.RLike()),
                new Renamed("regexp_like", new RegexFunctions.RLike()));
    }

    /** {@code inner} under another name. */
    record Renamed(String name, ScalarFunction inner) implements ScalarFunction {
        @Override public Signature bind(List<Expression> arguments) { return inner.bind(arguments); }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] arguments, int rowCount) {
            return inner.evaluate(signature, arguments, rowCount);
        }

        @Override public boolean deterministic() { return inner.deterministic(); }

        @Override public String sql(List<Expression> arguments) { return FnArgs.call(name, arguments); }
    }

    /** {@code inner}, marked non-deterministic (never folded, never deduplicated): a random IV, a clock. */
    record Volatile(ScalarFunction inner) implements ScalarFunction {
        @Override public String name() { return inner.name(); }

        @Override public Signature bind(List<Expression> arguments) { return inner.bind(arguments); }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] arguments, int rowCount) {
            return inner.evaluate(signature, arguments, rowCount);
        }

        @Override public boolean deterministic() { return false; }
    }

    /** {@code inner}, with NULL for the rows where it fails on its input. */
    record Try(String name, ScalarFunction inner) implements ScalarFunction {
        /** Arguments stay as given: their casts to the inner function's types run here, in TRY mode. */
        @Override public Signature bind(List<Expression> arguments) {
            Signature s = inner.bind(arguments);
            List<dev.sluice.types.DataType> given = arguments.stream().map(Expression::dataType).toList();
            return new Signature(given, s.resultType(), true, s);
        }

        @Override public ColumnVector evaluate(Signature outer, ColumnVector[] given, int rows) {
            Signature signature = (Signature) outer.state();
            ColumnVector[] args = new ColumnVector[given.length];
            for (int k = 0; k < given.length; k++) {
                dev.sluice.types.DataType want = signature.argumentTypes().get(k);
                args[k] = given[k].type().equals(want) ? given[k] : dev.sluice.expr.Casts.cast(given[k], want, dev.sluice.expr.EvalMode.TRY);
            }
            try {
                return inner.evaluate(signature, args, rows);
            } catch (SluiceException e) {
                if (e.code().category() != ErrorCode.Category.EXECUTION) throw e;
            }
            FlatVector out = Vectors.allocate(signature.resultType(), rows);
            ColumnVector[] one = new ColumnVector[args.length];
            for (int i = 0; i < rows; i++) {
                for (int k = 0; k < args.length; k++) one[k] = args[k].slice(i, 1);
                try {
                    out.appendFrom(inner.evaluate(signature, one, 1), 0);
                } catch (SluiceException e) {
                    if (e.code().category() != ErrorCode.Category.EXECUTION) throw e;
                    out.appendNull();
                }
            }
            return out;
        }

        @Override public boolean deterministic() { return inner.deterministic(); }

        @Override public String sql(List<Expression> arguments) { return FnArgs.call(name, arguments); }
    }
}
