package dev.sluice.optimizer;

import dev.sluice.expr.Cast;
import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Comparison;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.GetStructField;
import dev.sluice.expr.IsNotNull;
import dev.sluice.plan.Filter;
import dev.sluice.plan.Join;
import dev.sluice.plan.JoinType;
import dev.sluice.plan.LogicalPlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A row whose {@code =} join key is NULL never matches, so on the sides whose unmatched rows are dropped
 * (both of an inner or semi join, the right of a left outer or anti join, the left of a right outer join)
 * it can be filtered out early, and the filter can reach the scan. Runs once, before filter pushdown.
 * <pre>
 * Join: Inner, (id = id#1)             Join: Inner, (id = id#1)
 *   Scan a                      =>       Filter: (id IS NOT NULL)
 *   Scan b                                 Scan a
 *                                        Filter: (id#1 IS NOT NULL)
 *                                          Scan b
 * </pre>
 */
public final class InferJoinNotNull implements Rule {
    @Override public String name() { return "infer_join_not_null"; }

    @Override public Optional<LogicalPlan> apply(LogicalPlan plan, RuleContext ctx) {
        if (!(plan instanceof Join j) || j.condition() == null) return Optional.empty();
        JoinType t = j.joinType();
        boolean leftSide = t == JoinType.INNER || t == JoinType.CROSS || t == JoinType.LEFT_SEMI || t == JoinType.RIGHT_OUTER;
        boolean rightSide = t != JoinType.RIGHT_OUTER && t != JoinType.FULL_OUTER;
        JoinSides sides = new JoinSides(j);
        List<Expression> leftParts = new ArrayList<>();
        List<Expression> rightParts = new ArrayList<>();
        for (Expression part : Expressions.conjuncts(j.condition())) {
            if (!(part instanceof Comparison c) || c.op() != Comparison.Op.EQ) continue;
            JoinSides.Side a = sides.of(c.left());
            JoinSides.Side b = sides.of(c.right());
            boolean key = a == JoinSides.Side.LEFT && b == JoinSides.Side.RIGHT || a == JoinSides.Side.RIGHT && b == JoinSides.Side.LEFT;
            if (!key) continue;
            for (Expression operand : List.of(c.left(), c.right())) {
                Expression column = column(operand);
                if (column == null || !column.nullable()) continue;
                JoinSides.Side side = sides.of(column);
                if (side == JoinSides.Side.LEFT && leftSide) add(leftParts, j.left(), column);
                if (side == JoinSides.Side.RIGHT && rightSide) add(rightParts, j.right(), column);
            }
        }
        if (leftParts.isEmpty() && rightParts.isEmpty()) return Optional.empty();
        return Optional.of(j.withSides(JoinSides.filtered(j.left(), leftParts), JoinSides.filtered(j.right(), rightParts)));
    }

    /** The column (or struct field) under casts, or null when the key is computed otherwise. */
    private static Expression column(Expression e) {
        while (e instanceof Cast c) e = c.child();
        Expression x = e;
        while (x instanceof GetStructField g) x = g.child();
        return x instanceof ColumnRef ? e : null;
    }

    private static void add(List<Expression> parts, LogicalPlan side, Expression column) {
        IsNotNull test = new IsNotNull(column);
        if (parts.contains(test)) return;
        if (side instanceof Filter f && Expressions.conjuncts(f.condition()).contains(test)) return;
        parts.add(test);
    }
}
