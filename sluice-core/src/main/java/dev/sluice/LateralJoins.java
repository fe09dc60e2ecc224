package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.OuterReference;
import dev.sluice.expr.PlanColumn;
import dev.sluice.expr.SortOrder;
import dev.sluice.expr.UnresolvedColumn;
import dev.sluice.expr.UnresolvedStar;
import dev.sluice.plan.Filter;
import dev.sluice.plan.JoinType;
import dev.sluice.plan.Limit;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.plan.Plans;
import dev.sluice.plan.Project;
import dev.sluice.plan.Sort;
import dev.sluice.plan.SubqueryAlias;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.sluice.functions.col;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.monotonically_increasing_id;
import static dev.sluice.functions.row_number;
import static dev.sluice.functions.when;

/**
 * {@code left.lateralJoin(right, on, how)} (Spark 4): {@code right} may name the left row's columns through
 * {@link Column#outer()}. A right side without outer references is an ordinary join. One with them is decorrelated
 * into ordinary operators, as Sluice's SQL front end decorrelates {@code LATERAL}: the left rows are numbered, their
 * columns renamed out of the right side's way, and the right side's operators are applied from the bottom up to the
 * left rows joined with its input:
 * <ul>
 * <li>its input: an uncorrelated relation, joined on the filter above it when that filter names left columns
 *     (inner, or left outer: a left row meeting no right row is kept once with NULL right columns);</li>
 * <li>then projections (computed per joined row), filters (inner joins), a sort (it does not change which rows are
 *     met) and a limit: the first n rows per left row in the sort's order ({@code row_number} over the left row).</li>
 * </ul>
 * Other shapes (grouping, DISTINCT, joins or set operations over correlated inputs) are refused with
 * UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.
 */
final class LateralJoins {
    private static final String LEFT_ROW = "__sluice_lateral_left_row";
    private static final String OUTER = "__sluice_lateral_outer_";
    private static final String MATCHED = "__sluice_lateral_matched";
    private static final String RANK = "__sluice_lateral_rank";
    private static final String KEY = "__sluice_lateral_key_";

    private LateralJoins() {}

