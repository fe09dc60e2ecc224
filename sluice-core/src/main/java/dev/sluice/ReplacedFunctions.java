package dev.sluice;

import dev.sluice.expr.Arithmetic;
import dev.sluice.expr.CaseWhen;
import dev.sluice.expr.Coalesce;
import dev.sluice.expr.Comparison;
import dev.sluice.expr.EvalMode;
import dev.sluice.expr.Expression;
import dev.sluice.expr.FunctionCall;
import dev.sluice.expr.Literal;
import dev.sluice.expr.ReplacedFunction;

import java.util.List;

/**
 * The functions of {@link functions} that Spark defines as another expression but names after themselves
 * ({@link ReplacedFunction}): one constant each, so two calls of one compare equal.
 */
final class ReplacedFunctions {
    private ReplacedFunctions() {}

    static final ReplacedFunction EQUAL_NULL = new ReplacedFunction("equal_null",
            a -> new Comparison(Comparison.Op.EQ_NULL_SAFE, a.get(0), a.get(1)));

    static final ReplacedFunction TRY_ADD = tryArithmetic("try_add", Arithmetic.Op.ADD);
    static final ReplacedFunction TRY_SUBTRACT = tryArithmetic("try_subtract", Arithmetic.Op.SUBTRACT);
    static final ReplacedFunction TRY_MULTIPLY = tryArithmetic("try_multiply", Arithmetic.Op.MULTIPLY);
    static final ReplacedFunction TRY_DIVIDE = tryArithmetic("try_divide", Arithmetic.Op.DIVIDE);
    static final ReplacedFunction TRY_MOD = tryArithmetic("try_mod", Arithmetic.Op.REMAINDER);

    /** {@code mod(a, b)} is {@code a % b} (Spark keeps the name it was called by). */
    static final ReplacedFunction MOD = new ReplacedFunction("mod",
            a -> new Arithmetic(Arithmetic.Op.REMAINDER, a.get(0), a.get(1), EvalMode.ANSI));

    static final ReplacedFunction ZEROIFNULL = new ReplacedFunction("zeroifnull",
            a -> new Coalesce(List.of(a.get(0), Literal.of(0))));

    static final ReplacedFunction NULLIFZERO = new ReplacedFunction("nullifzero",
            a -> FunctionCall.of("nullif", a.get(0), Literal.of(0)));

    /** Unary plus: the value itself, printed {@code (+ x)}. */
    static final ReplacedFunction POSITIVE = new ReplacedFunction("positive", a -> a.get(0), a -> "(+ " + a.get(0).sql() + ")");

    /** {@code if(c, a, b)}: a CASE WHEN, printed as Spark's If prints itself. */
    static final ReplacedFunction IF = new ReplacedFunction("if",
            a -> new CaseWhen(List.of(a.get(0)), List.of(a.get(1)), a.get(2)),
            a -> "(IF(" + a.get(0).sql() + ", " + a.get(1).sql() + ", " + a.get(2).sql() + "))");

    private static ReplacedFunction tryArithmetic(String name, Arithmetic.Op op) {
        return new ReplacedFunction(name, a -> new Arithmetic(op, a.get(0), a.get(1), EvalMode.TRY));
    }

    static Column call(ReplacedFunction f, Column... arguments) {
        Expression[] args = new Expression[arguments.length];
        for (int i = 0; i < args.length; i++) args[i] = arguments[i].expr();
        return new Column(f.call(args));
    }
}
