package dev.sluice.optimizer;

import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.plan.Filter;
import dev.sluice.plan.Join;
import dev.sluice.plan.LogicalPlan;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Which side of a join an expression reads (the sides' column names are distinct once resolved). */
final class JoinSides {
    enum Side { NONE, LEFT, RIGHT, BOTH }

    private final Set<String> left;
    private final Set<String> right;

    JoinSides(Join join) {
        this.left = new HashSet<>(join.left().schema().fieldNames());
        this.right = new HashSet<>(join.right().schema().fieldNames());
    }

    Side of(Expression e) {
        boolean l = false, r = false;
        for (Expression node : Expressions.collect(e)) {
            if (node instanceof ColumnRef ref) {
                if (left.contains(ref.name())) l = true;
                else if (right.contains(ref.name())) r = true;
                else return Side.BOTH;   // not a column of either side: leave it where it is
            }
        }
        if (l && r) return Side.BOTH;
        return l ? Side.LEFT : r ? Side.RIGHT : Side.NONE;
    }

    /** {@code input} under a filter of {@code parts} (none: {@code input} itself). */
    static LogicalPlan filtered(LogicalPlan input, List<Expression> parts) {
        return parts.isEmpty() ? input : new Filter(input, Expressions.and(parts));
    }
}
