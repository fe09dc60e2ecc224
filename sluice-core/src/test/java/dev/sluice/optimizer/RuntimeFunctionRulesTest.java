package dev.sluice.optimizer;

import dev.sluice.expr.Alias;
import dev.sluice.expr.Comparison;
import dev.sluice.expr.Expression;
import dev.sluice.expr.FunctionCall;
import dev.sluice.expr.Literal;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.types.DataTypes;
import dev.sluice.vector.ColumnVector;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sluice.optimizer.RuleAssert.assertRule;
import static dev.sluice.optimizer.RuleAssert.col;

/** User-defined functions carried by their call (the Glue layer's record functions) and the rules that must not duplicate them. */
class RuntimeFunctionRulesTest {
    /** A nondeterministic function of one int: evaluating it twice per row would be visible. */
    static final class Counter implements ScalarFunction {
        @Override public String name() { return "counter"; }

        @Override public Signature bind(List<Expression> arguments) { return new Signature(List.of(DataTypes.INT), DataTypes.INT, true); }

        @Override public boolean deterministic() { return false; }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] arguments, int rowCount) { return arguments[0]; }
    }

    @Test void aFilterIsNotPushedThroughAProjectionOfANondeterministicFunction() {
        assertRule(new PushFilterThroughProject())
                .on(p -> p.filter(new Comparison(Comparison.Op.GT, col("x"), Literal.of(10)),
                        p.project(p.scan("t", "a INT"), new Alias(FunctionCall.inline(new Counter(), List.of(col("a"))), "x"))))
                .doesNotFire();
    }
}
