package dev.sluice.optimizer;

import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.plan.Filter;
import dev.sluice.plan.Join;
import dev.sluice.plan.JoinType;
import dev.sluice.plan.LogicalPlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moves the parts of a filter above a join below it, where that keeps the result: a part reading only
 * the left side goes into the left input of an inner, cross, left outer, semi or anti join; a part reading
 * only the right side into the right input of an inner, cross or right outer join; a part reading both
 * sides of an inner or cross join joins its condition. (Filtering the null-padded side of an outer join
 * before it would turn dropped rows into padded ones, so those parts stay above.) Parts from the first
 * nondeterministic one on stay above too: they must see exactly the rows the join produces.
 * <pre>
 * Filter: ((v = x) AND (w > 1))            Join: Inner, (id = id#1)
 *   Join: Inner, (id = id#1)        =>       Filter: (v = x)
 *     Scan a                                   Scan a
 *     Scan b                                 Filter: (w > 1)
 *                                              Scan b
 * </pre>
 */
public final class PushFilterThroughJoin implements Rule {
    @Override public String name() { return "push_filter_through_join"; }

    @Override public Optional<LogicalPlan> apply(LogicalPlan plan, RuleContext ctx) {
        if (!(plan instanceof Filter f) || !(f.input() instanceof Join j)) return Optional.empty();
        JoinType t = j.joinType();
        boolean inner = t == JoinType.INNER || t == JoinType.CROSS;
        boolean toLeft = inner || t == JoinType.LEFT_OUTER || t.leftOnly();
        boolean toRight = inner || t == JoinType.RIGHT_OUTER;
        JoinSides sides = new JoinSides(j);
        List<Expression> left = new ArrayList<>();
        List<Expression> right = new ArrayList<>();
        List<Expression> join = new ArrayList<>();
        List<Expression> kept = new ArrayList<>();
        List<Expression> parts = Expressions.conjuncts(f.condition());
        int movable = Expressions.movablePrefix(parts);
        for (int i = 0; i < parts.size(); i++) {
            Expression part = parts.get(i);
            JoinSides.Side side = i < movable ? sides.of(part) : null;
            if (side == JoinSides.Side.LEFT && toLeft) left.add(part);
            else if (side == JoinSides.Side.RIGHT && toRight) right.add(part);
            else if (side == JoinSides.Side.BOTH && inner) join.add(part);
            else kept.add(part);
        }
        if (kept.size() == parts.size()) return Optional.empty();
        Expression condition = j.condition();
        if (!join.isEmpty()) {
            List<Expression> all = new ArrayList<>();
            if (condition != null) all.add(condition);
            all.addAll(join);
            condition = Expressions.and(all);
        }
        Join pushed = new Join(JoinSides.filtered(j.left(), left), JoinSides.filtered(j.right(), right), t, condition, j.hint());
        return Optional.of(JoinSides.filtered(pushed, kept));
    }
}