    static DataFrame join(DataFrame left, DataFrame right, Column on, String how) {
        JoinType type = JoinType.parse(how);
        boolean outer = switch (type) {
            case INNER, CROSS -> false;
            case LEFT_OUTER -> true;
            default -> throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "lateralJoin")
                    .with("reason", "unsupported lateral join type '" + how + "'; Spark allows 'inner', 'cross' and 'left'").build();
        };
        if (!correlated(right.logicalPlan())) return left.join(right, on == null ? lit(true) : on, outer ? "left" : "inner");
        if (on != null && outer) throw unsupported("a join condition on a correlated left lateral join; put it in the right side's where()");
        List<String> leftNames = List.of(left.columns());
        List<Column> renamed = new ArrayList<>();
        for (int i = 0; i < leftNames.size(); i++) renamed.add(col(quoted(leftNames.get(i))).alias(OUTER + i));
        renamed.add(monotonically_increasing_id().alias(LEFT_ROW));
        Side side = new Side(left.select(renamed.toArray(new Column[0])), leftNames, outer);
        State s = decorrelate(right.logicalPlan(), right.session(), side);
        List<Column> out = new ArrayList<>();
        for (int i = 0; i < leftNames.size(); i++) out.add(col(OUTER + i).alias(leftNames.get(i)));
        for (String name : s.names) {
            Column value = col(quoted(name));
            if (s.matched) value = when(col(MATCHED).isNull(), lit(null)).otherwise(value);
            out.add(value.alias(name));
        }
        DataFrame result = s.joined.select(out.toArray(new Column[0]));
        return on == null ? result : result.filter(on);
    }

    /** The left rows, numbered ({@code LEFT_ROW}) with their columns renamed to {@code OUTER + i}. */
    private record Side(DataFrame numbered, List<String> leftNames, boolean outer) {}

    /**
     * The numbered left rows joined with the right side so far: the internal columns, then the right side's columns
     * under its own names ({@code names}); {@code matched}: a column {@code MATCHED} is NULL on a left row that met no
     * right row (a left join), whose right columns must come out NULL; {@code order}: the latest sort's keys, computed
     * where the sort stood into columns {@code KEY + k} that later projections keep, for a limit above.
     */
    private record State(DataFrame joined, List<String> names, boolean matched, List<Column> order) {
        List<Column> internal(int leftColumns) {
            List<Column> cols = new ArrayList<>();
            for (int i = 0; i < leftColumns; i++) cols.add(col(OUTER + i));
            cols.add(col(LEFT_ROW));
            if (matched) cols.add(col(MATCHED));
            for (int k = 0; k < order.size(); k++) cols.add(col(KEY + k));
            return cols;
        }

        State with(DataFrame df, List<String> newNames) { return new State(df, newNames, matched, order); }
    }

    private static State decorrelate(LogicalPlan plan, Sluice session, Side side) {
        if (!correlated(plan)) return joinBase(new DataFrame(session, plan), null, side);
        if (plan instanceof Filter f) {
            if (!correlated(f.input())) return joinBase(new DataFrame(session, f.input()), f.condition(), side);
            if (side.outer) throw unsupported("a filter above the input of a correlated left lateral join");
            State s = decorrelate(f.input(), session, side);
            return s.with(s.joined.filter(new Column(outerToLeft(f.condition(), side))), s.names);
        }
        if (plan instanceof Project p) {
            State s = decorrelate(p.input(), session, side);
            List<Column> all = s.internal(side.leftNames.size());
            int internal = all.size();
            for (Expression e : p.projections()) {
                if (e instanceof UnresolvedStar) {
                    for (String n : s.names) all.add(col(quoted(n)));
                    continue;
                }
                if (Expressions.collect(e).stream().anyMatch(x -> x instanceof AggregateExpression)) {
                    throw unsupported("an aggregating right side (" + e.sql() + ")");
                }
                all.add(new Column(outerToLeft(e, side)));
            }
            DataFrame projected = s.joined.select(all.toArray(new Column[0]));
            List<String> columns = List.of(projected.columns());
            return s.with(projected, columns.subList(internal, columns.size()));
        }
        if (plan instanceof SubqueryAlias a) return decorrelate(a.input(), session, side);
        if (plan instanceof Sort sort) return sorted(sort, session, side);
        if (plan instanceof Limit l) return firstRows(l, session, side);
        throw unsupported("a correlated " + plan.getClass().getSimpleName().toLowerCase(Locale.ROOT) + " on the right side");
    }

    /** The left rows joined to an uncorrelated relation on a condition that may name both (inner, or left outer). */
    private static State joinBase(DataFrame base, Expression condition, Side side) {
        List<String> names = List.of(base.columns());
        DataFrame right = side.outer ? base.withColumn(MATCHED, lit(true)) : base;
        Column on = condition == null ? lit(true) : new Column(outerToLeft(condition, side));
        return new State(side.numbered.join(right, on, side.outer ? "left" : "inner"), names, side.outer, List.of());
    }

    /**
     * A sort alone does not change which rows are met; its keys are computed here (they may name columns a later
     * projection drops) for a limit above to rank by.
     */
    private static State sorted(Sort sort, Sluice session, Side side) {
        State s = decorrelate(sort.input(), session, side);
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < side.leftNames.size(); i++) cols.add(col(OUTER + i));
        cols.add(col(LEFT_ROW));
        if (s.matched) cols.add(col(MATCHED));
        for (String n : s.names) cols.add(col(quoted(n)));
        List<Column> order = new ArrayList<>();
        for (int k = 0; k < sort.orders().size(); k++) {
            SortOrder o = sort.orders().get(k);
            cols.add(new Column(outerToLeft(o.child(), side)).alias(KEY + k));
            order.add(new Column(new SortOrder(new UnresolvedColumn(List.of(KEY + k)), o.ascending(), o.nullsFirst())));
        }
        return new State(s.joined.select(cols.toArray(new Column[0])), s.names, s.matched, order);
    }

    /** {@code limit(n)} (over a sort: the first n in its order) per left row. */
    private static State firstRows(Limit limit, Sluice session, Side side) {
        State s = decorrelate(limit.input(), session, side);
        List<Column> order = new ArrayList<>(s.order);
        if (order.isEmpty()) order.add(col(LEFT_ROW));
        DataFrame ranked = s.joined.withColumn(RANK, row_number().over(Window.partitionBy(col(LEFT_ROW)).orderBy(order.toArray(new Column[0]))))
                .filter(col(RANK).leq(lit(limit.count())));
        return s.with(ranked.drop(RANK), s.names);
    }

    /** {@code e} with its outer references turned into the renamed left columns they name. */
    private static Expression outerToLeft(Expression e, Side side) {
        return Expressions.transformUp(e, node -> node instanceof OuterReference o
                ? Expressions.transformUp(o.expr(), inner -> leftColumn(inner, side))
                : node);
    }

    private static Expression leftColumn(Expression e, Side side) {
        List<String> parts;
        if (e instanceof UnresolvedColumn u) parts = u.nameParts();
        else if (e instanceof PlanColumn pc) parts = pc.nameParts();
        else return e;
        int i = indexOf(side.leftNames, parts.get(0));
        int from = 1;
        if (i < 0 && parts.size() > 1) {   // a qualifier (the left side's alias) before the name
            i = indexOf(side.leftNames, parts.get(1));
            from = 2;
        }
        if (i < 0) {
            throw SluiceException.of(ErrorCode.COLUMN_NOT_FOUND).with("column", String.join(".", parts))
                    .with("suggestion", " outer() names a column of the lateral join's left side: " + side.leftNames + ".").build();
        }
        List<String> named = new ArrayList<>();
        named.add(OUTER + i);
        named.addAll(parts.subList(from, parts.size()));
        return new UnresolvedColumn(named);
    }

    private static int indexOf(List<String> names, String name) {
        for (int i = 0; i < names.size(); i++) if (names.get(i).equalsIgnoreCase(name)) return i;
        return -1;
    }

    /** True when {@code plan} holds an outer reference anywhere. */
    static boolean correlated(LogicalPlan plan) {
        for (Expression e : Plans.expressions(plan)) {
            for (Expression node : Expressions.collect(e)) if (node instanceof OuterReference) return true;
        }
        for (LogicalPlan c : plan.children()) if (correlated(c)) return true;
        return false;
    }

    static SluiceException outsideLateralJoin() {
        return SluiceException.of(ErrorCode.UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY)
                .with("reason", "this DataFrame names columns of an outer query (Column.outer()); it runs only as the right side of lateralJoin").build();
    }

    private static String quoted(String name) { return "`" + name.replace("`", "``") + "`"; }

    private static SluiceException unsupported(String what) {
        return SluiceException.of(ErrorCode.UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY)
                .with("reason", "Sluice does not decorrelate " + what + " in a lateral join").build();
    }
}
