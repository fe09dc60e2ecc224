package dev.sluice.optimizer;

import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.plan.Aggregate;
import dev.sluice.plan.Filter;
import dev.sluice.plan.LogicalPlan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Moves the parts of a filter that only read grouping columns below the aggregation, so rows of groups
 * that would be dropped anyway are never aggregated. Parts reading an aggregate's result, or no column at
 * all (a global aggregate's one row exists even for an empty input), or calling a nondeterministic
 * function, stay above.
 * <pre>
 * Filter((k = a) AND (n > 1))                 Filter((n > 1))
 *   Aggregate: [k], [k, count(1) AS n]   =>     Aggregate: [k], [k, count(1) AS n]
 *     Scan                                        Filter((k = a))
 *                                                   Scan
 * </pre>
 */
public final class PushFilterThroughAggregate implements Rule {
    @Override public String name() { return "push_filter_through_aggregate"; }

    @Override public Optional<LogicalPlan> apply(LogicalPlan plan, RuleContext ctx) {
        if (!(plan instanceof Filter filter) || !(filter.input() instanceof Aggregate agg)) return Optional.empty();
        Map<String, Expression> groupingOutputs = new HashMap<>();
        for (Expression out : agg.aggregateExpressions()) {
            Expression body = Expressions.unalias(out);
            if (agg.groupingExpressions().contains(body)) groupingOutputs.put(Expressions.outputName(out), body);
        }
        List<Expression> pushed = new ArrayList<>();
        List<Expression> kept = new ArrayList<>();
        for (Expression part : Expressions.conjuncts(filter.condition())) {
            if (canPush(part, groupingOutputs)) pushed.add(substitute(part, groupingOutputs));
            else kept.add(part);
        }
        if (pushed.isEmpty()) return Optional.empty();
        LogicalPlan below = new Aggregate(new Filter(agg.input(), Expressions.and(pushed)), agg.groupingExpressions(), agg.aggregateExpressions());
        return Optional.of(kept.isEmpty() ? below : new Filter(below, Expressions.and(kept)));
    }

    private static boolean canPush(Expression part, Map<String, Expression> groupingOutputs) {
        boolean readsColumn = false;
        for (Expression node : Expressions.collect(part)) {
            if (node instanceof ColumnRef r) {
                if (!groupingOutputs.containsKey(r.name())) return false;
                readsColumn = true;
            }
        }
        return readsColumn && Expressions.isDeterministic(part);
    }

    private static Expression substitute(Expression part, Map<String, Expression> groupingOutputs) {
        return Expressions.transformUp(part, node -> node instanceof ColumnRef r ? groupingOutputs.get(r.name()) : node);
    }
}
