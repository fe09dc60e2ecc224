package dev.sluice.optimizer;

import dev.sluice.expr.And;
import dev.sluice.expr.Comparison;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Literal;
import dev.sluice.plan.BroadcastHint;
import dev.sluice.plan.Join;
import dev.sluice.plan.JoinHint;
import dev.sluice.plan.JoinType;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.plan.SubqueryAlias;
import org.junit.jupiter.api.Test;

import static dev.sluice.optimizer.RuleAssert.assertRule;
import static dev.sluice.optimizer.RuleAssert.col;

class JoinRulesTest {
    private static Expression eq(String a, Object b) {
        return new Comparison(Comparison.Op.EQ, col(a), b instanceof String s ? col(s) : Literal.of(b));
    }

    private static Expression gt(String a, Object b) { return new Comparison(Comparison.Op.GT, col(a), Literal.of(b)); }

    private static Join join(RuleAssert.PlanBuilder p, JoinType type, Expression condition) {
        return new Join(p.scan("a", "k INT, v INT"), p.scan("b", "j INT, w INT"), type, condition, JoinHint.NONE);
    }

    @Test void pushesSingleSideFilterPartsBelowAnInnerJoinAndBothSidePartsIntoItsCondition() {
        assertRule(new PushFilterThroughJoin())
                .on(p -> p.filter(new And(new And(gt("v", 1), gt("w", 2)), new Comparison(Comparison.Op.LT, col("v"), col("w"))),
                        join(p, JoinType.INNER, eq("k", "j"))))
                .produces("""
                        Join: Inner, ((k = j) AND (v < w))
                          Filter: (v > 1)
                            Scan: test a [k, v]
                          Filter: (w > 2)
                            Scan: test b [j, w]
                        """);
    }

    @Test void keepsFiltersOnTheNullPaddedSideOfAnOuterJoinAbove() {
        assertRule(new PushFilterThroughJoin())
                .on(p -> p.filter(new And(gt("v", 1), gt("w", 2)), join(p, JoinType.LEFT_OUTER, eq("k", "j"))))
                .produces("""
                        Filter: (w > 2)
                          Join: LeftOuter, (k = j)
                            Filter: (v > 1)
                              Scan: test a [k, v]
                            Scan: test b [j, w]
                        """);
    }

    @Test void leavesFiltersAboveAFullOuterJoin() {
        assertRule(new PushFilterThroughJoin())
                .on(p -> p.filter(gt("v", 1), join(p, JoinType.FULL_OUTER, eq("k", "j")))).doesNotFire();
    }

    @Test void pushesTheNonPaddedSidesConditionPartsIntoThatSide() {
        assertRule(new PushJoinConditionIntoSides())
                .on(p -> join(p, JoinType.LEFT_OUTER, new And(new And(eq("k", "j"), gt("w", 2)), gt("v", 1))))
                .produces("""
                        Join: LeftOuter, ((k = j) AND (v > 1))
                          Scan: test a [k, v]
                          Filter: (w > 2)
                            Scan: test b [j, w]
                        """);
        assertRule(new PushJoinConditionIntoSides())
                .on(p -> join(p, JoinType.FULL_OUTER, new And(eq("k", "j"), gt("w", 2)))).doesNotFire();
    }

    @Test void infersNotNullKeysOnTheSidesThatDropUnmatchedRows() {
        assertRule(new InferJoinNotNull())
                .on(p -> join(p, JoinType.INNER, eq("k", "j")))
                .produces("""
                        Join: Inner, (k = j)
                          Filter: (k IS NOT NULL)
                            Scan: test a [k, v]
                          Filter: (j IS NOT NULL)
                            Scan: test b [j, w]
                        """);
        assertRule(new InferJoinNotNull())
                .on(p -> join(p, JoinType.LEFT_ANTI, eq("k", "j")))
                .produces("""
                        Join: LeftAnti, (k = j)
                          Scan: test a [k, v]
                          Filter: (j IS NOT NULL)
                            Scan: test b [j, w]
                        """);
        assertRule(new InferJoinNotNull())
                .on(p -> join(p, JoinType.INNER, new Comparison(Comparison.Op.EQ_NULL_SAFE, col("k"), col("j")))).doesNotFire();
    }

    @Test void movesBroadcastHintsIntoTheJoinAndDropsAliases() {
        assertRule(new ApplyBroadcastHints())
                .on(p -> new Join(p.scan("a", "k INT"), p.filter(gt("j", 0), new BroadcastHint(p.scan("b", "j INT"))),
                        JoinType.INNER, eq("k", "j"), JoinHint.NONE))
                .produces("""
                        Join: Inner, (k = j), hint=broadcast(right)
                          Scan: test a [k]
                          Filter: (j > 0)
                            Scan: test b [j]
                        """);
        assertRule(new EliminateSubqueryAliases())
                .on(p -> (LogicalPlan) new SubqueryAlias(p.scan("a", "k INT"), "x"))
                .produces("""
                        Scan: test a [k]
                        """);
    }

    @Test void prunesColumnsThroughAJoin() {
        assertRule(new PruneColumns())
                .on(p -> p.project(new Join(p.scan("a", "k INT, v INT, x INT"), p.scan("b", "j INT, w INT, y INT"),
                        JoinType.INNER, eq("k", "j"), JoinHint.NONE), col("v"), col("w")))
                .produces("""
                        Project: [v, w]
                          Join: Inner, (k = j)
                            Scan: test a [k, v]
                            Scan: test b [j, w]
                        """);
    }
}
