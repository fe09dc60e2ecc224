package dev.sluice.optimizer;

import dev.sluice.plan.BroadcastHint;
import dev.sluice.plan.Filter;
import dev.sluice.plan.Join;
import dev.sluice.plan.JoinHint;
import dev.sluice.plan.Limit;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.plan.Plans;
import dev.sluice.plan.Project;
import dev.sluice.plan.SubqueryAlias;

import java.util.Optional;

/**
 * Moves {@code broadcast(df)} requests into the joins they feed, then drops the hint nodes. A side is hinted
 * when a hint sits on it or below projections, filters and limits of it (as Spark propagates hints).
 * <pre>
 * Join: Inner, (k = k#1)                 Join: Inner, (k = k#1), hint=broadcast(right)
 *   Scan a                        =>       Scan a
 *   Filter: (x > 1)                        Filter: (x > 1)
 *     BroadcastHint                          Scan b
 *       Scan b
 * </pre>
 */
public final class ApplyBroadcastHints implements Rule {
    @Override public String name() { return "apply_broadcast_hints"; }

    @Override public boolean wholePlan() { return true; }

    @Override public Optional<LogicalPlan> apply(LogicalPlan plan, RuleContext ctx) {
        LogicalPlan hinted = Plans.transformUp(plan, node -> {
            if (!(node instanceof Join j)) return node;
            boolean left = j.hint().broadcastLeft() || isHinted(j.left());
            boolean right = j.hint().broadcastRight() || isHinted(j.right());
            JoinHint hint = new JoinHint(left, right);
            return hint.equals(j.hint()) ? j : new Join(j.left(), j.right(), j.joinType(), j.condition(), hint);
        });
        LogicalPlan result = Plans.transformUp(hinted, node -> node instanceof BroadcastHint h ? h.input() : node);
        return result == plan || result.equals(plan) ? Optional.empty() : Optional.of(result);
    }

    private static boolean isHinted(LogicalPlan side) {
        LogicalPlan p = side;
        while (true) {
            if (p instanceof BroadcastHint) return true;
            if (p instanceof Project || p instanceof Filter || p instanceof Limit || p instanceof SubqueryAlias) p = p.children().get(0);
            else return false;
        }
    }
}
