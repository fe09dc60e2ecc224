package dev.sluice.optimizer;

import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Expression;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.plan.Project;

import java.util.List;
import java.util.Optional;

/**
 * Removes a projection that passes its input through unchanged (same columns, same order).
 * <pre>
 * Project([a, b])        =>     Scan [a, b]
 *   Scan [a, b]
 * </pre>
 */
public final class RemoveRedundantProject implements Rule {
    @Override public String name() { return "remove_redundant_project"; }

    @Override public Optional<LogicalPlan> apply(LogicalPlan plan, RuleContext ctx) {
        if (!(plan instanceof Project p)) return Optional.empty();
        List<String> inputNames = p.input().schema().fieldNames();
        List<Expression> ps = p.projections();
        if (ps.size() != inputNames.size()) return Optional.empty();
        for (int i = 0; i < ps.size(); i++) {
            if (!(ps.get(i) instanceof ColumnRef r) || !r.name().equals(inputNames.get(i))) return Optional.empty();
        }
        return Optional.of(p.input());
    }
}
