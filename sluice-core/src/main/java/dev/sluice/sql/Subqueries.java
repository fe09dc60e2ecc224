package dev.sluice.sql;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Literal;
import dev.sluice.expr.UnresolvedColumn;
import dev.sluice.plan.Aggregate;
import dev.sluice.plan.Filter;
import dev.sluice.plan.Limit;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.plan.Project;
import dev.sluice.plan.Sort;
import dev.sluice.plan.SubqueryAlias;
import dev.sluice.sql.grammar.SqlGrammar;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Subqueries met inside expressions. IN and EXISTS are planned as semi and anti joins when they are conjuncts of a
 * WHERE clause ({@link Where}); elsewhere as boolean marks joined like scalar subqueries ({@link ExistenceMarks}). A scalar subquery that does
 * not refer to the outer query and returns at most one row by its shape (a global aggregate, LIMIT 1) becomes a
 * hidden column of the outer query, joined on TRUE with a left join (no row gives NULL, as Spark), then dropped; one
 * that may return several rows is counted, and more than one row fails at run time (SCALAR_SUBQUERY_TOO_MANY_ROWS).
 */
final class Subqueries implements ExpressionBuilder.Subqueries {
    private final QueryBuilder queries;
    private final RelationBuilder.Scope scope;

    Subqueries(QueryBuilder queries, RelationBuilder.Scope scope) { this(queries, scope, new ArrayList<>()); }

    private Subqueries(QueryBuilder queries, RelationBuilder.Scope scope, List<Scalar> pending) {
        this.queries = queries;
        this.scope = scope;
        this.pending = pending;
    }

    /** Subqueries planned in {@code other} (a SQL function's body) and joined to this one's query. */
    Subqueries in(RelationBuilder.Scope other) { return new Subqueries(queries, other, pending); }

    @Override public Expression parameter(List<String> nameParts) { return scope.parameter(nameParts); }

    private static final AtomicLong IDS = new AtomicLong();

    /** A scalar subquery waiting to be joined to the outer query under its hidden column name. */
    record Scalar(String column, DataFrame value, Expression condition, java.util.function.Function<DataFrame, ExistenceMarks.Mark> perOuter) {
        Scalar(String column, DataFrame value, Expression condition) { this(column, value, condition, null); }
    }

    private final List<Scalar> pending;

