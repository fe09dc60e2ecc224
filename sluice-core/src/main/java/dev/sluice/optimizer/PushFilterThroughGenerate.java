package dev.sluice.optimizer;

import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.plan.Filter;
import dev.sluice.plan.Generate;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moves the parts of a filter that read only the input's columns below a Generate, so rows are dropped
 * before they are multiplied; parts reading generated columns stay above.
 * <pre>
 * Filter((status &lt; 400) AND (item.qty > 1))        Filter((item.qty > 1))
 *   Generate(explode(items) AS [item])       =>        Generate(explode(items) AS [item])
 *     Scan [status, items]                                Filter((status &lt; 400))
 *                                                           Scan [status, items]
 * </pre>
 */
public final class PushFilterThroughGenerate implements Rule {
    @Override public String name() { return "push_filter_through_generate"; }

    @Override public Optional<LogicalPlan> apply(LogicalPlan plan, RuleContext ctx) {
        if (!(plan instanceof Filter filter && filter.input() instanceof Generate generate)) return Optional.empty();
        StructType input = generate.input().schema();
        List<Expression> below = new ArrayList<>();
        List<Expression> above = new ArrayList<>();
        List<Expression> parts = Expressions.conjuncts(filter.condition());
        int movable = Expressions.movablePrefix(parts);   // a nondeterministic part must see the generated rows
        for (int i = 0; i < parts.size(); i++) {
            (i < movable && readsOnly(parts.get(i), input) ? below : above).add(parts.get(i));
        }
        if (below.isEmpty()) return Optional.empty();
        LogicalPlan pushed = generate.withChildren(List.of(new Filter(generate.input(), Expressions.and(below))));
        return Optional.of(above.isEmpty() ? pushed : new Filter(pushed, Expressions.and(above)));
    }

    private static boolean readsOnly(Expression e, StructType input) {
        for (Expression node : Expressions.collect(e)) {
            if (node instanceof ColumnRef r && input.indexOf(r.name()) < 0) return false;
        }
        return true;
    }
}
