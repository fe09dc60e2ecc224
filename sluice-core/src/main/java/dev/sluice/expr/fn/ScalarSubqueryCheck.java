package dev.sluice.expr.fn;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.expr.FunctionCall;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.types.DataTypes;

import java.util.ArrayList;
import java.util.List;

/**
 * The value of a scalar subquery that may return several rows, as Spark checks it at run time: arguments (the
 * subquery's row count, its first value); more than one row fails with SCALAR_SUBQUERY_TOO_MANY_ROWS, otherwise the
 * value (NULL for no row). Internal (its name starts with {@code $}); SQL builds it, the Spark backend translates it.
 */
public final class ScalarSubqueryCheck {
    public static final String NAME = "$scalar_subquery_check";

    private ScalarSubqueryCheck() {}

    public static List<ScalarFunction> all() {
        return List.of(RowFunction.nullable(NAME, (fn, args) -> {
            FnArgs.arity(fn, args, 2, 2);
            List<dev.sluice.types.DataType> types = new ArrayList<>();
            types.add(DataTypes.LONG);
            types.add(args.get(1).dataType());
            return new Signature(types, args.get(1).dataType(), true);
        }, (v, s) -> {
            if (v[0] != null && ((Number) v[0]).longValue() > 1) throw tooManyRows();
            return v[1];
        }));
    }

    /** The unresolved call over a row count and a value. */
    public static FunctionCall call(Expression rowCount, Expression value) { return FunctionCall.of(NAME, rowCount, value); }

    public static SluiceException tooManyRows() {
        return SluiceException.of(ErrorCode.SCALAR_SUBQUERY_TOO_MANY_ROWS).build();
    }
}
