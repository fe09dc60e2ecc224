package dev.sluice.optimizer;

import dev.sluice.expr.Expressions;
import dev.sluice.plan.Filter;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.plan.Project;

import java.util.Optional;

/**
 * Moves a filter below a projection, replacing the projection's aliases in the condition by their
 * definitions, so rows are dropped before the projection computes anything for them.
 * <pre>
 * Filter(c.error IS NOT NULL)                     Project([ts, from_json(rb) AS c])
 *   Project([ts, from_json(rb) AS c])      =>       Filter(from_json(rb).error IS NOT NULL)
 *     Scan                                            Scan
 * </pre>
 * Only when every projection is deterministic (Spark's rule): inlining {@code rand(7) AS r} into the filter
 * would draw a second, different value for the row than the one the projection returns.
 */
public final class PushFilterThroughProject implements Rule {
    @Override public String name() { return "push_filter_through_project"; }

    @Override public Optional<LogicalPlan> apply(LogicalPlan plan, RuleContext ctx) {
        if (plan instanceof Filter filter && filter.input() instanceof Project project
                && project.projections().stream().allMatch(Expressions::isDeterministic)) {
            var condition = Substitution.inline(filter.condition(), project.projections());
            return Optional.of(new Project(new Filter(project.input(), condition), project.projections()));
        }
        return Optional.empty();
    }
}
