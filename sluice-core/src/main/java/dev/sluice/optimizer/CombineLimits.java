package dev.sluice.optimizer;

import dev.sluice.plan.Limit;
import dev.sluice.plan.LogicalPlan;

import java.util.Optional;

/**
 * Two adjacent limits keep the smaller.
 * <pre>
 * Limit(10)                Limit(5)
 *   Limit(5)       =>        Scan
 *     Scan
 * </pre>
 */
public final class CombineLimits implements Rule {
    @Override public String name() { return "combine_limits"; }

    @Override public Optional<LogicalPlan> apply(LogicalPlan plan, RuleContext ctx) {
        if (plan instanceof Limit outer && outer.input() instanceof Limit inner) {
            return Optional.of(new Limit(inner.input(), Math.min(outer.count(), inner.count())));
        }
        return Optional.empty();
    }
}
