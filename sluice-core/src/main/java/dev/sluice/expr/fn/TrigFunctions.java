package dev.sluice.expr.fn;

import dev.sluice.expr.ScalarFunction;
import dev.sluice.types.DataTypes;

import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The double-valued math functions of Spark's math_funcs: trigonometry, logarithms and roots, constants.
 * Arguments are cast to double; results follow Java's {@link StrictMath} as Spark's (NaN outside the domain).
 * Spark's log10/log2/log1p give NULL at or below the domain's edge, as its Logarithm expressions.
 */
public final class TrigFunctions {
    private TrigFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(
                unary("sin", StrictMath::sin), unary("cos", StrictMath::cos), unary("tan", StrictMath::tan),
                unary("asin", StrictMath::asin), unary("acos", StrictMath::acos), unary("atan", StrictMath::atan),
                unary("sinh", StrictMath::sinh), unary("cosh", StrictMath::cosh), unary("tanh", StrictMath::tanh),
                unary("asinh", x -> x == Double.NEGATIVE_INFINITY ? x : StrictMath.log(x + StrictMath.sqrt(x * x + 1.0))),
                unary("acosh", x -> StrictMath.log(x + StrictMath.sqrt(x * x - 1.0))),
                unary("atanh", x -> 0.5 * (StrictMath.log1p(x) - StrictMath.log1p(-x))),
                unary("cot", x -> 1 / StrictMath.tan(x)), unary("sec", x -> 1 / StrictMath.cos(x)),
                unary("csc", x -> 1 / StrictMath.sin(x)),
                unary("cbrt", StrictMath::cbrt), unary("expm1", StrictMath::expm1), unary("rint", StrictMath::rint),
                unary("degrees", StrictMath::toDegrees), unary("radians", StrictMath::toRadians),
                signum("signum"), signum("sign"),
                logarithm("log10", 0.0, StrictMath::log10), logarithm("log2", 0.0, x -> StrictMath.log(x) / StrictMath.log(2)),
                logarithm("log1p", -1.0, StrictMath::log1p),
                binary("atan2", StrictMath::atan2), binary("hypot", StrictMath::hypot),
                constant("pi", Math.PI), constant("e", Math.E));
    }

    /** signum of a number, or of an interval's months or microseconds (Spark: a double either way). */
    static ScalarFunction signum(String name) {
        RowFunction.Binder numbers = RowFunction.typed(DataTypes.DOUBLE, DataTypes.DOUBLE);
        RowFunction.Binder binder = (fn, args) -> args.size() == 1 && args.get(0).dataType().isInterval()
                ? new dev.sluice.expr.Signature(List.of(args.get(0).dataType()), DataTypes.DOUBLE, true) : numbers.bind(fn, args);
        return RowFunction.of(name, binder, v -> Math.signum(BitwiseFunctions.intervalNumber(v[0])));
    }

    static ScalarFunction unary(String name, DoubleUnaryOperator op) {
        return RowFunction.of(name, RowFunction.typed(DataTypes.DOUBLE, DataTypes.DOUBLE), v -> op.applyAsDouble((Double) v[0]));
    }

    /** A logarithm: NULL for arguments at or below {@code edge} (Spark's Logarithm.nullSafeEval). */
    static ScalarFunction logarithm(String name, double edge, DoubleUnaryOperator op) {
        return RowFunction.of(name, RowFunction.typed(DataTypes.DOUBLE, DataTypes.DOUBLE), v -> {
            double x = (Double) v[0];
            return x <= edge ? null : op.applyAsDouble(x);
        });
    }

    static ScalarFunction binary(String name, DoubleBinaryOperator op) {
        return RowFunction.of(name, RowFunction.typed(DataTypes.DOUBLE, DataTypes.DOUBLE, DataTypes.DOUBLE),
                v -> op.applyAsDouble((Double) v[0], (Double) v[1]) + 0.0);
    }

    static ScalarFunction constant(String name, double value) {
        return RowFunction.of(name, RowFunction.typed(DataTypes.DOUBLE), v -> value);
    }
}
