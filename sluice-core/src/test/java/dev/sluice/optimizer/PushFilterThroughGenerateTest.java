package dev.sluice.optimizer;

import dev.sluice.expr.And;
import dev.sluice.expr.Comparison;
import dev.sluice.expr.Generator;
import dev.sluice.expr.Literal;
import dev.sluice.plan.Generate;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sluice.optimizer.RuleAssert.assertRule;
import static dev.sluice.optimizer.RuleAssert.col;

class PushFilterThroughGenerateTest {
    private static Generate explode(RuleAssert.PlanBuilder p) {
        return new Generate(p.scan("t", "a INT, xs ARRAY<INT>"), new Generator(Generator.Kind.EXPLODE, col("xs"), false), List.of("x"));
    }

    @Test void pushesTheInputOnlyPartsBelowAndKeepsTheRest() {
        assertRule(new PushFilterThroughGenerate())
                .on(p -> p.filter(new And(new Comparison(Comparison.Op.LT, col("a"), Literal.of(4)),
                        new Comparison(Comparison.Op.GT, col("x"), Literal.of(1))), explode(p)))
                .produces("""
                        Filter: (x > 1)
                          Generate: explode(xs) AS [x]
                            Filter: (a < 4)
                              Scan: test t [a, xs]
                        """);
    }

    @Test void leavesAFilterOnGeneratedColumnsAlone() {
        assertRule(new PushFilterThroughGenerate())
                .on(p -> p.filter(new Comparison(Comparison.Op.GT, col("x"), Literal.of(1)), explode(p))).doesNotFire();
    }

    @Test void keepsANondeterministicPartAndEverythingAfterItAbove() {
        var rand = new Comparison(Comparison.Op.LT, dev.sluice.expr.FunctionCall.of("rand", Literal.of(1L)), Literal.of(0.5));
        var a = new Comparison(Comparison.Op.LT, col("a"), Literal.of(4));
        assertRule(new PushFilterThroughGenerate()).on(p -> p.filter(new And(rand, a), explode(p))).doesNotFire();
        assertRule(new PushFilterThroughGenerate())
                .on(p -> p.filter(new And(a, rand), explode(p)))
                .produces("""
                        Filter: (rand(1) < 0.5)
                          Generate: explode(xs) AS [x]
                            Filter: (a < 4)
                              Scan: test t [a, xs]
                        """);
    }
}
