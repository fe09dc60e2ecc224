package dev.sluice.plan;

import dev.sluice.expr.Alias;
import dev.sluice.expr.BoundColumn;
import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.io.RangeSource;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * A plan's canonical form, for Spark's {@code sameSemantics} and {@code semanticHash}: two plans that compute the
 * same rows the same way have equal forms whatever their column names. As Spark's canonicalization, a column
 * reference becomes the position of the column in its input and every alias loses its name ({@code id * 2 AS col1}
 * and {@code id * 2 AS col0} are the same); a range is its bounds, step and partitions; any other leaf is itself
 * (two local relations are the same only when they are one). The form is a nested list: the node's own part (its
 * explain line after the renaming), then its children's forms.
 */
public final class CanonicalPlans {
    private CanonicalPlans() {}

    public static List<Object> of(LogicalPlan plan) {
        List<Object> form = new ArrayList<>();
        if (plan.children().isEmpty()) {
            form.add(leaf(plan));
        } else {
            StructType input = Plans.inputSchema(plan);
            form.add(plan.getClass().getSimpleName());
            form.add(Explain.line(Plans.mapExpressions(plan, e -> canonical(e, input))));
        }
        for (LogicalPlan child : plan.children()) form.add(of(child));
        return form;
    }

    private static Object leaf(LogicalPlan plan) {
        if (plan instanceof Scan s && s.source() instanceof RangeSource r) {
            List<Object> key = new ArrayList<>(List.of("range", r.start(), r.end(), r.step(), r.partitions()));
            key.add(s.output());
            for (Expression f : s.pushedFilters()) key.add(canonical(f, r.schema()).sql());
            return key;
        }
        return plan;
    }

    private static Expression canonical(Expression e, StructType input) {
        return Expressions.transformUp(e, x -> {
            if (x instanceof ColumnRef c) {
                int i = input.indexOf(c.name());
                return i < 0 ? c : new BoundColumn(i, "#" + i, c.dataType(), c.nullable());
            }
            if (x instanceof Alias a) return new Alias(a.child(), "none");
            return x;
        });
    }
}
