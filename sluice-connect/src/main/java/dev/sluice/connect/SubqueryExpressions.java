package dev.sluice.connect;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.UnresolvedColumn;
import dev.sluice.functions;
import org.apache.spark.connect.proto.Expression;
import org.apache.spark.connect.proto.Relation;
import org.apache.spark.connect.proto.SubqueryExpression;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Subqueries of the DataFrame API ({@code df.scalar()}, {@code df.exists()}, {@code col.isin(df)}): Spark 4.1
 * Connect sends them as {@code SubqueryExpression}s naming, by plan id, a relation of the enclosing
 * {@code WithRelations}. They are planned as joins, as Sluice's SQL front end plans its subqueries:
 * <ul>
 * <li>a scalar subquery becomes a hidden column of the outer query. Uncorrelated: the subquery aggregated to one row
 * (its value, and Spark's SCALAR_SUBQUERY_TOO_MANY_ROWS error when it has several rows) cross-joined to the outer
 * rows. Correlated through equalities with outer columns ({@code col("e2.k") == col("e1.k").outer()} under an
 * aggregate): the aggregate grouped by the inner keys, left-joined on them ({@code count} of no rows is 0);</li>
 * <li>{@code EXISTS} and {@code IN} as AND-ed conditions of a filter become semi joins, {@code NOT EXISTS} and
 * {@code NOT IN} anti joins (NOT IN null-aware, as SQL). A correlated EXISTS joins on its filter's condition.</li>
 * </ul>
 * Other places and shapes (EXISTS in a projection, table arguments) are refused by name.
 */
final class SubqueryExpressions {
    private static final AtomicLong IDS = new AtomicLong();

    private final Translation tx;
    private final Map<Long, Relation> references = new HashMap<>();
    /** Scalar subqueries met while translating the current relation's expressions, joined by {@link #joinPending}. */
    private List<Pending> pending = new ArrayList<>();

    /** A scalar subquery's value under its hidden column {@code name}: joined on {@code condition} (null: one row, cross join). */
    private record Pending(String name, DataFrame value, Column condition, boolean countOfNothingIsZero) {}

    SubqueryExpressions(Translation tx) { this.tx = tx; }

    /** {@code WithRelations}: the references become available to subquery expressions by plan id, then the root. */
    DataFrame withRelations(RelationTranslator relations, org.apache.spark.connect.proto.WithRelations w) {
        for (Relation r : w.getReferencesList()) {
            if (!r.hasCommon() || !r.getCommon().hasPlanId()) {
                throw ConnectErrors.unsupported("a WithRelations reference without a plan id", "references are resolved by plan id");
            }
            references.put(r.getCommon().getPlanId(), r);
        }
        return relations.translate(w.getRoot());
    }

    boolean hasPending() { return !pending.isEmpty(); }

    /** A subquery expression in a projection or condition: scalar ones only (EXISTS and IN belong to {@link #filter}). */
    Column expression(SubqueryExpression s, DataFrame outer) {
        switch (s.getSubqueryType()) {
            case SUBQUERY_TYPE_SCALAR: return scalar(s, outer);
            case SUBQUERY_TYPE_EXISTS:
                throw ConnectErrors.unsupported("an EXISTS subquery outside a filter condition",
                        "Sluice runs EXISTS as a condition of where/filter (AND-ed with the others)");
            case SUBQUERY_TYPE_IN:
                throw ConnectErrors.unsupported("an IN subquery outside a filter condition",
                        "Sluice runs isin(DataFrame) as a condition of where/filter (AND-ed with the others)");
            case SUBQUERY_TYPE_TABLE_ARG:
                throw ConnectErrors.unsupported("a table argument (asTable()) outside a table function call", "pass it to a Python table function");
            default:
                throw ConnectErrors.unsupported("the subquery type " + s.getSubqueryType(), "unknown subquery type");
        }
    }

    /** The relation of a table argument ({@code df.asTable()}), translated on its own. */
    DataFrame tableArgument(SubqueryExpression s) {
        if (s.getSubqueryType() != SubqueryExpression.SubqueryType.SUBQUERY_TYPE_TABLE_ARG) {
            throw ConnectErrors.unsupported("a " + s.getSubqueryType() + " subquery as a table function's argument", "pass a table with asTable()");
        }
        return translateReference(s.getPlanId());
    }

    /** A relation a subquery names, translated on its own (its scalar subqueries are its own). */
    private DataFrame translateReference(long planId) {
        List<Pending> outerPending = pending;
        pending = new ArrayList<>();
        try {
            DataFrame df = new RelationTranslator(tx).translate(referenced(planId));
            if (!pending.isEmpty()) throw new IllegalStateException("scalar subqueries left unjoined in a subquery");
            return df;
        } finally {
            pending = outerPending;
        }
    }

    private Relation referenced(long planId) {
        Relation r = references.get(planId);
        if (r == null) {
            throw ConnectErrors.unsupported("a subquery whose plan (id " + planId + ") the client did not send",
                    "the subquery must be part of the request's WithRelations");
        }
        return r;
    }

    private Column scalar(SubqueryExpression s, DataFrame outer) {
        String name = "__scalar_" + IDS.incrementAndGet();
        DataFrame sub;
        try {
            sub = translateReference(s.getPlanId());
        } catch (SluiceException e) {
            if (e.code() != ErrorCode.COLUMN_NOT_FOUND || outer == null) throw e;
            pending.add(correlatedScalar(referenced(s.getPlanId()), outer, name, e));
            return new Column(new UnresolvedColumn(List.of(name)));
        }
        if (sub.columns().length != 1) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "scalar()")
                    .with("reason", "a scalar subquery must return one column, this one returns " + sub.columns().length).build();
        }
        Column only = sub.col(sub.columns()[0]);
        DataFrame one = sub.agg(functions.first(only).alias("v"), functions.count(functions.lit(1)).alias("n"));
        Column value = functions.when(one.col("n").gt(functions.lit(1)),
                        functions.raise_error(functions.lit("[SCALAR_SUBQUERY_TOO_MANY_ROWS] More than one row returned by a subquery used as an expression.")))
                .otherwise(one.col("v"));
        pending.add(new Pending(name, one.select(value.cast(sub.schema().field(0).dataType()).alias(name)), null, false));
        return new Column(new UnresolvedColumn(List.of(name)));
    }

    /**
     * {@code inner.where(col("i.k") == col("o.k").outer()).select(agg)}: the aggregate per inner key, to be
     * left-joined on the equalities; other conjuncts of the filter must name the inner relation only.
     */
    private Pending correlatedScalar(Relation ref, DataFrame outer, String name, SluiceException notFound) {
        RelationTranslator relations = new RelationTranslator(tx);
        Expression aggregate;
        Relation below;
        if (ref.hasProject() && ref.getProject().getExpressionsCount() == 1) {
            aggregate = ref.getProject().getExpressions(0);
            below = ref.getProject().getInput();
        } else if (ref.hasAggregate() && ref.getAggregate().getGroupingExpressionsCount() == 0
                && ref.getAggregate().getGroupType() == org.apache.spark.connect.proto.Aggregate.GroupType.GROUP_TYPE_GROUPBY
                && ref.getAggregate().getAggregateExpressionsCount() == 1) {
            aggregate = ref.getAggregate().getAggregateExpressions(0);
            below = ref.getAggregate().getInput();
        } else {
            throw correlatedShape(notFound);
        }
        List<Expression> conditions = new ArrayList<>();
        while (below.hasFilter()) {
            conditions.addAll(conjuncts(below.getFilter().getCondition(), new ArrayList<>()));
            below = below.getFilter().getInput();
        }
        if (conditions.isEmpty()) throw correlatedShape(notFound);
        DataFrame inner = relations.translate(below);
        List<Column> innerKeys = new ArrayList<>();
        List<Column> outerKeys = new ArrayList<>();
        DataFrame filtered = inner;
        ExpressionTranslator expressions = relations.expressions();
        for (Expression c : conditions) {
            if (resolves(expressions, c, inner)) {
                filtered = filtered.filter(expressions.translate(c, inner));
                continue;
            }
            if (!(c.hasUnresolvedFunction() && c.getUnresolvedFunction().getFunctionName().equals("==")
                    && c.getUnresolvedFunction().getArgumentsCount() == 2)) {
                throw correlatedShape(notFound);
            }
            Expression a = c.getUnresolvedFunction().getArguments(0);
            Expression b = c.getUnresolvedFunction().getArguments(1);
            if (resolves(expressions, a, inner) && resolves(expressions, b, outer)) {
                innerKeys.add(expressions.translate(a, inner));
                outerKeys.add(expressions.translate(b, outer));
            } else if (resolves(expressions, b, inner) && resolves(expressions, a, outer)) {
                innerKeys.add(expressions.translate(b, inner));
                outerKeys.add(expressions.translate(a, outer));
            } else {
                throw correlatedShape(notFound);
            }
        }
        if (innerKeys.isEmpty()) throw correlatedShape(notFound);
        Column[] keys = new Column[innerKeys.size()];
        for (int k = 0; k < keys.length; k++) keys[k] = innerKeys.get(k).alias(name + "_k" + k);
        DataFrame grouped = filtered.groupBy(keys).agg(expressions.translate(aggregate, filtered).alias(name));
        Column on = null;
        for (int k = 0; k < keys.length; k++) {
            Column eq = outerKeys.get(k).equalTo(grouped.col(name + "_k" + k));
            on = on == null ? eq : on.and(eq);
        }
        return new Pending(name, grouped, on, isCount(aggregate));
    }

    private static boolean isCount(Expression e) {
        while (e.hasAlias()) e = e.getAlias().getExpr();
        return e.hasUnresolvedFunction() && (e.getUnresolvedFunction().getFunctionName().equalsIgnoreCase("count")
                || e.getUnresolvedFunction().getFunctionName().equalsIgnoreCase("count_distinct"));
    }

    private static SluiceException correlatedShape(SluiceException notFound) {
        return SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION)
                .with("operation", "this correlated scalar subquery")
                .with("reason", "Sluice runs correlated scalar subqueries of the shape "
                        + "df.where(inner == outer.outer() [AND ...]).select(aggregate).scalar() (" + notFound.getMessage() + ")")
                .cause(notFound).build();
    }

    private static boolean resolves(ExpressionTranslator expressions, Expression e, DataFrame df) {
        try {
            df.select(expressions.translate(e, df)).schema();
            return true;
        } catch (SluiceException ex) {
            if (ex.code() == ErrorCode.COLUMN_NOT_FOUND || ex.code() == ErrorCode.FIELD_NOT_FOUND) return false;
            throw ex;
        }
    }

    /** The pending scalar subqueries joined to {@code df}: its columns, then one hidden column per subquery. */
    DataFrame joinPending(DataFrame df) {
        for (Pending p : pending) {
            if (p.condition() == null) {
                df = df.crossJoin(p.value());
                continue;
            }
            DataFrame joined = df.join(p.value(), p.condition(), "left");
            List<Column> keep = new ArrayList<>();
            for (String c : df.columns()) keep.add(df.col(c));
            Column value = p.value().col(p.name());
            keep.add(p.countOfNothingIsZero() ? functions.coalesce(value, functions.lit(0L)).alias(p.name()) : value);
            df = joined.select(keep.toArray(new Column[0]));
        }
        pending.clear();
        return df;
    }

    /** The hidden columns' names of the pending subqueries (to drop them again). */
    List<String> pendingNames() {
        List<String> out = new ArrayList<>();
        for (Pending p : pending) out.add(p.name());
        return out;
    }

    /**
     * A filter whose AND-ed conditions may hold {@code [NOT] EXISTS} and {@code [NOT] IN} subqueries (semi and anti
     * joins) and scalar subqueries (joined, then their hidden columns dropped).
     */
    DataFrame filter(RelationTranslator relations, DataFrame in, Expression condition) {
        DataFrame df = in;
        List<Expression> plain = new ArrayList<>();
        for (Expression c : conjuncts(condition, new ArrayList<>())) {
            boolean negated = false;
            Expression x = c;
            if (x.hasUnresolvedFunction() && x.getUnresolvedFunction().getFunctionName().equals("not")
                    && x.getUnresolvedFunction().getArgumentsCount() == 1) {
                negated = true;
                x = x.getUnresolvedFunction().getArguments(0);
            }
            if (x.hasSubqueryExpression() && (x.getSubqueryExpression().getSubqueryType() == SubqueryExpression.SubqueryType.SUBQUERY_TYPE_EXISTS
                    || x.getSubqueryExpression().getSubqueryType() == SubqueryExpression.SubqueryType.SUBQUERY_TYPE_IN)) {
                df = semiJoin(relations, df, x.getSubqueryExpression(), negated);
            } else {
                plain.add(c);
            }
        }
        if (plain.isEmpty()) return df;
        Column cond = null;
        for (Expression p : plain) {
            Column c = relations.expressions().translate(p, df);
            cond = cond == null ? c : cond.and(c);
        }
        if (!hasPending()) return df.filter(cond);
        String[] before = df.columns();
        DataFrame base = df;
        DataFrame filtered = joinPending(df).filter(cond);
        Column[] keep = new Column[before.length];
        for (int i = 0; i < keep.length; i++) keep[i] = base.col(before[i]);
        return filtered.select(keep);
    }

    private DataFrame semiJoin(RelationTranslator relations, DataFrame df, SubqueryExpression s, boolean negated) {
        String type = negated ? "left_anti" : "left_semi";
        if (s.getSubqueryType() == SubqueryExpression.SubqueryType.SUBQUERY_TYPE_EXISTS) {
            try {
                DataFrame sub = translateReference(s.getPlanId());
                return df.join(sub.limit(1), functions.lit(true), type);
            } catch (SluiceException e) {
                if (e.code() != ErrorCode.COLUMN_NOT_FOUND) throw e;
                return correlatedExists(relations, df, referenced(s.getPlanId()), type, e);
            }
        }
        DataFrame sub = translateReference(s.getPlanId());
        List<Column> values = relations.expressions().all(s.getInSubqueryValuesList(), df);
        if (values.size() != sub.columns().length) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "isin")
                    .with("reason", "the subquery returns " + sub.columns().length + " columns for " + values.size() + " values").build();
        }
        Column equal = null;
        for (int i = 0; i < values.size(); i++) {
            Column eq = values.get(i).equalTo(sub.col(sub.columns()[i]));
            equal = equal == null ? eq : equal.and(eq);
        }
        // NOT IN is null-aware, as SQL: a NULL on either side leaves the outer row out
        return negated ? df.join(sub, equal.or(equal.isNull()), "left_anti") : df.join(sub, equal, "left_semi");
    }

    /** {@code inner.where(cond naming outer columns).exists()}: a semi (anti) join of the outer rows on that condition. */
    private DataFrame correlatedExists(RelationTranslator relations, DataFrame df, Relation ref, String type, SluiceException notFound) {
        Relation below = ref;
        while (below.hasProject() || below.hasSubqueryAlias() && below.getSubqueryAlias().getInput().hasFilter()) {
            below = below.hasProject() ? below.getProject().getInput() : below.getSubqueryAlias().getInput();
        }
        List<Expression> conditions = new ArrayList<>();
        while (below.hasFilter()) {
            conditions.addAll(conjuncts(below.getFilter().getCondition(), new ArrayList<>()));
            below = below.getFilter().getInput();
        }
        if (conditions.isEmpty()) throw notFound;
        DataFrame inner = relations.translate(below);
        Column on = null;
        for (Expression c : conditions) {
            Column col = relations.expressions().translate(c, inner);
            on = on == null ? col : on.and(col);
        }
        return df.join(inner, on, type);
    }

    private static List<Expression> conjuncts(Expression e, List<Expression> out) {
        if (e.hasUnresolvedFunction() && e.getUnresolvedFunction().getFunctionName().equals("and")
                && e.getUnresolvedFunction().getArgumentsCount() == 2) {
            conjuncts(e.getUnresolvedFunction().getArguments(0), out);
            conjuncts(e.getUnresolvedFunction().getArguments(1), out);
        } else {
            out.add(e);
        }
        return out;
    }
}
