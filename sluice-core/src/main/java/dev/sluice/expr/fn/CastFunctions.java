package dev.sluice.expr.fn;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Casts;
import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.vector.ColumnVector;

import java.util.List;

/**
 * Spark's cast functions: {@code int(x)} is {@code CAST(x AS INT)} (bigint, binary, boolean, date, decimal,
 * double, float, int, string, timestamp). The analyzer casts the argument to the function's type (ANSI rules);
 * the function itself passes the value on.
 */
public final class CastFunctions {
    private CastFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(new CastTo("bigint", DataTypes.LONG), new CastTo("binary", DataTypes.BINARY), new CastTo("boolean", DataTypes.BOOLEAN),
                new CastTo("date", DataTypes.DATE), new CastTo("decimal", DataTypes.decimal(10, 0)), new CastTo("double", DataTypes.DOUBLE),
                new CastTo("float", DataTypes.FLOAT), new CastTo("int", DataTypes.INT), new CastTo("string", DataTypes.STRING),
                new CastTo("timestamp", DataTypes.TIMESTAMP));
    }

    record CastTo(String name, DataType type) implements ScalarFunction {
        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name, args, 1, 1);
            DataType from = args.get(0).dataType();
            if (!Casts.canCast(from, type)) {
                throw SluiceException.of(ErrorCode.UNSUPPORTED_CAST).with("from", from.sql()).with("to", type.sql()).build();
            }
            return new Signature(List.of(type), type, FnArgs.nullableAs(args.get(0), type));
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rowCount) { return args[0]; }

        @Override public String sql(List<Expression> args) { return "CAST(" + args.get(0).sql() + " AS " + type.sql() + ")"; }
    }
}
