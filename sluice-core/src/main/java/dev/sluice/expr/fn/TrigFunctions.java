package dev.sluice.expr.fn;

import dev.sluice.expr.ScalarFunction;
import dev.sluice.types.DataTypes;

import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The double-valued math functions of Spark's math_funcs: trigonometry, logarithms and roots, constants.
 * Arguments are cast to double; each function calls exactly what Spark 4.1's generated code calls ({@link Math} for
 * most, whose HotSpot intrinsics may differ from {@link StrictMath} in the last bit; StrictMath where Spark names it),
 * so results are bit-identical to Spark's (NaN outside the domain). Spark's interpreted forms agree with its generated ones.
 * Spark's log10/log2/log1p give NULL at or below the domain's edge, as its Logarithm expressions.
 */
public final class TrigFunctions {
    private TrigFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(
                // java.lang.Math where Spark's generated code calls it (UnaryMathExpression: java.lang.Math.<name>), so
                // HotSpot's intrinsics give Spark's last bit; StrictMath only where Spark's code names it.
                upper(unary("sin", Math::sin)), upper(unary("cos", Math::cos)), upper(unary("tan", Math::tan)),
                upper(unary("asin", Math::asin)), upper(unary("acos", Math::acos)), upper(unary("atan", Math::atan)),
                upper(unary("sinh", Math::sinh)), upper(unary("cosh", Math::cosh)), upper(unary("tanh", Math::tanh)),
                // Spark's Asinh/Acosh: StrictMath.log over java.lang.Math.sqrt; Atanh: StrictMath.log1p (SPARK-28519)
                upper(unary("asinh", x -> x == Double.NEGATIVE_INFINITY ? x : StrictMath.log(x + Math.sqrt(x * x + 1.0)))),
                upper(unary("acosh", x -> StrictMath.log(x + Math.sqrt(x * x - 1.0)))),
                upper(unary("atanh", x -> 0.5 * (StrictMath.log1p(x) - StrictMath.log1p(-x)))),
                upper(unary("cot", x -> 1 / Math.tan(x))), upper(unary("sec", x -> 1 / Math.cos(x))),
                upper(unary("csc", x -> 1 / Math.sin(x))),
                // Cbrt and Rint are UnaryMathExpressions (java.lang.Math); Exp and Expm1 name StrictMath explicitly
                upper(unary("cbrt", Math::cbrt)), upper(unary("expm1", StrictMath::expm1)), unary("rint", Math::rint),
                upper(unary("degrees", Math::toDegrees)), upper(unary("radians", Math::toRadians)),
                upper(signum("signum")), signum("sign"),
                // UnaryLogExpression's generated code calls java.lang.StrictMath.<name>; Log2 spells out StrictMath.log / StrictMath.log(2)
                upper(logarithm("log10", 0.0, StrictMath::log10)), upper(logarithm("log2", 0.0, x -> StrictMath.log(x) / StrictMath.log(2))),
                upper(logarithm("log1p", -1.0, StrictMath::log1p)),
                // Spark's Atan2 adds 0.0 to both arguments (so -0.0 counts as 0.0) and calls java.lang.Math.atan2;
                // Hypot is a plain BinaryMathExpression: java.lang.Math.hypot
                upper(binary("atan2", (y, x) -> Math.atan2(y + 0.0, x + 0.0))), upper(binary("hypot", Math::hypot)),
                upper(constant("pi", Math.PI)), upper(constant("e", Math.E)));
    }

    /**
     * The function under its Spark display name, upper case ({@code ACOS(x)}, {@code PI()}): Spark's math
     * expressions print their short name as given ({@code UnaryMathExpression(f, "ACOS")}), so auto-generated
     * column names are {@code ACOS(value)}; aliases registered under another name ({@code sign}, {@code rint}) print
     * that name in lower case.
     */
    static ScalarFunction upper(ScalarFunction f) { return new UpperCaseName(f); }

    record UpperCaseName(ScalarFunction function) implements ScalarFunction {
        @Override public String name() { return function.name(); }

        @Override public dev.sluice.expr.Signature bind(List<dev.sluice.expr.Expression> arguments) { return function.bind(arguments); }

        @Override public dev.sluice.vector.ColumnVector evaluate(dev.sluice.expr.Signature signature, dev.sluice.vector.ColumnVector[] arguments,
                                                                int rowCount) {
            return function.evaluate(signature, arguments, rowCount);
        }

        @Override public boolean deterministic() { return function.deterministic(); }

        @Override public String sql(List<dev.sluice.expr.Expression> arguments) {
            String lower = function.sql(arguments);
            return function.name().toUpperCase(java.util.Locale.ROOT) + lower.substring(function.name().length());
        }
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
                v -> op.applyAsDouble((Double) v[0], (Double) v[1]));
    }

    static ScalarFunction constant(String name, double value) {
        return RowFunction.of(name, RowFunction.typed(DataTypes.DOUBLE), v -> value);
    }
}
