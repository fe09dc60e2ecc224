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
 */
final class ExistenceMarks {
    private ExistenceMarks() {}

    /** A mark to join: the key relation (key columns, then the mark named {@code column}) and the join condition. */
    record Mark(DataFrame keys, Expression condition) {}

    /** EXISTS over {@code sub}, with an extra correlation {@code outer = inner} when {@code outer} is not null. */
    static Mark exists(Where.Decorrelated sub, String column, Expression outer, Expression inner, Expression innerFilter) {
        List<Expression> filters = new ArrayList<>();
        List<Expression> outerKeys = new ArrayList<>();
        List<Expression> innerKeys = new ArrayList<>();
        if (sub.condition() != null) {
            for (Expression c : conjuncts(sub.condition(), new ArrayList<>())) {
                if (resolvesIn(sub.relation(), c)) {
                    filters.add(c);
                } else if (c instanceof Comparison cmp && cmp.op() == Comparison.Op.EQ && resolvesIn(sub.relation(), cmp.left()) != resolvesIn(sub.relation(), cmp.right())) {
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
        return new Mark(keys, on);
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
