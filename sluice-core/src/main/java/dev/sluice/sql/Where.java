package dev.sluice.sql;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.expr.And;
import dev.sluice.expr.Comparison;
import dev.sluice.expr.Expression;
import dev.sluice.expr.IsNull;
import dev.sluice.expr.Literal;
import dev.sluice.expr.Or;
import dev.sluice.sql.grammar.SqlGrammar;

import java.util.ArrayList;
import java.util.List;

/**
 * WHERE: a filter, except that conjuncts {@code [NOT] EXISTS (subquery)} and {@code x [NOT] IN (subquery)} become
 * semi and anti joins. A subquery of the form {@code SELECT v FROM r WHERE c} (no grouping, DISTINCT or LIMIT) is
 * decorrelated: its WHERE joins the outer row, so {@code c} may name the outer query's columns. NOT IN keeps SQL's
 * three-valued logic: the anti join's condition is {@code x = v OR (x = v) IS NULL}, so a NULL on either side
 * removes the row, as Spark's null-aware anti join.
 */
final class Where {
    private Where() {}

    static DataFrame apply(QueryBuilder queries, RelationBuilder.Scope scope, ExpressionBuilder b, DataFrame df,
                           SqlGrammar.BooleanExpressionContext condition) {
        List<Expression> plain = new ArrayList<>();
        for (SqlGrammar.BooleanExpressionContext c : conjuncts(condition, new ArrayList<>())) {
            DataFrame joined = subqueryJoin(queries, scope, b, df, c);
            if (joined != null) {
                df = joined;
            } else {
                plain.add(b.build(c));
            }
        }
        if (plain.isEmpty()) return df;
        Expression all = plain.get(0);
        for (int i = 1; i < plain.size(); i++) all = new And(all, plain.get(i));
        DataFrame withSubqueries = b.withScalarSubqueries(df);
        int hidden = withSubqueries.columns().length - df.columns().length;   // scalar subqueries' columns, last
        DataFrame filtered = withSubqueries.filter(new Column(all));
        if (hidden == 0) return filtered;   // (a time window in the condition adds its column first, as in Spark)
        Column[] keep = new Column[filtered.columns().length - hidden];   // the hidden columns go again
        for (int i = 0; i < keep.length; i++) keep[i] = filtered.col(filtered.columns()[i]);
        return filtered.select(keep);
    }

    private static List<SqlGrammar.BooleanExpressionContext> conjuncts(SqlGrammar.BooleanExpressionContext c,
                                                                      List<SqlGrammar.BooleanExpressionContext> out) {
        if (c instanceof SqlGrammar.LogicalBinaryContext l && l.op.getType() == SqlGrammar.AND) {
            conjuncts(l.left, out);
            conjuncts(l.right, out);
        } else {
            out.add(c);
        }
        return out;
    }

    /** The join for a subquery conjunct, or null when {@code c} is not one. */
    private static DataFrame subqueryJoin(QueryBuilder queries, RelationBuilder.Scope scope, ExpressionBuilder b, DataFrame df,
                                          SqlGrammar.BooleanExpressionContext c) {
        boolean negated = false;
        SqlGrammar.BooleanExpressionContext inner = c;
        if (inner instanceof SqlGrammar.LogicalNotContext n) {
            negated = true;
            inner = n.booleanExpression();
        }
        if (inner instanceof SqlGrammar.ExistsContext e) {
            Decorrelated sub = decorrelate(queries, scope, e.query());
            Expression on = sub.condition == null ? Literal.TRUE : sub.condition;
            return df.join(sub.relation, new Column(on), negated ? "left_anti" : "left_semi");
        }
        if (!negated && inner instanceof SqlGrammar.PredicatedContext p && p.predicate() instanceof SqlGrammar.InSubqueryPredicateContext in) {
            Decorrelated sub = decorrelate(queries, scope, in.query());
            if (sub.values.size() != 1) {
                throw SyntaxErrors.at(in, "the IN subquery must return one column, it returns " + sub.values.size());
            }
            Expression value = outerFirst(b.build(p.valueExpression()), df);
            Expression equal = new Comparison(Comparison.Op.EQ, value, sub.values.get(0));
            if (in.NOT() == null) {
                return df.join(sub.relation, new Column(sub.condition == null ? equal : new And(equal, sub.condition)), "left_semi");
            }
            Expression nullAware = new Or(equal, new IsNull(equal));
            return df.join(sub.relation, new Column(sub.condition == null ? nullAware : new And(nullAware, sub.condition)), "left_anti");
        }
        return null;
    }

