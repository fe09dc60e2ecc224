package dev.sluice.sql;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.Literal;
import dev.sluice.sql.grammar.SqlGrammar;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code t JOIN LATERAL (subquery)}, {@code FROM t, LATERAL (subquery)}: a subquery that may name the columns of
 * the relations before it. One that does not is an ordinary join. One that does is decorrelated when it is a plain
 * {@code SELECT exprs [FROM r] [WHERE c]}: without FROM its values are computed on each outer row; with FROM the
 * outer relation joins {@code r} on {@code c} (and ON), then its values are computed on the joined rows. Grouping,
 * DISTINCT, LIMIT and the like in a correlated LATERAL subquery are refused (UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY).
 */
final class LateralJoins {
    private LateralJoins() {}

    static DataFrame join(QueryBuilder queries, RelationBuilder.Scope scope, DataFrame left, SqlGrammar.RelationPrimaryContext right,
                          String type, SqlGrammar.BooleanExpressionContext on) {
        if (!type.equals("inner") && !type.equals("cross") && !type.equals("left")) {
            throw SyntaxErrors.unsupported(type + " LATERAL joins", "Spark allows INNER, CROSS and LEFT OUTER lateral joins");
        }
        ExpressionBuilder b = queries.expressions(scope);
        if (right instanceof SqlGrammar.TableValuedFunctionContext f) return tableFunction(queries, b, left, f, type, on);
        if (!(right instanceof SqlGrammar.AliasedQueryContext q)) throw SyntaxErrors.at(right, "LATERAL takes a subquery in parentheses or a SQL table function");
        try {
            DataFrame whole = RelationBuilder.aliased(queries.query(q.query(), scope), q.tableAlias(), null);
            return left.join(whole, new Column(on == null ? Literal.TRUE : b.build(on)), type.equals("cross") ? "inner" : type);
        } catch (SluiceException e) {
            if (e.code() != ErrorCode.COLUMN_NOT_FOUND) throw e;
        }
        SqlGrammar.QuerySpecificationContext spec = plainSelect(q.query());
        if (spec == null) {
            throw SluiceException.of(ErrorCode.UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY)
                    .with("reason", "a LATERAL subquery that names outer columns must be a plain SELECT [FROM] [WHERE] (no grouping, DISTINCT, LIMIT or set operation)").build();
        }
        List<SqlGrammar.NamedExpressionContext> items = spec.namedExpressionSeq().namedExpression();
        DataFrame joined;
        String innerAlias = "__lateral_" + Where.SUBQUERY_IDS.incrementAndGet();
        List<String> innerColumns = new ArrayList<>();
        List<String> qualifiers = new ArrayList<>();
        if (spec.fromClause() != null) {
            DataFrame inner = queries.relations().from(spec.fromClause(), scope).alias(innerAlias);
            for (String c : inner.columns()) innerColumns.add(c.toLowerCase(Locale.ROOT));
            CorrelatedScalars.collectQualifiers(inner.logicalPlan(), qualifiers);
            List<Expression> conditions = new ArrayList<>();
            if (spec.whereClause() != null) conditions.add(inner(b.build(spec.whereClause().booleanExpression()), innerAlias, innerColumns, qualifiers));
            if (on != null) conditions.add(b.build(on));
            joined = left.join(inner, new Column(conditions.isEmpty() ? Literal.TRUE : Expressions.and(conditions)), type.equals("cross") ? "inner" : type);
        } else {
            if (spec.whereClause() != null || on != null) throw SyntaxErrors.unsupported("WHERE or ON with a LATERAL subquery without FROM", "filter the outer query");
            joined = left;
        }
        List<Column> out = new ArrayList<>();
        for (String c : left.columns()) out.add(left.col(c));
        for (SqlGrammar.NamedExpressionContext n : items) {
            Expression e = b.build(n);
            if (Expressions.collect(e).stream().anyMatch(x -> x instanceof dev.sluice.expr.AggregateExpression)) {
                throw SluiceException.of(ErrorCode.UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY)
                        .with("reason", "Sluice does not decorrelate an aggregating LATERAL subquery; use a correlated scalar subquery in the select list").build();
            }
            if (spec.fromClause() != null) e = inner(e, innerAlias, innerColumns, qualifiers);
            out.add(new Column(e));
        }
        DataFrame result = joined.select(out.toArray(new Column[0]));
        if (q.tableAlias() != null && q.tableAlias().columns != null) {
            throw SyntaxErrors.unsupported("column aliases on a correlated LATERAL subquery", "name the values inside the subquery");
        }
        return result;
    }

    /** {@code LATERAL f(t.x)}: a SQL table function over the left rows ({@link RoutineCalls#lateral}). */
    private static DataFrame tableFunction(QueryBuilder queries, ExpressionBuilder b, DataFrame left, SqlGrammar.TableValuedFunctionContext f,
                                           String type, SqlGrammar.BooleanExpressionContext on) {
        String name = Names.quoted(Calls.functionName(f.functionName())).toLowerCase(Locale.ROOT);
        dev.sluice.CatalogFunction routine = FunctionResolver.routine(name).filter(dev.sluice.CatalogFunction::isSql).orElse(null);
        if (routine == null) throw SyntaxErrors.unsupported("LATERAL " + name + "(...)", "LATERAL takes a subquery in parentheses or a SQL table function");
        SqlGrammar.TableAliasContext alias = f.tableAlias();
        String aliasName = alias != null && alias.alias != null ? Names.identifier(alias.alias) : routine.name();
        List<String> columns = alias != null && alias.columns != null ? Names.identifiers(alias.columns.identifier()) : null;
        return RoutineCalls.lateral(queries, routine, Calls.arguments(b, RelationBuilder.valueArguments(f, name)), left, type,
                on == null ? null : b.build(on), aliasName, columns);
    }

    private static Expression inner(Expression e, String alias, List<String> columns, List<String> qualifiers) {
        return CorrelatedScalars.qualifyInner(e, alias, columns, qualifiers);
    }

    /** A SELECT with at most FROM and WHERE. */
    private static SqlGrammar.QuerySpecificationContext plainSelect(SqlGrammar.QueryContext q) {
        if (q.ctes() != null || !q.queryOrganization().getText().isEmpty()) return null;
        if (!(q.queryBody() instanceof SqlGrammar.QueryBodyDefaultContext d)) return null;
        if (!(d.queryPrimary() instanceof SqlGrammar.QueryPrimaryDefaultContext p)) return null;
        SqlGrammar.QuerySpecificationContext s = p.querySpecification();
        if (s.aggregationClause() != null || s.havingClause() != null || s.qualifyClause() != null || s.setQuantifier() != null
                || s.windowClause() != null) return null;
        if (s.fromClause() != null && (!s.fromClause().lateralView().isEmpty() || s.fromClause().pivotClause() != null || s.fromClause().unpivotClause() != null)) return null;
        return s;
    }
}
