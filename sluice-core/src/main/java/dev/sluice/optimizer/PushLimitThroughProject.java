package dev.sluice.optimizer;

import dev.sluice.expr.Expressions;
import dev.sluice.plan.Limit;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.plan.Project;

import java.util.Optional;

/**
 * A limit over a projection moves below it, so the projection computes only the rows that are kept.
 * <pre>
 * Limit(5)                       Project([from_json(rb) AS c])
 *   Project([from_json(rb) AS c])  =>  Limit(5)
 *     Scan                               Scan
 * </pre>
 * Not when a projection is nondeterministic ({@code rand}, {@code spark_partition_id()},
 * {@code monotonically_increasing_id()}): above the limit it would run in the limit's single partition, not in
 * the input's, and give other values than Spark, which computes it before the limit.
 */
public final class PushLimitThroughProject implements Rule {
    @Override public String name() { return "push_limit_through_project"; }

    @Override public Optional<LogicalPlan> apply(LogicalPlan plan, RuleContext ctx) {
        if (plan instanceof Limit limit && limit.input() instanceof Project project
                && project.projections().stream().allMatch(Expressions::isDeterministic)) {
            return Optional.of(new Project(new Limit(project.input(), limit.count()), project.projections()));
        }
        return Optional.empty();
    }
}
