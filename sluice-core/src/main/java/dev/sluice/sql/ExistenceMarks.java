package dev.sluice.sql;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Alias;
import dev.sluice.expr.And;
import dev.sluice.expr.Coalesce;
import dev.sluice.expr.Comparison;
import dev.sluice.expr.Expression;
import dev.sluice.expr.IsNull;
import dev.sluice.expr.Literal;
import dev.sluice.expr.Not;
import dev.sluice.expr.Or;
import dev.sluice.expr.UnresolvedColumn;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code EXISTS} and {@code IN} subqueries as boolean values, wherever an expression may stand (the select list, under
 * OR or NOT, in CASE): Spark's existence ("mark") joins, built from the joins and aggregations both engines have.
 * The subquery's WHERE is split into conditions on its own rows (a filter) and equalities between one of its values
 * and one of the outer query's (the correlation); its distinct correlation keys, each with a TRUE mark, are joined to
 * the outer query with a left join on the equalities, and a row without a match reads FALSE. As in Spark (whose
 * existence joins give TRUE or FALSE, never NULL), {@code x IN (SELECT v ...)} is TRUE when some {@code v = x}, else
 * FALSE; {@code x NOT IN (...)} (and {@code NOT (x IN (...))}) is null-aware: FALSE when some {@code v = x}, or when
 * the subquery has rows and {@code x} is NULL, or when some {@code v} is NULL; else TRUE.
 * <p>A correlation that is not such an equality ({@code r.v > s.x}) is Spark's existence join on the whole condition,
 * built per outer query: the distinct values of the outer columns it names are semi-joined with the subquery's rows
 * on the condition, and the matching values, each with a TRUE mark, are left-joined back on {@code <=>}.
 */
final class ExistenceMarks {
    private ExistenceMarks() {}

    /**
     * A mark to join: the key relation (key columns, then the mark named {@code column}) and the join condition; or,
     * for a correlation that is no equality, {@code perOuter} builds them from the outer query when it is joined.
     */
    record Mark(String column, DataFrame keys, Expression condition, java.util.function.Function<DataFrame, Mark> perOuter) {}

    /** EXISTS over {@code sub}, with an extra correlation {@code outer = inner} when {@code outer} is not null. */
    static Mark exists(Where.Decorrelated sub, String column, Expression outer, Expression inner, Expression innerFilter) {
        if (sub.condition() != null) {
            for (Expression c : conjuncts(sub.condition(), new ArrayList<>())) {
                if (!resolvesIn(sub.relation(), c) && !isCorrelatedEquality(sub.relation(), c)) {
                    return new Mark(column, null, null, df -> existenceJoin(sub, column, outer, inner, innerFilter, df));
                }
            }
        }
        List<Expression> filters = new ArrayList<>();
        List<Expression> outerKeys = new ArrayList<>();
        List<Expression> innerKeys = new ArrayList<>();
        if (sub.condition() != null) {
            for (Expression c : conjuncts(sub.condition(), new ArrayList<>())) {
                if (resolvesIn(sub.relation(), c)) {
                    filters.add(c);
                } else if (isCorrelatedEquality(sub.relation(), c)) {
                    Comparison cmp = (Comparison) c;
                    boolean leftInner = resolvesIn(sub.relation(), cmp.left());
                    innerKeys.add(leftInner ? cmp.left() : cmp.right());
                    outerKeys.add(leftInner ? cmp.right() : cmp.left());
                } else {
                    throw SluiceException.of(ErrorCode.UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY)
                            .with("reason", "a correlated condition of an EXISTS or IN subquery outside WHERE must be an equality between "
                                    + "a value of the subquery and one of the outer query: " + c.sql())
                            .build();
                }
            }
        }
        if (innerFilter != null) filters.add(innerFilter);
        if (outer != null) {
            outerKeys.add(outer);
            innerKeys.add(inner);
        }
        DataFrame rows = sub.relation();
        for (Expression f : filters) rows = rows.filter(new Column(f));
        List<Column> selected = new ArrayList<>();
        for (int i = 0; i < innerKeys.size(); i++) selected.add(new Column(new Alias(innerKeys.get(i), column + "_key" + i)));
        selected.add(new Column(new Alias(Literal.TRUE, column)));
        DataFrame keys = rows.select(selected.toArray(new Column[0]));
        keys = innerKeys.isEmpty() ? keys.limit(1) : keys.distinct();
        Expression on = Literal.TRUE;
        for (int i = 0; i < outerKeys.size(); i++) {
            Expression eq = new Comparison(Comparison.Op.EQ, outerKeys.get(i), keys.col(column + "_key" + i).expr());
            on = on == Literal.TRUE ? eq : new And(on, eq);
        }
        return new Mark(column, keys, on, null);
    }

