package dev.sluice.expr.fn;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DecimalType;
import dev.sluice.types.FloatType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.DecimalVector;
import dev.sluice.vector.DoubleVector;
import dev.sluice.vector.FloatVector;
import dev.sluice.vector.IntVector;
import dev.sluice.vector.LongVector;

import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Math over doubles (sqrt with {@link Math}; exp, ln, log, pow with {@link StrictMath}: what Spark's generated code calls,
 * so the last bit matches) and
 * abs. ln and log return NULL for arguments {@code <= 0} (Spark's log asymptote); abs of the smallest int or
 * bigint is ARITHMETIC_OVERFLOW (ANSI). Rounding lives in {@link RoundingFunctions}, greatest/least/pmod in
 * {@link ExtremaFunctions}, rand in {@link RandFunction}.
 */
public final class MathFunctions {
    private MathFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(
                new DoubleFunction("sqrt", "SQRT", Math::sqrt, false),   // Spark's Sqrt: java.lang.Math.sqrt (both are exact)
                new DoubleFunction("exp", "EXP", StrictMath::exp, false),   // Spark's Exp names java.lang.StrictMath.exp
                new DoubleFunction("ln", "ln", StrictMath::log, true),
                new Log(),
                new Pow("pow", "pow"), new Pow("power", "POWER"),
                new Abs());
    }

    /** A function of one double argument (numbers and strings are cast to double, as Spark). Always nullable, as Spark. */
    record DoubleFunction(String name, String sqlName, DoubleUnaryOperator op, boolean logarithm) implements ScalarFunction {
        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name, args, 1, 1);
            return new Signature(List.of(FnArgs.expectNumber(name, args, 0, DataTypes.DOUBLE)), DataTypes.DOUBLE, true);
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            ColumnVector in = args[0];
            DoubleVector out = new DoubleVector(DataTypes.DOUBLE, rows);
            for (int i = 0; i < rows; i++) {
                if (in.isNull(i)) {
                    out.appendNull();
                    continue;
                }
                double x = in.getDouble(i);
                if (logarithm && x <= 0) out.appendNull();
                else out.append(op.applyAsDouble(x));
            }
            return out;
        }

        @Override public String sql(List<Expression> args) { return FnArgs.call(sqlName, args); }
    }

    /** {@code log(x)} (natural) or {@code log(base, x)}: NULL when the base or x is {@code <= 0}. */
    record Log() implements ScalarFunction {
        @Override public String name() { return "log"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 1, 2);
            List<DataType> types = args.size() == 1 ? List.of(FnArgs.expectNumber(name(), args, 0, DataTypes.DOUBLE))
                    : List.of(FnArgs.expectNumber(name(), args, 0, DataTypes.DOUBLE), FnArgs.expectNumber(name(), args, 1, DataTypes.DOUBLE));
            return new Signature(types, DataTypes.DOUBLE, true);
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            DoubleVector out = new DoubleVector(DataTypes.DOUBLE, rows);
            if (args.length == 1) {
                ColumnVector x = args[0];
                for (int i = 0; i < rows; i++) {
                    if (x.isNull(i) || x.getDouble(i) <= 0) out.appendNull();
                    else out.append(StrictMath.log(x.getDouble(i)));
                }
                return out;
            }
            ColumnVector base = args[0], x = args[1];
            for (int i = 0; i < rows; i++) {
                if (base.isNull(i) || x.isNull(i)) {
                    out.appendNull();
                    continue;
                }
                double b = base.getDouble(i), v = x.getDouble(i);
                if (b <= 0 || v <= 0) out.appendNull();
                else out.append(StrictMath.log(v) / StrictMath.log(b));
            }
            return out;
        }

        @Override public String sql(List<Expression> args) {
            return args.size() == 1 ? "LOG(E(), " + args.get(0).sql() + ")" : FnArgs.call("LOG", args);
        }
    }

    /** {@code pow(x, y)} in doubles. */
    record Pow(String name, String sqlName) implements ScalarFunction {
        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name, args, 2, 2);
            return new Signature(List.of(FnArgs.expectNumber(name, args, 0, DataTypes.DOUBLE), FnArgs.expectNumber(name, args, 1, DataTypes.DOUBLE)),
                    DataTypes.DOUBLE, FnArgs.anyNullable(args));
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            return binary(args[0], args[1], rows, StrictMath::pow);
        }

        @Override public String sql(List<Expression> args) { return FnArgs.call(sqlName, args); }
    }

    static DoubleVector binary(ColumnVector a, ColumnVector b, int rows, DoubleBinaryOperator op) {
        DoubleVector out = new DoubleVector(DataTypes.DOUBLE, rows);
        for (int i = 0; i < rows; i++) {
            if (a.isNull(i) || b.isNull(i)) out.appendNull();
            else out.append(op.applyAsDouble(a.getDouble(i), b.getDouble(i)));
        }
        return out;
    }

    /** {@code abs(x)} keeping x's type (strings and NULL read as double). */
    record Abs() implements ScalarFunction {
        @Override public String name() { return "abs"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 1, 1);
            DataType t = args.get(0).dataType().isInterval() ? args.get(0).dataType() : FnArgs.numeric(name(), args, 0, DataTypes.DOUBLE);
            return new Signature(List.of(t), t, args.get(0).nullable() || !(t.isNumeric() || t.isInterval()));
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            ColumnVector in = args[0];
            DataType t = signature.resultType();
            if (t instanceof IntegerType) {
                IntVector out = new IntVector(t, rows);
                for (int i = 0; i < rows; i++) {
                    if (in.isNull(i)) out.appendNull();
                    else if (in.getInt(i) == Integer.MIN_VALUE) throw overflow("integer");
                    else out.append(Math.abs(in.getInt(i)));
                }
                return out;
            }
            if (t.storesInt() && !(t instanceof IntegerType)) {   // tinyint, smallint, year-month interval
                long min = t instanceof dev.sluice.types.ByteType ? Byte.MIN_VALUE : t instanceof dev.sluice.types.ShortType ? Short.MIN_VALUE : Integer.MIN_VALUE;
                IntVector out = new IntVector(t, rows);
                for (int i = 0; i < rows; i++) {
                    if (in.isNull(i)) out.appendNull();
                    else if (in.getInt(i) == min) throw overflow(t.simpleString());
                    else out.append(Math.abs(in.getInt(i)));
                }
                return out;
            }
            if (t.storesLong()) {   // bigint, day-time interval
                LongVector out = new LongVector(t, rows);
                for (int i = 0; i < rows; i++) {
                    if (in.isNull(i)) out.appendNull();
                    else if (in.getLong(i) == Long.MIN_VALUE) throw overflow("bigint");
                    else out.append(Math.abs(in.getLong(i)));
                }
                return out;
            }
            if (t instanceof FloatType) {
                FloatVector out = new FloatVector(t, rows);
                for (int i = 0; i < rows; i++) {
                    if (in.isNull(i)) out.appendNull();
                    else out.append(Math.abs(in.getFloat(i)));
                }
                return out;
            }
            if (t instanceof DecimalType d) {
                DecimalVector out = new DecimalVector(d, rows);
                for (int i = 0; i < rows; i++) {
                    if (in.isNull(i)) out.appendNull();
                    else out.append(in.getDecimal(i).abs());
                }
                return out;
            }
            DoubleVector out = new DoubleVector(t, rows);
            for (int i = 0; i < rows; i++) {
                if (in.isNull(i)) out.appendNull();
                else out.append(Math.abs(in.getDouble(i)));
            }
            return out;
        }
    }

    static SluiceException overflow(String type) {
        return SluiceException.of(ErrorCode.ARITHMETIC_OVERFLOW).with("operation", "abs").with("type", type).build();
    }
}
