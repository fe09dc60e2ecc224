package dev.sluice.optimizer;

import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.Alias;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Literal;
import dev.sluice.expr.agg.Collect;
import dev.sluice.expr.agg.Count;
import dev.sluice.expr.agg.FirstLast;
import dev.sluice.expr.agg.MinMax;
import dev.sluice.expr.agg.Sum;
import dev.sluice.plan.Aggregate;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sluice.optimizer.RuleAssert.assertRule;
import static dev.sluice.optimizer.RuleAssert.col;

/** Distinct aggregates become two aggregations: by keys and distinct inputs (and a group id over an Expand), then by keys. */
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

    @Test void severalDistinctGroupsGoThroughAnExpandWithAGroupId() {
        assertRule(new RewriteDistinctAggregates())
                .on(p -> new Aggregate(p.scan("t", "k STRING, x INT, y INT"), List.of(col("k")),
                        List.of(col("k"), agg(Count.of(col("x")), true, "nx"), agg(Sum.of(col("y")), true, "sy"))))
                .produces("""
                        Aggregate: [_gk0], [_gk0 AS k, count(CASE WHEN (_gid = 1) THEN _d0 END) AS nx, sum(CASE WHEN (_gid = 2) THEN _d1 END) AS sy]
                          Aggregate: [_gk0, _d0, _d1, _gid], [_gk0, _d0, _d1, _gid]
                            Expand: [[k, x, NULL, 1], [k, NULL, y, 2]] AS [_gk0, _d0, _d1, _gid]
                              Scan: test t [k, x, y]
                        """);
    }

    @Test void otherAggregatesAreComputedInGroupZeroAndPickedWithFirst() {
        assertRule(new RewriteDistinctAggregates())
                .on(p -> new Aggregate(p.scan("t", "k STRING, x INT, y INT"), List.of(col("k")),
                        List.of(agg(Count.of(col("x")), true, "nx"), agg(Sum.of(col("y")), false, "sy"))))
                .produces("""
                        Aggregate: [_gk0], [count(CASE WHEN (_gid = 1) THEN _d0 END) AS nx, first(CASE WHEN (_gid = 0) THEN _r0 END) AS sy]
                          Aggregate: [_gk0, _d0, _gid], [_gk0, _d0, _gid, sum(y) AS _r0]
                            Expand: [[k, NULL, 0, y], [k, x, 1, NULL]] AS [_gk0, _d0, _gid, y]
                              Scan: test t [k, x, y]
                        """);
    }

    /** A column of the input named like a generated one keeps its name: the generated one moves aside. */
    @Test void aCountBesideDistinctGroupsKeepsItsZeroOverNoRows() {
        assertRule(new RewriteDistinctAggregates())
                .on(p -> new Aggregate(p.scan("t", "x INT, y INT, _gid INT"), List.of(),
                        List.of(agg(Count.of(col("x")), true, "nx"), agg(Count.of(col("y")), true, "ny"),
                                agg(Count.of(col("_gid")), false, "c"), agg(Collect.list(col("_gid")), false, "l"))))
                .produces("""
                        Aggregate: [], [count(CASE WHEN (_gid_1 = 1) THEN _d0 END) AS nx, count(CASE WHEN (_gid_1 = 2) THEN _d1 END) AS ny, coalesce(first(CASE WHEN (_gid_1 = 0) THEN _r0 END), 0) AS c, coalesce(first(CASE WHEN (_gid_1 = 0) THEN _r1 END), []) AS l]
                          Aggregate: [_d0, _d1, _gid_1], [_d0, _d1, _gid_1, count(_gid) AS _r0, collect_list(_gid) AS _r1]
                            Expand: [[NULL, NULL, 0, _gid], [x, NULL, 1, NULL], [NULL, y, 2, NULL]] AS [_d0, _d1, _gid_1, _gid]
                              Scan: test t [x, y, _gid]
                        """);
    }

    @Test void leavesADistinctAggregateThatKeepsNullsAlone() {
        assertRule(new RewriteDistinctAggregates())
                .on(p -> new Aggregate(p.scan("t", "k STRING, x INT, y INT"), List.of(col("k")),
                        List.of(agg(Count.of(col("x")), true, "nx"), agg(FirstLast.first(col("y"), false), true, "fy"))))
                .doesNotFire();
    }

    @Test void leavesAggregationsWithoutDistinctAlone() {
        assertRule(new RewriteDistinctAggregates())
                .on(p -> new Aggregate(p.scan("t", "k STRING, x INT"), List.of(col("k")), List.of(agg(Count.of(col("x")), false, "n"))))
                .doesNotFire();
    }
}
