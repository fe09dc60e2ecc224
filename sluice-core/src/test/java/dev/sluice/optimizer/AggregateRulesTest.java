package dev.sluice.optimizer;

import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.Alias;
import dev.sluice.expr.And;
import dev.sluice.expr.Arithmetic;
import dev.sluice.expr.Comparison;
import dev.sluice.expr.Expression;
import dev.sluice.expr.GetStructField;
import dev.sluice.expr.Literal;
import dev.sluice.expr.agg.Count;
import dev.sluice.expr.agg.Sum;
import dev.sluice.plan.Aggregate;
import dev.sluice.plan.LogicalPlan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sluice.optimizer.RuleAssert.assertRule;
import static dev.sluice.optimizer.RuleAssert.col;

/** PushFilterThroughAggregate and column pruning through an Aggregate. */
class AggregateRulesTest {
    private static Comparison cmp(Comparison.Op op, Expression a, Object b) { return new Comparison(op, a, Literal.of(b)); }

    private static Expression count() { return new Alias(new AggregateExpression(Count.of(Literal.of(1)), false), "n"); }

    private static Expression sum(Expression e, String name) { return new Alias(new AggregateExpression(Sum.of(e), false), name); }

    private static LogicalPlan byKey(RuleAssert.PlanBuilder p) {
        return new Aggregate(p.scan("t", "k STRING, g INT, v INT, w INT"), List.of(col("k"), col("g")),
                List.of(col("k"), new Alias(col("g"), "grp"), count(), sum(col("v"), "total")));
    }

    @Test void pushesTheConditionsOnGroupingColumnsBelowTheAggregate() {
        assertRule(new PushFilterThroughAggregate())
                .on(p -> p.filter(new And(new And(cmp(Comparison.Op.EQ, col("k"), "a"), cmp(Comparison.Op.GT, col("n"), 1L)),
                        cmp(Comparison.Op.LT, col("grp"), 5)), byKey(p)))
                .produces("""
                        Filter: (n > 1)
                          Aggregate: [k, g], [k, g AS grp, count(1) AS n, sum(v) AS total]
                            Filter: ((k = a) AND (g < 5))
                              Scan: test t [k, g, v, w]
                        """);
    }

    @Test void keepsConditionsOnAggregatesAbove() {
        assertRule(new PushFilterThroughAggregate())
                .on(p -> p.filter(cmp(Comparison.Op.GT, col("total"), 10), byKey(p))).doesNotFire();
    }

    @Test void neverPushesBelowAGlobalAggregate() {
        // the one row of a global aggregate exists even when every input row is filtered out
        assertRule(new PushFilterThroughAggregate())
                .on(p -> p.filter(Literal.TRUE, new Aggregate(p.scan("t", "v INT"), List.of(), List.of(count())))).doesNotFire();
    }

    @Test void pushesThroughAGroupingExpression() {
        Expression plusOne = new Arithmetic(Arithmetic.Op.ADD, col("g"), Literal.of(1));
        assertRule(new PushFilterThroughAggregate())
                .on(p -> p.filter(cmp(Comparison.Op.EQ, col("g1"), 3),
                        new Aggregate(p.scan("t", "g INT, v INT"), List.of(plusOne), List.of(new Alias(plusOne, "g1"), count()))))
                .produces("""
                        Aggregate: [(g + 1)], [(g + 1) AS g1, count(1) AS n]
                          Filter: ((g + 1) = 3)
                            Scan: test t [g, v]
                        """);
    }

    @Test void prunesColumnsToGroupingKeysAndAggregateInputs() {
        assertRule(new PruneColumns())
                .on(p -> p.project(byKey(p), col("k"), col("n")))
                .produces("""
                        Project: [k, n]
                          Aggregate: [k, g], [k, count(1) AS n]
                            Scan: test t [k, g]
                        """);
    }

    @Test void prunesNestedFieldsReadByAggregates() {
        assertRule(new PruneColumns())
                .on(p -> new Aggregate(p.scan("t", "k STRING, item STRUCT<sku: STRING, qty: INT, price: DOUBLE>"), List.of(col("k")),
                        List.of(col("k"), sum(GetStructField.unresolved(col("item"), "qty"), "q"))))
                .produces("""
                        Aggregate: [k], [k, sum(item.qty) AS q]
                          Scan: test t [k, item:struct<qty:int>]
                        """);
    }
}
