package dev.sluice.optimizer;

import dev.sluice.plan.LogicalPlan;

import java.util.Optional;

/**
 * One optimizer rewrite: a pattern and its replacement, nothing else. The {@link Optimizer} owns the
 * traversal: it offers every node to a local rule (bottom-up), or the root to a whole-plan rule.
 */
public interface Rule {
    /** snake_case name used by explain, metrics and the setting that disables rules. */
    String name();

    /** The rewritten node, or empty when the rule does not fire. */
    Optional<LogicalPlan> apply(LogicalPlan plan, RuleContext ctx);

    /** True for rules that need the whole tree at once (they are offered only the root). */
    default boolean wholePlan() { return false; }
}
