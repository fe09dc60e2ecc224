package dev.sluice.expr.fn;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.DoubleVector;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

/** Math functions over doubles (more arrive with the function library). */
public final class MathFunctions {
    private MathFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(new DoubleFunction("sqrt", Math::sqrt), new DoubleFunction("exp", Math::exp));
    }

    /** A function of one double argument (integral and decimal arguments are cast to double, as Spark). */
    record DoubleFunction(String name, DoubleUnaryOperator op) implements ScalarFunction {
        @Override public Signature bind(List<Expression> arguments) {
            if (arguments.size() != 1) {
                throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", name)
                        .with("reason", "takes 1 argument, got " + arguments.size()).build();
            }
            DataType t = arguments.get(0).dataType();
            if (!t.isNumeric() && !t.equals(DataTypes.NULL)) {
                throw SluiceException.of(ErrorCode.TYPE_MISMATCH).with("expression", name + "(" + arguments.get(0).sql() + ")")
                        .with("expected", "a numeric value").with("actual", t.simpleString()).build();
            }
            return new Signature(List.of(DataTypes.DOUBLE), DataTypes.DOUBLE, arguments.get(0).nullable());
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] arguments, int rowCount) {
            ColumnVector in = arguments[0];
            DoubleVector out = new DoubleVector(DataTypes.DOUBLE, rowCount);
            for (int i = 0; i < rowCount; i++) {
                if (in.isNull(i)) out.appendNull();
                else out.append(op.applyAsDouble(in.getDouble(i)));
            }
            return out;
        }
    }
}
