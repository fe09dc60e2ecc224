package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.CaseWhen;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.Literal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An aggregate restricted to the rows where a condition holds, by feeding it {@code CASE WHEN condition THEN x END}:
 * what a pivot value's column computes (groupBy().pivot() and SQL's PIVOT). Exact for aggregates that skip NULLs.
 */
public final class PivotedAggregates {
    /** Aggregates that skip NULL inputs, for which the CASE WHEN rewrite is exact. */
    public static final Set<String> NULL_SKIPPING = Set.of("count", "sum", "avg", "mean", "min", "max", "collect_list",
            "collect_set", "array_agg", "stddev", "std", "stddev_samp", "stddev_pop", "variance", "var_samp", "var_pop",
            "approx_count_distinct", "count_if", "bool_and", "bool_or", "every", "some", "any", "max_by", "min_by",
            "median", "percentile", "percentile_approx", "mode", "skewness", "kurtosis");

    private PivotedAggregates() {}

    public static Expression onlyWhere(Expression e, Expression condition) {
        return Expressions.transformDown(e, node -> {
            if (!(node instanceof AggregateExpression ae)) return node;
            if (!NULL_SKIPPING.contains(ae.function().name().toLowerCase(Locale.ROOT))) {
                throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "pivoting " + ae.function().name())
                        .with("reason", "a pivot supports aggregates that skip NULLs (sum, count, avg, min, max, ...)").build();
            }
            List<Expression> children = new ArrayList<>(ae.children());
            if (children.isEmpty()) return node;
            for (int i = 0; i < children.size(); i++) {
                // the aggregated value is filtered; further literal arguments (a relative SD, a percentage) stay
                if (i == 0 || !(children.get(i) instanceof Literal)) children.set(i, new CaseWhen(List.of(condition), List.of(children.get(i)), null));
            }
            return ae.withChildren(children);
        });
    }
}
