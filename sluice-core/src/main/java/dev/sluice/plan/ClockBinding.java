package dev.sluice.plan;

import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.FunctionCall;
import dev.sluice.expr.QueryInstant;

/**
 * Gives a plan's clock functions ({@code current_timestamp()}, {@code current_date}, ...) the query's instant when the
 * query runs, as Spark's ComputeCurrentTime: one {@link QueryInstant} for every call in the plan, whichever DataFrame
 * or SQL clause it came from. The analyzer binds them without a value, so a plan analysed twice stays equal.
 */
public final class ClockBinding {
    private ClockBinding() {}

    /** {@code plan} with its clock functions bound again inside one new instant. */
    public static LogicalPlan bind(LogicalPlan plan) {
        try (QueryInstant instant = QueryInstant.enter()) {
            return Plans.transformUp(plan, node -> Plans.expressions(node).stream().anyMatch(ClockBinding::readsClock)
                    ? Plans.mapExpressions(node, e -> Expressions.transformUp(e, ClockBinding::bindOne)) : node);
        }
    }

    private static boolean readsClock(Expression e) {
        if (e instanceof FunctionCall f && f.signature() != null && f.function().readsQueryInstant()) return true;
        for (Expression c : e.children()) if (readsClock(c)) return true;
        return false;
    }

    private static Expression bindOne(Expression e) {
        if (e instanceof FunctionCall f && f.signature() != null && f.function().readsQueryInstant()) {
            return new FunctionCall(f.name(), f.arguments(), f.function().bind(f.arguments()), f.inline());
        }
        return e;
    }
}
