package dev.sluice.expr.fn;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Casts;
import dev.sluice.expr.EvalMode;
import dev.sluice.expr.Expression;
import dev.sluice.expr.TypeCoercion;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.NullType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.util.List;

/**
 * Checks shared by the families' {@code bind}: argument counts (INVALID_ARGUMENT, Spark's WRONG_NUM_ARGS),
 * implicit casts to an expected type (TYPE_MISMATCH, Spark's DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE), and the
 * value of a constant argument (a pattern, a format, a field name) computed once at binding.
 */
final class FnArgs {
    private FnArgs() {}

    /** Marks "this argument is not a constant" (a constant may be NULL, so null cannot say it). */
    static final Object NOT_CONSTANT = new Object();

    static void arity(String fn, List<Expression> args, int min, int max) {
        int n = args.size();
        if (n < min || n > max) {
            String expected = min == max ? String.valueOf(min) : max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max;
            throw invalid(fn, "takes " + expected + " argument" + (min == 1 && max == 1 ? "" : "s") + ", got " + n);
        }
    }

    static SluiceException invalid(String fn, String reason) {
        return SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", fn).with("reason", reason).build();
    }

    /** A function's failure on one row's input at run time (Spark's per-function error conditions). */
    static SluiceException badInput(String fn, String reason) {
        return SluiceException.of(ErrorCode.INVALID_FUNCTION_INPUT).with("function", fn).with("reason", reason).build();
    }

    static SluiceException mismatch(String fn, List<Expression> args, int i, String expected) {
        return SluiceException.of(ErrorCode.TYPE_MISMATCH).with("expression", call(fn, args) + " argument " + (i + 1))
                .with("expected", expected).with("actual", args.get(i).dataType().simpleString()).build();
    }

    static String call(String fn, List<Expression> args) {
        StringBuilder sb = new StringBuilder(fn).append('(');
        for (int i = 0; i < args.size(); i++) sb.append(i > 0 ? ", " : "").append(args.get(i).sql());
        return sb.append(')').toString();
    }

    /** {@code want} when argument {@code i} is of that type or casts to it implicitly; TYPE_MISMATCH otherwise. */
    static DataType expect(String fn, List<Expression> args, int i, DataType want) {
        DataType t = args.get(i).dataType();
        if (t.equals(want) || TypeCoercion.canImplicitCast(t, want)) return want;
        throw mismatch(fn, args, i, "a value of type " + want.simpleString());
    }

    /** {@link #expect} for a numeric parameter: numbers and strings cast to {@code want}, booleans and dates do not. */
    static DataType expectNumber(String fn, List<Expression> args, int i, DataType want) { return expect(fn, args, i, want); }

    /** Whether argument {@code e} may be NULL once cast to {@code type} (a cast that may fail can give NULL). */
    static boolean nullableAs(Expression e, DataType type) {
        return e.nullable() || (!e.dataType().equals(type) && Casts.mayFail(e.dataType(), type));
    }

    /** Argument {@code i} as a number: numeric types stay, strings and NULL become {@code fallback}. */
    static DataType numeric(String fn, List<Expression> args, int i, DataType fallback) {
        DataType t = args.get(i).dataType();
        if (t.isNumeric()) return t;
        if (t instanceof NullType || t.equals(DataTypes.STRING)) return fallback;
        throw mismatch(fn, args, i, "a numeric value");
    }

    static boolean anyNullable(List<Expression> args) {
        for (Expression a : args) if (a.nullable()) return true;
        return false;
    }

    /**
     * The value of argument {@code e} cast to {@code type} when it is foldable (literals and expressions of
     * them), evaluated once now; {@link #NOT_CONSTANT} otherwise. NULL gives null.
     */
    static Object constant(Expression e, DataType type) {
        if (!e.foldable()) return NOT_CONSTANT;
        ColumnVector v = e.evaluate(Batch.ofRowCount(1));
        if (!v.type().equals(type)) v = Casts.cast(v, type, EvalMode.ANSI);
        return v.getObject(0);
    }
}