    private static boolean isCorrelatedEquality(DataFrame relation, Expression c) {
        return c instanceof Comparison cmp && cmp.op() == Comparison.Op.EQ && resolvesIn(relation, cmp.left()) != resolvesIn(relation, cmp.right());
    }

    /**
     * The mark for the whole correlated condition over the outer query {@code df}: the distinct outer values it names
     * (as {@code column_o0..}), kept where some subquery row satisfies the condition, marked TRUE; joined back on
     * {@code <=>} so a NULL outer value finds its own (unmatched) entry.
     */
    private static Mark existenceJoin(Where.Decorrelated sub, String column, Expression outer, Expression inner, Expression innerFilter, DataFrame df) {
        Expression condition = sub.condition();
        if (outer != null) condition = new And(condition, new Comparison(Comparison.Op.EQ, outer, inner));
        if (innerFilter != null) condition = new And(condition, innerFilter);
        List<Expression> outerRefs = new ArrayList<>();
        for (Expression n : dev.sluice.expr.Expressions.collect(condition)) {
            if (n instanceof UnresolvedColumn u && !resolvesIn(sub.relation(), u) && !outerRefs.contains(u)) outerRefs.add(u);
        }
        List<Column> distinct = new ArrayList<>();
        // coalesce(x), not x: a computed column, so the values no longer answer to the outer query's names (s.x) when
        // they are joined back to it (a bare column would be traced to both sides of that join: AMBIGUOUS_COLUMN)
        for (int i = 0; i < outerRefs.size(); i++) {
            distinct.add(new Column(new Alias(new dev.sluice.expr.Coalesce(List.of(outerRefs.get(i))), column + "_o" + i)));
        }
        DataFrame values = df.select(distinct.toArray(new Column[0])).distinct();
        Expression onValues = dev.sluice.expr.Expressions.transformUp(condition, n -> {
            int i = outerRefs.indexOf(n);
            return i >= 0 ? values.col(column + "_o" + i).expr() : n;
        });
        DataFrame matched = values.join(sub.relation(), new Column(onValues), "left_semi");
        List<Column> keep = new ArrayList<>();
        for (int i = 0; i < outerRefs.size(); i++) keep.add(matched.col(column + "_o" + i));
        keep.add(new Column(new Alias(Literal.TRUE, column)));
        DataFrame keys = matched.select(keep.toArray(new Column[0]));
        Expression on = Literal.TRUE;
        for (int i = 0; i < outerRefs.size(); i++) {
            Expression eq = new Comparison(Comparison.Op.EQ_NULL_SAFE, outerRefs.get(i), keys.col(column + "_o" + i).expr());
            on = on == Literal.TRUE ? eq : new And(on, eq);
        }
        return new Mark(column, keys, on, null);
    }

    /** The value a mark column stands for: TRUE when the outer row found a match, else FALSE. */
    static Expression read(String column) {
        return new Coalesce(List.of(new UnresolvedColumn(List.of(column)), Literal.FALSE));
    }

    /**
     * {@code x NOT IN (subquery)} from three marks (a match, any row, any NULL value): Spark's null-aware existence
     * join ({@code x = v OR (x = v) IS NULL}) negated, so FALSE, not NULL, when a NULL takes part.
     */
    static Expression notIn(Expression value, Expression match, Expression anyRow, Expression anyNull) {
        return new Not(new Or(new Or(match, new And(anyRow, new IsNull(value))), anyNull));
    }

    private static List<Expression> conjuncts(Expression e, List<Expression> out) {
        if (e instanceof And a) {
            conjuncts(a.left(), out);
            conjuncts(a.right(), out);
        } else {
            out.add(e);
        }
        return out;
    }

    /** Whether {@code e} names only the subquery's own columns. */
    private static boolean resolvesIn(DataFrame relation, Expression e) {
        try {
            relation.select(new Column(e));
            return true;
        } catch (SluiceException ex) {
            if (ex.code() == ErrorCode.COLUMN_NOT_FOUND) return false;
            throw ex;
        }
    }
}
