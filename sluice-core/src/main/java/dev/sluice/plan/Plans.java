package dev.sluice.plan;

import dev.sluice.expr.Expression;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Tree helpers for plans. */
public final class Plans {
    private Plans() {}

    /** Rewrites bottom-up: children first, then {@code rule} on the node. */
    public static LogicalPlan transformUp(LogicalPlan plan, Function<LogicalPlan, LogicalPlan> rule) {
        List<LogicalPlan> children = plan.children();
        if (!children.isEmpty()) {
            List<LogicalPlan> newChildren = new ArrayList<>(children.size());
            boolean changed = false;
            for (LogicalPlan c : children) {
                LogicalPlan nc = transformUp(c, rule);
                changed |= nc != c;
                newChildren.add(nc);
            }
            if (changed) plan = plan.withChildren(newChildren);
        }
        return rule.apply(plan);
    }

    /** The expressions a node holds directly (not its children's). */
    public static List<Expression> expressions(LogicalPlan plan) {
        if (plan instanceof Project p) return p.projections();
        if (plan instanceof Filter f) return List.of(f.condition());
        if (plan instanceof Scan s) return s.pushedFilters();
        if (plan instanceof Sort s) return List.copyOf(s.orders());
        if (plan instanceof Generate g) return List.of(g.generator());
        if (plan instanceof Aggregate a) return concat(a.groupingExpressions(), a.aggregateExpressions());
        if (plan instanceof Join j) return j.condition() == null ? List.of() : List.of(j.condition());
        if (plan instanceof Window w) return w.expressions();
        if (plan instanceof RepartitionByExpression r) return r.keys();
        if (plan instanceof Expand e) return e.expressions();
        return List.of();
    }

    /** What a node's own expressions refer to: its first child's columns, or both sides' for a join. */
    public static dev.sluice.types.StructType inputSchema(LogicalPlan plan) {
        if (plan instanceof Join j) return j.inputSchema();
        return plan.children().isEmpty() ? dev.sluice.types.StructType.EMPTY : plan.children().get(0).schema();
    }

    /** The node with its own expressions rewritten by {@code f}. */
    public static LogicalPlan mapExpressions(LogicalPlan plan, Function<Expression, Expression> f) {
        if (plan instanceof Project p) {
            List<Expression> out = new ArrayList<>();
            for (Expression e : p.projections()) out.add(f.apply(e));
            return new Project(p.input(), out);
        }
        if (plan instanceof Filter fl) return new Filter(fl.input(), f.apply(fl.condition()));
        if (plan instanceof Scan s) {
            List<Expression> out = new ArrayList<>();
            for (Expression e : s.pushedFilters()) out.add(f.apply(e));
            return s.withPushedFilters(out);
        }
        if (plan instanceof Sort s) {
            List<dev.sluice.expr.SortOrder> out = new ArrayList<>();
            for (Expression e : s.orders()) out.add((dev.sluice.expr.SortOrder) f.apply(e));
            return new Sort(s.input(), out, s.global());
        }
        if (plan instanceof Generate g) return new Generate(g.input(), (dev.sluice.expr.Generator) f.apply(g.generator()), g.outputNames());
        if (plan instanceof Aggregate a) return new Aggregate(a.input(), map(a.groupingExpressions(), f), map(a.aggregateExpressions(), f));
        if (plan instanceof Join j) return j.condition() == null ? j : j.withCondition(f.apply(j.condition()));
        if (plan instanceof Window w) {
            List<Expression> out = new ArrayList<>();
            for (Expression e : w.expressions()) out.add(f.apply(e));
            return w.withExpressions(out);
        }
        if (plan instanceof RepartitionByExpression r) return r.withKeys(map(r.keys(), f));
        if (plan instanceof Expand e) return e.withExpressions(map(e.expressions(), f));
        return plan;
    }

    private static List<Expression> concat(List<Expression> a, List<Expression> b) {
        List<Expression> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static List<Expression> map(List<Expression> exprs, Function<Expression, Expression> f) {
        List<Expression> out = new ArrayList<>(exprs.size());
        for (Expression e : exprs) out.add(f.apply(e));
        return out;
    }
}
