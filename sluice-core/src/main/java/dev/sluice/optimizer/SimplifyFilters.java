package dev.sluice.optimizer;

import dev.sluice.expr.And;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.Literal;
import dev.sluice.plan.Filter;
import dev.sluice.plan.LogicalPlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Drops always-true parts of a filter, and the filter itself when nothing is left.
 * <pre>
 * Filter((true AND (a > 1)))    =>   Filter((a > 1))
 * Filter(true)                  =>   (its input)
 * </pre>
 */
public final class SimplifyFilters implements Rule {
    @Override public String name() { return "simplify_filters"; }

    @Override public Optional<LogicalPlan> apply(LogicalPlan plan, RuleContext ctx) {
        if (!(plan instanceof Filter f)) return Optional.empty();
        List<Expression> parts = Expressions.conjuncts(f.condition());
        List<Expression> kept = new ArrayList<>();
        for (Expression p : parts) if (!Literal.TRUE.equals(p)) kept.add(p);
        if (kept.size() == parts.size()) return Optional.empty();
        if (kept.isEmpty()) return Optional.of(f.input());
        return Optional.of(new Filter(f.input(), Expressions.and(kept)));
    }

}
