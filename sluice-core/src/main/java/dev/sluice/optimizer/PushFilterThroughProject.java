package dev.sluice.optimizer;

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
 */
public final class PushFilterThroughProject implements Rule {
    @Override public String name() { return "push_filter_through_project"; }

    @Override public Optional<LogicalPlan> apply(LogicalPlan plan, RuleContext ctx) {
        if (plan instanceof Filter filter && filter.input() instanceof Project project) {
            if (referencesNondeterministic(filter, project)) return Optional.empty();
            var condition = Substitution.inline(filter.condition(), project.projections());
            return Optional.of(new Project(new Filter(project.input(), condition), project.projections()));
        }
        return Optional.empty();
    }

    // Inlining a nondeterministic definition (rand(), a Glue record function) would evaluate it twice per row.
    private static boolean referencesNondeterministic(Filter filter, Project project) {
        java.util.Set<String> used = new java.util.HashSet<>();
        for (var node : dev.sluice.expr.Expressions.collect(filter.condition())) {
            if (node instanceof dev.sluice.expr.ColumnRef r) used.add(r.name());
        }
        for (var p : project.projections()) {
            if (p instanceof dev.sluice.expr.Alias a && used.contains(a.name())) {
                for (var node : dev.sluice.expr.Expressions.collect(a.child())) {
                    if (node instanceof dev.sluice.expr.FunctionCall fc && !fc.function().deterministic()) return true;
                }
            }
        }
        return false;
    }
}