    /** A subquery as a relation, the values it selects, and its WHERE (which may name outer columns), or null. */
    record Decorrelated(DataFrame relation, List<Expression> values, Expression condition) {}

    static Decorrelated decorrelate(QueryBuilder queries, RelationBuilder.Scope scope, SqlGrammar.QueryContext q) {
        SqlGrammar.QuerySpecificationContext spec = simpleSelect(q);
        if (spec == null) {   // anything else is planned whole: it may not refer to the outer query
            DataFrame whole = queries.query(q, scope);
            List<Expression> values = new ArrayList<>();
            for (String col : whole.columns()) values.add(whole.col(col).expr());
            return new Decorrelated(whole, values, null);
        }
        ExpressionBuilder b = queries.expressions(scope);
        String alias = "__subquery_" + SUBQUERY_IDS.incrementAndGet();
        DataFrame from = queries.relations().from(spec.fromClause(), scope).alias(alias);
        List<String> inner = new ArrayList<>();
        for (String c : from.columns()) inner.add(c.toLowerCase(java.util.Locale.ROOT));
        List<Expression> values = new ArrayList<>();
        for (SqlGrammar.NamedExpressionContext n : spec.namedExpressionSeq().namedExpression()) {
            values.add(innerFirst(b.build(n.expression()), alias, inner));
        }
        Expression where = spec.whereClause() == null ? null : innerFirst(b.build(spec.whereClause().booleanExpression()), alias, inner);
        return new Decorrelated(from, values, where);
    }

    /** The value before IN names the outer query's columns: bare names become the outer DataFrame's own. */
    private static Expression outerFirst(Expression e, DataFrame outer) {
        List<String> names = new ArrayList<>();
        for (String c : outer.columns()) names.add(c.toLowerCase(java.util.Locale.ROOT));
        return dev.sluice.expr.Expressions.transformUp(e, node -> {
            if (node instanceof dev.sluice.expr.UnresolvedColumn u && u.nameParts().size() == 1
                    && names.contains(u.nameParts().get(0).toLowerCase(java.util.Locale.ROOT))) {
                return outer.col(u.nameParts().get(0)).expr();
            }
            return node;
        });
    }

    static final java.util.concurrent.atomic.AtomicLong SUBQUERY_IDS = new java.util.concurrent.atomic.AtomicLong();

    /** A bare name the subquery's relation has means that relation's column (inner scope first, as SQL). */
    static Expression innerFirst(Expression e, String alias, List<String> innerColumns) {
        return dev.sluice.expr.Expressions.transformUp(e, node -> {
            if (node instanceof dev.sluice.expr.UnresolvedColumn u && innerColumns.contains(u.nameParts().get(0).toLowerCase(java.util.Locale.ROOT))) {
                List<String> parts = new ArrayList<>();
                parts.add(alias);
                parts.addAll(u.nameParts());
                return new dev.sluice.expr.UnresolvedColumn(parts);
            }
            return node;
        });
    }

    static SqlGrammar.QuerySpecificationContext simpleSelect(SqlGrammar.QueryContext q) {
        if (q.ctes() != null || !q.queryOrganization().getText().isEmpty()) return null;
        if (!(q.queryBody() instanceof SqlGrammar.QueryBodyDefaultContext d)) return null;
        if (!(d.queryPrimary() instanceof SqlGrammar.QueryPrimaryDefaultContext p)) return null;
        SqlGrammar.QuerySpecificationContext s = p.querySpecification();
        if (s.fromClause() == null || s.aggregationClause() != null || s.havingClause() != null || s.qualifyClause() != null
                || s.setQuantifier() != null || s.windowClause() != null) return null;
        return s;
    }
}
