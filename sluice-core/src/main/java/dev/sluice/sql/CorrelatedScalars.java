package dev.sluice.sql;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.Comparison;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.UnresolvedColumn;
import dev.sluice.sql.grammar.SqlGrammar;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A correlated scalar subquery, {@code (SELECT max(b) FROM r WHERE r.k = t.k AND r.x > 0)}, decorrelated as Spark
 * does: the subquery's uncorrelated conditions filter its relation, which is grouped by the inner sides of the
 * correlated equalities and aggregated; the outer query joins that on the equalities with a left join (no match:
 * NULL, or 0 for a count, as Spark's count-bug rule). Spark's conditions for what it cannot decorrelate: the
 * subquery must be aggregated, and correlated conditions must be equalities between an inner and an outer value.
 */
final class CorrelatedScalars {
    private CorrelatedScalars() {}

    /** The aggregated subquery (key columns then the value) and the join condition for the outer query. */
    record Plan(DataFrame grouped, Expression joinCondition) {}

    static Plan plan(QueryBuilder queries, RelationBuilder.Scope scope, SqlGrammar.QueryContext q, String valueName) {
        SqlGrammar.QuerySpecificationContext spec = Where.simpleSelect(q);
        if (spec == null || spec.namedExpressionSeq().namedExpression().size() != 1) {
            throw unsupported("a correlated scalar subquery must be a single SELECT of one aggregated value without GROUP BY, DISTINCT or LIMIT");
        }
        if (spec.fromClause() == null) throw unsupported("a correlated scalar subquery needs a FROM clause");
        String alias = "__subquery_" + Where.SUBQUERY_IDS.incrementAndGet();
        DataFrame from = queries.relations().from(spec.fromClause(), scope).alias(alias);
        ExpressionBuilder b = queries.expressions(scope.withColumns(from));
        List<String> inner = new ArrayList<>();
        for (String c : from.columns()) inner.add(c.toLowerCase(Locale.ROOT));
        List<String> qualifiers = new ArrayList<>();
        collectQualifiers(from.logicalPlan(), qualifiers);
        Expression value = qualifyInner(b.build(spec.namedExpressionSeq().namedExpression(0).expression()), alias, inner, qualifiers);
        if (Expressions.collect(value).stream().noneMatch(e -> e instanceof AggregateExpression)) {
            throw unsupported("a correlated scalar subquery must be aggregated to return at most one row (MUST_AGGREGATE_CORRELATED_SCALAR_SUBQUERY)");
        }
        if (hasOuter(value, alias)) throw unsupported("the value of a correlated scalar subquery may not name the outer query's columns");
        List<Expression> local = new ArrayList<>();
        List<Expression> innerKeys = new ArrayList<>();
        List<Expression> outerKeys = new ArrayList<>();
        if (spec.whereClause() != null) {
            Expression where = qualifyInner(b.build(spec.whereClause().booleanExpression()), alias, inner, qualifiers);
            for (Expression c : Expressions.conjuncts(where)) {
                if (!hasOuter(c, alias)) {
                    local.add(c);
                } else if (c instanceof Comparison cmp && cmp.op() == Comparison.Op.EQ && !hasOuter(cmp.left(), alias) && onlyOuter(cmp.right(), alias)) {
                    innerKeys.add(cmp.left());
                    outerKeys.add(cmp.right());
                } else if (c instanceof Comparison cmp && cmp.op() == Comparison.Op.EQ && !hasOuter(cmp.right(), alias) && onlyOuter(cmp.left(), alias)) {
                    innerKeys.add(cmp.right());
                    outerKeys.add(cmp.left());
                } else {
                    throw unsupported("a correlated condition of a scalar subquery must be an equality between an inner and an outer value, not " + c.sql());
                }
            }
        }
        if (innerKeys.isEmpty()) return null;   // not correlated after all
        DataFrame filtered = local.isEmpty() ? from : from.filter(new Column(Expressions.and(local)));
        Column[] keys = new Column[innerKeys.size()];
        for (int i = 0; i < keys.length; i++) keys[i] = new Column(innerKeys.get(i)).alias(valueName + "_k" + i);
        DataFrame grouped = filtered.groupBy(keys).agg(new Column(value).alias(valueName));
        List<Expression> on = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) on.add(new Comparison(Comparison.Op.EQ, RoutineCalls.unwrapOuter(outerKeys.get(i)), grouped.col(valueName + "_k" + i).expr()));
        return new Plan(grouped, Expressions.and(on));
    }

    /** Whether a count is the whole value, which is 0 (not NULL) for an outer row without inner rows. */
    static boolean isCount(DataFrame grouped, String valueName) {
        Expression e = grouped.logicalPlan() instanceof dev.sluice.plan.Aggregate a
                ? a.aggregateExpressions().get(a.aggregateExpressions().size() - 1) : null;
        return e != null && Expressions.unalias(e) instanceof AggregateExpression ae && !ae.distinct()
                && ae.function().name().toLowerCase(Locale.ROOT).startsWith("count");
    }

    /** The names that qualify the subquery's own columns ({@code r} in {@code FROM r}, {@code x} in {@code FROM r AS x}). */
    static void collectQualifiers(dev.sluice.plan.LogicalPlan p, List<String> out) {
        if (p instanceof dev.sluice.plan.SubqueryAlias a) out.add(a.alias().toLowerCase(Locale.ROOT));
        for (dev.sluice.plan.LogicalPlan c : p.children()) collectQualifiers(c, out);
    }

    /** Names the subquery's relation has (bare, or qualified by one of its own aliases) become {@code alias.name}: inner scope first. */
    static Expression qualifyInner(Expression e, String alias, List<String> innerColumns, List<String> qualifiers) {
        return Expressions.transformUp(e, node -> {
            if (!(node instanceof UnresolvedColumn u)) return node;
            List<String> parts = u.nameParts();
            String first = parts.get(0).toLowerCase(Locale.ROOT);
            List<String> rest = null;
            if (parts.size() >= 2 && qualifiers.contains(first) && innerColumns.contains(parts.get(1).toLowerCase(Locale.ROOT))) rest = parts.subList(1, parts.size());
            else if (innerColumns.contains(first)) rest = parts;
            if (rest == null) return node;
            List<String> out = new ArrayList<>();
            out.add(alias);
            out.addAll(rest);
            return new UnresolvedColumn(out);
        });
    }

    private static boolean hasOuter(Expression e, String alias) {
        return Expressions.collect(e).stream().anyMatch(n -> n instanceof UnresolvedColumn u && !u.nameParts().get(0).equals(alias)
                || n instanceof dev.sluice.expr.OuterReference);
    }

    private static boolean onlyOuter(Expression e, String alias) {
        return Expressions.collect(e).stream().noneMatch(n -> n instanceof UnresolvedColumn u && u.nameParts().get(0).equals(alias))
                && Expressions.collect(e).stream().noneMatch(n -> n instanceof dev.sluice.expr.ColumnRef || n instanceof dev.sluice.expr.PlanColumn);
    }

    private static SluiceException unsupported(String reason) {
        return SluiceException.of(ErrorCode.UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY).with("reason", reason).build();
    }
}
