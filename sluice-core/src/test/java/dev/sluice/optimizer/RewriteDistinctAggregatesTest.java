package dev.sluice.optimizer;

import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.Alias;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Literal;
import dev.sluice.expr.agg.Count;
import dev.sluice.expr.agg.MinMax;
import dev.sluice.expr.agg.Sum;
import dev.sluice.plan.Aggregate;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sluice.optimizer.RuleAssert.assertRule;
import static dev.sluice.optimizer.RuleAssert.col;

/** Distinct aggregates become two aggregations: by keys and distinct inputs, then by keys. */
class RewriteDistinctAggregatesTest {
    private static Expression agg(dev.sluice.expr.AggregateFunction f, boolean distinct, String name) {
        return new Alias(new AggregateExpression(f, distinct), name);
    }

    @Test void groupsByTheDistinctInputsFirst() {
        assertRule(new RewriteDistinctAggregates())
                .on(p -> new Aggregate(p.scan("t", "k STRING, x INT, y INT"), List.of(col("k")),
                        List.of(col("k"), agg(Count.of(col("x")), true, "n"), agg(Sum.of(col("x")), true, "s"),
                                agg(MinMax.max(col("y")), false, "m"), agg(Count.of(Literal.of(1)), false, "c"))))
                .produces("""
                        Aggregate: [_gk0], [_gk0 AS k, count(_d0) AS n, sum(_d0) AS s, max(_p0) AS m, coalesce(sum(_p1), 0) AS c]
                          Aggregate: [k, x], [k AS _gk0, x AS _d0, max(y) AS _p0, count(1) AS _p1]
                            Scan: test t [k, x, y]
                        """);
    }

    @Test void aGlobalDistinctCountBecomesACountOfDistinctRows() {
        assertRule(new RewriteDistinctAggregates())
                .on(p -> new Aggregate(p.scan("t", "a INT, b STRING"), List.of(), List.of(agg(Count.of(col("a"), col("b")), true, "n"))))
                .produces("""
                        Aggregate: [], [count(_d0, _d1) AS n]
                          Aggregate: [a, b], [a AS _d0, b AS _d1]
                            Scan: test t [a, b]
                        """);
    }

    @Test void leavesSeveralDistinctGroupsAlone() {
        assertRule(new RewriteDistinctAggregates())
                .on(p -> new Aggregate(p.scan("t", "k STRING, x INT, y INT"), List.of(col("k")),
                        List.of(agg(Count.of(col("x")), true, "nx"), agg(Count.of(col("y")), true, "ny"))))
                .doesNotFire();
    }

    @Test void leavesAggregatesThatCannotRideAlongAlone() {
        assertRule(new RewriteDistinctAggregates())
                .on(p -> new Aggregate(p.scan("t", "k STRING, x INT, y INT"), List.of(col("k")),
                        List.of(agg(Count.of(col("x")), true, "nx"), agg(Sum.of(col("y")), false, "sy"))))
                .doesNotFire();
    }

    @Test void leavesAggregationsWithoutDistinctAlone() {
        assertRule(new RewriteDistinctAggregates())
                .on(p -> new Aggregate(p.scan("t", "k STRING, x INT"), List.of(col("k")), List.of(agg(Count.of(col("x")), false, "n"))))
                .doesNotFire();
    }
}