    @Override public Expression scalar(SqlGrammar.QueryContext query) {
        // (SELECT p * 2) in a SQL function's body: one row, so just its value on each of the caller's rows (as Spark)
        SqlGrammar.QuerySpecificationContext only = scope.inRoutineBody() ? RoutineCalls.expressionOnly(query) : null;
        if (only != null) {
            Expression value = new ExpressionBuilder(this, java.util.Map.of()).build(only.namedExpressionSeq().namedExpression(0).expression());
            boolean perRow = dev.sluice.expr.Expressions.collect(value).stream().noneMatch(e -> e instanceof dev.sluice.expr.AggregateExpression
                    || e instanceof dev.sluice.expr.WindowExpression || e instanceof dev.sluice.expr.Generator);
            if (perRow) return RoutineCalls.unwrapOuter(value);
        }
        String name = "__scalar_" + IDS.incrementAndGet();
        DataFrame sub = null;
        dev.sluice.error.SluiceException unresolved = null;
        try {
            sub = queries.query(query, scope);
        } catch (dev.sluice.error.SluiceException e) {
            if (e.code() != dev.sluice.error.ErrorCode.COLUMN_NOT_FOUND) throw e;
            unresolved = e;
        }
        // it names the outer query's columns (or a SQL function's body names its caller's, as outer references):
        // decorrelated into an aggregate joined on the correlated equalities
        if (unresolved != null || RoutineCalls.correlated(sub.logicalPlan())) {
            CorrelatedScalars.Plan plan = CorrelatedScalars.plan(queries, scope, query, name);
            if (plan == null && unresolved != null) throw unresolved;
            if (plan == null) {
                throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY)
                        .with("reason", "a correlated scalar subquery needs an equality between an inner and an outer value in its WHERE clause").build();
            }
            pending.add(new Scalar(name, plan.grouped(), plan.joinCondition()));
            if (CorrelatedScalars.isCount(plan.grouped(), name)) {
                return new dev.sluice.expr.Coalesce(List.of(new UnresolvedColumn(List.of(name)), Literal.of(0L)));
            }
            return new UnresolvedColumn(List.of(name));
        }
        if (sub.columns().length != 1) {
            throw SyntaxErrors.at(query, "a scalar subquery must return one column, this one returns " + sub.columns().length);
        }
        Column value = sub.col("`" + sub.columns()[0].replace("`", "``") + "`");   // a name may hold dots
        if (!atMostOneRow(sub.logicalPlan())) {
            // as Spark: fails at run time, and only when the subquery does return several rows
            DataFrame counted = sub.agg(dev.sluice.functions.count(dev.sluice.functions.lit(1)).alias(name + "_rows"),
                    dev.sluice.functions.first(value).alias(name + "_first"));
            Expression checked = dev.sluice.expr.fn.ScalarSubqueryCheck.call(counted.col(name + "_rows").expr(), counted.col(name + "_first").expr());
            pending.add(new Scalar(name, counted.select(new Column(checked).alias(name)), Literal.TRUE));
            return new UnresolvedColumn(List.of(name));
        }
        pending.add(new Scalar(name, sub.select(value.alias(name)), Literal.TRUE));
        return new UnresolvedColumn(List.of(name));
    }

    /** The scalar subqueries met since the last call, joined to {@code df} (their columns added at the end). */
    DataFrame joinPending(DataFrame df) {
        for (Scalar pendingOne : pending) {
            Scalar s = pendingOne;
            if (s.perOuter() != null) {   // a mark whose correlation is no equality: built over this outer query
                ExistenceMarks.Mark m = s.perOuter().apply(df);
                s = new Scalar(m.column(), m.keys(), m.condition());
            }
            DataFrame joined = df.join(s.value(), new Column(s.condition()), "left");
            if (s.condition() != Literal.TRUE) {   // keep the outer columns and the value, not the grouping keys
                List<Column> keep = new ArrayList<>();
                for (String c : df.columns()) keep.add(df.col(c));
                keep.add(s.value().col(s.column()));
                joined = joined.select(keep.toArray(new Column[0]));
            }
            df = joined;
        }
        pending.clear();
        return df;
    }

    private static boolean atMostOneRow(LogicalPlan p) {
        if (p instanceof Aggregate a) return a.groupingExpressions().isEmpty();
        if (p instanceof Limit l) return l.count() <= 1 || atMostOneRow(l.input());
        if (p instanceof Project || p instanceof Filter || p instanceof Sort || p instanceof SubqueryAlias) return atMostOneRow(p.children().get(0));
        return false;
    }

    @Override public Expression in(Expression value, SqlGrammar.QueryContext query, boolean negated) {
        Where.Decorrelated sub = Where.decorrelate(queries, scope, query);
        if (sub.values().size() != 1) {
            throw SyntaxErrors.at(query, "the IN subquery must return one column, it returns " + sub.values().size());
        }
        Expression v = sub.values().get(0);
        Expression match = mark(ExistenceMarks.exists(sub, nextMark(), value, v, null));
        if (!negated) return match;
        Expression anyRow = mark(ExistenceMarks.exists(sub, nextMark(), null, null, null));
        Expression anyNull = mark(ExistenceMarks.exists(sub, nextMark(), null, null, new dev.sluice.expr.IsNull(v)));
        return ExistenceMarks.notIn(value, match, anyRow, anyNull);
    }

    @Override public Expression exists(SqlGrammar.QueryContext query) {
        return mark(ExistenceMarks.exists(Where.decorrelate(queries, scope, query), nextMark(), null, null, null));
    }

    private static String nextMark() { return "__exists_" + IDS.incrementAndGet(); }

    /** The mark joined with the scalar subqueries (a left join on its correlation), read as TRUE or FALSE. */
    private Expression mark(ExistenceMarks.Mark m) {
        pending.add(new Scalar(m.column(), m.keys(), m.condition(), m.perOuter()));
        return ExistenceMarks.read(m.column());
    }

    QueryBuilder queries() { return queries; }

    RelationBuilder.Scope scope() { return scope; }
}
