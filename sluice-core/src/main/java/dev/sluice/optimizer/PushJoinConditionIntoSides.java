package dev.sluice.optimizer;

import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.plan.Join;
import dev.sluice.plan.JoinType;
import dev.sluice.plan.LogicalPlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moves the parts of a join condition that read one side only into a filter on that side, where rows
 * failing them could never match anyway and no padded row depends on them: both sides of an inner, cross
 * or semi join; the right side of a left outer or anti join; the left side of a right outer join.
 * <pre>
 * Join: LeftOuter, ((id = id#1) AND (w = x))        Join: LeftOuter, (id = id#1)
 *   Scan a                                   =>       Scan a
 *   Scan b                                            Filter: (w = x)
 *                                                       Scan b
 * </pre>
 */
public final class PushJoinConditionIntoSides implements Rule {
    @Override public String name() { return "push_join_condition_into_sides"; }

    @Override public Optional<LogicalPlan> apply(LogicalPlan plan, RuleContext ctx) {
        if (!(plan instanceof Join j) || j.condition() == null) return Optional.empty();
        JoinType t = j.joinType();
        boolean toLeft = t == JoinType.INNER || t == JoinType.CROSS || t == JoinType.LEFT_SEMI || t == JoinType.RIGHT_OUTER;
        boolean toRight = t != JoinType.RIGHT_OUTER && t != JoinType.FULL_OUTER;
        JoinSides sides = new JoinSides(j);
        List<Expression> left = new ArrayList<>();
        List<Expression> right = new ArrayList<>();
        List<Expression> kept = new ArrayList<>();
        for (Expression part : Expressions.conjuncts(j.condition())) {
            JoinSides.Side side = Expressions.isDeterministic(part) ? sides.of(part) : null;   // rand() stays where it was
            if (side == JoinSides.Side.LEFT && toLeft) left.add(part);
            else if (side == JoinSides.Side.RIGHT && toRight) right.add(part);
            else kept.add(part);
        }
        if (left.isEmpty() && right.isEmpty()) return Optional.empty();
        return Optional.of(new Join(JoinSides.filtered(j.left(), left), JoinSides.filtered(j.right(), right), t,
                Expressions.and(kept), j.hint()));
    }
}
