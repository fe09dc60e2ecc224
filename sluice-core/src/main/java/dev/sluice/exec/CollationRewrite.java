package dev.sluice.exec;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.Cast;
import dev.sluice.expr.CollationKeys;
import dev.sluice.expr.Comparison;
import dev.sluice.expr.EvalMode;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.SortOrder;
import dev.sluice.expr.agg.MinMax;
import dev.sluice.plan.Aggregate;
import dev.sluice.plan.Join;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.plan.SetOperation;
import dev.sluice.plan.Sort;
import dev.sluice.plan.Window;
import dev.sluice.types.DataTypes;
import dev.sluice.types.StructField;

import java.util.ArrayList;
import java.util.List;

/**
 * Gives the byte-keyed operators collation keys in place of non-binary collated strings (Spark's CollationKey
 * rewrites), one node at a time as the planner reaches it, so plans without such strings are returned as they are:
 * <ul>
 *   <li>Sort and Window: order and partition by {@code collationkey(s)};</li>
 *   <li>Join: an equality {@code l = r} of collated strings becomes {@code collationkey(l) = collationkey(r)}, hashed as keys;</li>
 *   <li>Aggregate: group by {@code collationkey(g)}; the group's {@code g} in the output is its smallest spelling
 *       by bytes ({@code 'A'} and {@code 'a'} under UTF8_LCASE group together and show as {@code 'A'}), the same
 *       whatever the partitioning;</li>
 *   <li>Intersect/except over collated columns are refused rather than compared as bytes.</li>
 * </ul>
 */
final class CollationRewrite {
    private CollationRewrite() {}

    static LogicalPlan apply(LogicalPlan plan) {
        if (plan instanceof Sort s) {
            List<SortOrder> orders = keyed(s.orders());
            return orders == null ? s : new Sort(s.input(), orders, s.global());
        }
        if (plan instanceof Window w) {
            List<SortOrder> orders = keyed(w.orderBy());
            List<Expression> parts = new ArrayList<>();
            boolean changed = orders != null;
            for (Expression e : w.partitionBy()) {
                Expression k = CollationKeys.key(e);
                changed |= k != e;
                parts.add(k);
            }
            return changed ? new Window(w.input(), parts, orders == null ? w.orderBy() : orders, w.functions(), w.outputNames()) : w;
        }
        if (plan instanceof Join j && j.condition() != null) {
            Expression c = Expressions.transformUp(j.condition(), node -> node instanceof Comparison cmp
                    && CollationKeys.nonBinary(cmp.left().dataType()) != null
                    ? new Comparison(cmp.op(), CollationKeys.key(cmp.left()), CollationKeys.key(cmp.right())) : node);
            return c.equals(j.condition()) ? j : j.withCondition(c);
        }
        if (plan instanceof Aggregate a) return aggregate(a);
        if (plan instanceof SetOperation op) {
            for (StructField f : op.left().schema().fields()) {
                if (CollationKeys.nonBinary(f.dataType()) != null) {
                    throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", op.kind() + " over the collated column " + f.name())
                            .with("reason", "Sluice compares whole rows by bytes there; collate the column to UTF8_BINARY, or use a join on its "
                                    + "collated value").build();
                }
            }
        }
        return plan;
    }

    private static List<SortOrder> keyed(List<SortOrder> orders) {
        boolean changed = false;
        List<SortOrder> out = new ArrayList<>(orders.size());
        for (SortOrder o : orders) {
            Expression k = CollationKeys.key(o.child());
            changed |= k != o.child();
            out.add(k == o.child() ? o : new SortOrder(k, o.ascending(), o.nullsFirst()));
        }
        return changed ? out : null;
    }

    private static LogicalPlan aggregate(Aggregate a) {
        List<Expression> collated = new ArrayList<>();
        List<Expression> grouping = new ArrayList<>();
        for (Expression g : a.groupingExpressions()) {
            Expression k = CollationKeys.key(g);
            if (k != g) collated.add(g);
            grouping.add(k);
        }
        if (collated.isEmpty()) return a;
        List<Expression> outputs = new ArrayList<>();
        for (Expression e : a.aggregateExpressions()) {
            Expression r = representatives(e, collated);
            outputs.add(r == e || e instanceof dev.sluice.expr.Alias ? r : new dev.sluice.expr.Alias(r, Expressions.outputName(e)));
        }
        return new Aggregate(a.input(), grouping, outputs);
    }

    /** {@code e} with each collated grouping expression outside an aggregate replaced by its group's smallest spelling. */
    private static Expression representatives(Expression e, List<Expression> collated) {
        if (e instanceof AggregateExpression) return e;
        if (collated.contains(e)) {
            MinMax min = new MinMax(new Cast(e, DataTypes.STRING, EvalMode.ANSI), false, true);
            return new Cast(new AggregateExpression(min, false), e.dataType(), EvalMode.ANSI);
        }
        List<Expression> children = e.children();
        if (children.isEmpty()) return e;
        List<Expression> out = new ArrayList<>(children.size());
        boolean changed = false;
        for (Expression c : children) {
            Expression r = representatives(c, collated);
            changed |= r != c;
            out.add(r);
        }
        return changed ? e.withChildren(out) : e;
    }
}
