package dev.sluice.optimizer;

import dev.sluice.plan.LogicalPlan;
import dev.sluice.plan.SubqueryAlias;

import java.util.Optional;

/**
 * Drops {@code df.alias("a")} nodes: the analyzer has resolved every qualified name already.
 * <pre>
 * SubqueryAlias: a        =>     Scan
 *   Scan
 * </pre>
 */
public final class EliminateSubqueryAliases implements Rule {
    @Override public String name() { return "eliminate_subquery_aliases"; }

    @Override public Optional<LogicalPlan> apply(LogicalPlan plan, RuleContext ctx) {
        return plan instanceof SubqueryAlias a ? Optional.of(a.input()) : Optional.empty();
    }
}
