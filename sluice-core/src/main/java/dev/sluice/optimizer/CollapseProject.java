package dev.sluice.optimizer;

import dev.sluice.expr.Alias;
import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.plan.Project;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Merges a projection into the projection below it, unless that would compute an expensive expression
 * (say from_json) more than once.
 * <pre>
 * Project([x AS y])                      Project([(a + 1) AS y])
 *   Project([(a + 1) AS x, b])     =>      Scan
 *     Scan
 * </pre>
 */
public final class CollapseProject implements Rule {
    @Override public String name() { return "collapse_project"; }

    @Override public Optional<LogicalPlan> apply(LogicalPlan plan, RuleContext ctx) {
        if (!(plan instanceof Project upper) || !(upper.input() instanceof Project lower)) return Optional.empty();
        Map<String, Integer> uses = new HashMap<>();
        for (Expression e : upper.projections()) {
            for (Expression node : Expressions.collect(e)) {
                if (node instanceof ColumnRef r) uses.merge(r.name(), 1, Integer::sum);
            }
        }
        for (Expression p : lower.projections()) {
            if (p instanceof Alias a && !Substitution.isCheap(a.child()) && uses.getOrDefault(a.name(), 0) > 1) {
                return Optional.empty();
            }
        }
        List<Expression> merged = new ArrayList<>();
        for (Expression e : upper.projections()) {
            String name = Expressions.outputName(e);
            Expression inlined = Substitution.inline(e, lower.projections());
            merged.add(inlined instanceof ColumnRef r && r.name().equals(name) ? inlined : named(inlined, name));
        }
        return Optional.of(new Project(lower.input(), merged));
    }

    private static Expression named(Expression e, String name) {
        Expression body = e instanceof Alias a ? a.child() : e;
        return new Alias(body, name);
    }
}
