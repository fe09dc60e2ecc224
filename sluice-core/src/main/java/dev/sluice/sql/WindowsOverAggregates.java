package dev.sluice.sql;

import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.Alias;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.UnresolvedColumn;
import dev.sluice.expr.WindowExpression;

import java.util.ArrayList;
import java.util.List;

/**
 * Window functions in an aggregating SELECT ({@code SELECT k, sum(x), rank() OVER (ORDER BY sum(x) DESC) FROM t
 * GROUP BY k}), planned as Spark's analyzer does (ExtractWindowExpressions): the aggregation computes, besides the
 * select items without windows, every aggregate and grouping expression a window reads, as hidden columns; the
 * windows then run over the aggregation's rows, reading those columns. Each expression is lifted once (equal ones
 * share their hidden column), so QUALIFY and the select list can name the same window.
 */
final class WindowsOverAggregates {
    static final String PREFIX = "__window_input_";

    private final List<Expression> grouping;
    private final List<Expression> hidden = new ArrayList<>();

    WindowsOverAggregates(List<Expression> grouping) { this.grouping = grouping; }

    /** Whether {@code e} holds a window function (so it is computed after the aggregation). */
    static boolean containsWindow(Expression e) {
        for (Expression node : Expressions.collect(e)) if (node instanceof WindowExpression) return true;
        return false;
    }

    /** Whether {@code e} needs an aggregation: an aggregate outside a window, or one a window function reads. */
    static boolean needsAggregation(Expression e) {
        if (e instanceof AggregateExpression) return true;
        if (e instanceof WindowExpression w) {
            for (Expression c : windowInputs(w)) if (needsAggregation(c)) return true;
            return false;
        }
        for (Expression c : e.children()) if (needsAggregation(c)) return true;
        return false;
    }

    /**
     * {@code e} as it is computed over the aggregation's rows: aggregates and grouping expressions become hidden
     * columns ({@link #hiddenOutputs}); a window's own aggregate function stays (it runs over the window's frame).
     */
    Expression lift(Expression e) {
        if (e instanceof WindowExpression w) {
            List<Expression> children = new ArrayList<>();
            for (Expression c : w.arguments()) {
                if (w.function() == WindowExpression.Function.AGGREGATE && c instanceof AggregateExpression a) {
                    List<Expression> args = new ArrayList<>();
                    for (Expression ac : a.children()) args.add(lift(ac));
                    children.add(args.isEmpty() ? a : a.withChildren(args));
                } else {
                    children.add(lift(c));
                }
            }
            for (Expression p : w.partitionBy()) children.add(lift(p));
            for (Expression o : w.orderBy()) children.add(o.withChildren(List.of(lift(o.children().get(0)))));
            return w.withChildren(children);
        }
        if (e instanceof AggregateExpression || grouping.contains(e)) return hiddenColumn(e);
        List<Expression> children = e.children();
        if (children.isEmpty()) return e;
        List<Expression> lifted = new ArrayList<>(children.size());
        for (Expression c : children) lifted.add(lift(c));
        return e.withChildren(lifted);
    }

    /** The hidden columns the aggregation must compute, each {@code expr AS __window_input_n}. */
    List<Expression> hiddenOutputs() { return hidden; }

    private Expression hiddenColumn(Expression e) {
        for (Expression h : hidden) {
            if (((Alias) h).child().equals(e)) return new UnresolvedColumn(List.of(((Alias) h).name()));
        }
        String name = PREFIX + hidden.size();
        hidden.add(new Alias(e, name));
        return new UnresolvedColumn(List.of(name));
    }

    /** A window's arguments, partitioning and ordering values (below its own aggregate function, if any). */
    private static List<Expression> windowInputs(WindowExpression w) {
        List<Expression> out = new ArrayList<>();
        for (Expression c : w.arguments()) {
            if (w.function() == WindowExpression.Function.AGGREGATE && c instanceof AggregateExpression a) out.addAll(a.children());
            else out.add(c);
        }
        out.addAll(w.partitionBy());
        for (Expression o : w.orderBy()) out.add(o.children().get(0));
        return out;
    }
}
