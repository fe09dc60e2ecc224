package dev.sluice.expr;

import dev.sluice.error.SluiceException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Tree helpers shared by expression records and rules. */
public final class Expressions {
    private Expressions() {}

    static Expression only(List<Expression> children) {
        if (children.size() != 1) throw SluiceException.internal("expected 1 child, got " + children.size());
        return children.get(0);
    }

    static void expectArity(List<Expression> children, int n) {
        if (children.size() != n) throw SluiceException.internal("expected " + n + " children, got " + children.size());
    }

    /** Rewrites bottom-up: children first, then {@code rule} on the node (returning it unchanged is fine). */
    public static Expression transformUp(Expression e, Function<Expression, Expression> rule) {
        List<Expression> children = e.children();
        if (!children.isEmpty()) {
            List<Expression> newChildren = new ArrayList<>(children.size());
            boolean changed = false;
            for (Expression c : children) {
                Expression nc = transformUp(c, rule);
                changed |= nc != c;
                newChildren.add(nc);
            }
            if (changed) e = e.withChildren(newChildren);
        }
        return rule.apply(e);
    }

    /** Rewrites top-down: {@code rule} on the node first, then on the children of its result. */
    public static Expression transformDown(Expression e, Function<Expression, Expression> rule) {
        Expression r = rule.apply(e);
        List<Expression> children = r.children();
        if (children.isEmpty()) return r;
        List<Expression> newChildren = new ArrayList<>(children.size());
        boolean changed = false;
        for (Expression c : children) {
            Expression nc = transformDown(c, rule);
            changed |= nc != c;
            newChildren.add(nc);
        }
        return changed ? r.withChildren(newChildren) : r;
    }

    /** Every node of the tree, pre-order. */
    public static List<Expression> collect(Expression e) {
        List<Expression> out = new ArrayList<>();
        collectInto(e, out);
        return out;
    }

    private static void collectInto(Expression e, List<Expression> out) {
        out.add(e);
        for (Expression c : e.children()) collectInto(c, out);
    }

    /** The name an expression gets as an output column: its alias, the field it reads, or its SQL text. */
    public static String outputName(Expression e) {
        if (e instanceof Alias a) return a.name();
        if (e instanceof ColumnRef r) return r.name();
        if (e instanceof BoundColumn b) return b.name();
        if (e instanceof UnresolvedColumn u) return u.nameParts().get(u.nameParts().size() - 1);
        if (e instanceof PlanColumn p) return p.nameParts().get(p.nameParts().size() - 1);
        // getField as written is named child.field, as Spark's toPrettySQL names an extracted field (a path a.b is a column)
        if (e instanceof GetStructField g && g.ordinal() < 0 && !(g.child() instanceof LambdaVariable)) return g.sql();
        if (e instanceof GetStructField g) return g.fieldName();
        if (e instanceof Cast c && isColumnLike(c.child())) return outputName(c.child());   // Spark keeps the column's name
        return e.sql();
    }

    private static boolean isColumnLike(Expression e) {
        return e instanceof ColumnRef || e instanceof UnresolvedColumn || e instanceof GetStructField || e instanceof BoundColumn;
    }

    /** Strips a top-level alias. */
    public static Expression unalias(Expression e) {
        return e instanceof Alias a ? a.child() : e;
    }

    /** Splits a condition into its AND-ed parts. */
    public static List<Expression> conjuncts(Expression condition) {
        List<Expression> out = new ArrayList<>();
        splitAnd(condition, out);
        return out;
    }

    private static void splitAnd(Expression e, List<Expression> out) {
        if (e instanceof And and) {
            splitAnd(and.left(), out);
            splitAnd(and.right(), out);
        } else {
            out.add(e);
        }
    }

    /** AND of the parts (left-deep), or null for none. */
    public static Expression and(List<Expression> parts) {
        Expression result = null;
        for (Expression p : parts) result = result == null ? p : new And(result, p);
        return result;
    }

    /**
     * False when some node calls a nondeterministic function (rand, uuid, ...). Such an expression is computed
     * exactly once per row, where the user put it: rules never duplicate it, and never move it or a filter
     * holding it across an operator that changes which rows (or how many) it sees.
     */
    public static boolean isDeterministic(Expression e) {
        for (Expression node : collect(e)) {
            if (node instanceof FunctionCall call && !call.function().deterministic()) return false;
        }
        return true;
    }

    /**
     * How many leading parts of a condition may move below another operator: those before the first
     * nondeterministic part (Spark's rule), since a nondeterministic part sees only the rows that passed the
     * parts before it.
     */
    public static int movablePrefix(List<Expression> conjuncts) {
        int n = 0;
        while (n < conjuncts.size() && isDeterministic(conjuncts.get(n))) n++;
        return n;
    }
}
