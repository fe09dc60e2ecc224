package dev.sluice.optimizer;

import dev.sluice.expr.And;
import dev.sluice.plan.Filter;
import dev.sluice.plan.LogicalPlan;

import java.util.Optional;

/**
 * Merges two adjacent filters into one.
 * <pre>
 * Filter(a > 1)                 Filter((b = 2) AND (a > 1))
 *   Filter(b = 2)        =>       Scan
 *     Scan
 * </pre>
 */
public final class MergeFilters implements Rule {
    @Override public String name() { return "merge_filters"; }

    @Override public Optional<LogicalPlan> apply(LogicalPlan plan, RuleContext ctx) {
        if (plan instanceof Filter outer && outer.input() instanceof Filter inner) {
            return Optional.of(new Filter(inner.input(), new And(inner.condition(), outer.condition())));
        }
        return Optional.empty();
    }
}
