package dev.sluice.optimizer;

import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Comparison;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.GetStructField;
import dev.sluice.expr.IsNotNull;
import dev.sluice.expr.IsNull;
import dev.sluice.expr.Literal;
import dev.sluice.plan.Filter;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.plan.Scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hands the simple parts of a filter right above a scan to the source (column compared with a literal,
 * column IN literals, IS NULL, IS NOT NULL), which may use them to skip data. The filter stays: sources may ignore them.
 * <pre>
 * Filter((status >= 400))         Filter((status >= 400))
 *   Scan [status]          =>       Scan [status] filters=[(status >= 400)]
 * </pre>
 */
public final class PushFiltersIntoScan implements Rule {
    @Override public String name() { return "push_filters_into_scan"; }

    @Override public Optional<LogicalPlan> apply(LogicalPlan plan, RuleContext ctx) {
        if (!(plan instanceof Filter f) || !(f.input() instanceof Scan scan)) return Optional.empty();
        List<Expression> pushable = new ArrayList<>();
        for (Expression part : Expressions.conjuncts(f.condition())) if (isPushable(part)) pushable.add(part);
        if (pushable.equals(scan.pushedFilters())) return Optional.empty();
        return Optional.of(new Filter(scan.withPushedFilters(pushable), f.condition()));
    }

    private static boolean isPushable(Expression e) {
        // a collated string's order and equality are not its bytes', which is what sources' statistics hold
        for (Expression node : dev.sluice.expr.Expressions.collect(e)) {
            if (dev.sluice.expr.CollationKeys.nonBinary(node.dataType()) != null) return false;
        }
        if (e instanceof dev.sluice.expr.FunctionCall in && in.name().equals("in")) {
            if (!isColumn(in.arguments().get(0))) return false;
            for (Expression item : in.arguments().subList(1, in.arguments().size())) if (!(item instanceof Literal)) return false;
            return true;
        }
        if (e instanceof IsNull n) return isColumn(n.child());
        if (e instanceof IsNotNull n) return isColumn(n.child());
        if (e instanceof Comparison c) {
            return isColumn(c.left()) && c.right() instanceof Literal || isColumn(c.right()) && c.left() instanceof Literal;
        }
        return false;
    }

    private static boolean isColumn(Expression e) {
        while (e instanceof GetStructField g) e = g.child();
        return e instanceof ColumnRef;
    }
}
