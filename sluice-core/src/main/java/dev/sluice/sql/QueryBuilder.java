package dev.sluice.sql;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Literal;
import dev.sluice.sql.grammar.SqlGrammar;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Query parse trees to DataFrames, built through the DataFrame API so the plans are the API's own: WITH, set
 * operations, SELECT blocks ({@link SelectBuilder}), ORDER BY / SORT BY, LIMIT.
 */
final class QueryBuilder {
    private final Sluice session;
    private final RelationBuilder relations;

    QueryBuilder(Sluice session) {
        this.session = session;
        this.relations = new RelationBuilder(this, session);
    }

    Sluice session() { return session; }

    RelationBuilder relations() { return relations; }

    DataFrame query(SqlGrammar.QueryContext ctx) { return query(ctx, new RelationBuilder.Scope(null, Map.of())); }

    DataFrame query(SqlGrammar.QueryContext ctx, RelationBuilder.Scope outer) {
        RelationBuilder.Scope scope = outer;
        if (ctx.ctes() != null) {
            Map<String, DataFrame> ctes = new LinkedHashMap<>();
            scope = new RelationBuilder.Scope(outer, ctes);
            for (SqlGrammar.NamedQueryContext n : ctx.ctes().namedQuery()) {
                String name = Names.identifier(n.name);
                if (ctes.containsKey(name.toLowerCase(Locale.ROOT))) throw SyntaxErrors.at(n, "the CTE " + name + " is defined twice");
                DataFrame df = query(n.query(), scope);   // a CTE sees the ones before it
                if (n.columnAliases != null) df = df.toDF(Names.identifiers(n.columnAliases.identifier()).toArray(new String[0]));
                ctes.put(name.toLowerCase(Locale.ROOT), df);
            }
        }
        List<Expression> items = List.of();
        DataFrame df;
        if (ctx.queryBody() instanceof SqlGrammar.QueryBodyDefaultContext d && d.queryPrimary() instanceof SqlGrammar.QueryPrimaryDefaultContext p) {
            SelectBuilder select = new SelectBuilder(this, scope);
            df = select.build(p.querySpecification());
            items = select.items();
        } else {
            df = body(ctx.queryBody(), scope);
        }
        return organize(df, ctx.queryOrganization(), scope, items);
    }

    private DataFrame body(SqlGrammar.QueryBodyContext ctx, RelationBuilder.Scope scope) {
        if (ctx instanceof SqlGrammar.QueryBodyDefaultContext d) return primary(d.queryPrimary(), scope);
        SqlGrammar.SetOperationContext s = (SqlGrammar.SetOperationContext) ctx;
        DataFrame left = body(s.left, scope), right = body(s.right, scope);
        boolean all = s.setQuantifier() != null && s.setQuantifier().ALL() != null;
        return switch (s.op.getType()) {
            case SqlGrammar.UNION -> all ? left.union(right) : left.union(right).distinct();
            case SqlGrammar.INTERSECT -> all ? left.intersectAll(right) : left.intersect(right);
            default -> all ? left.exceptAll(right) : left.except(right);
        };
    }

    private DataFrame primary(SqlGrammar.QueryPrimaryContext ctx, RelationBuilder.Scope scope) {
        if (ctx instanceof SqlGrammar.QueryPrimaryDefaultContext d) return new SelectBuilder(this, scope).build(d.querySpecification());
        if (ctx instanceof SqlGrammar.InlineTableQueryContext v) return relations.inlineTable(v.inlineTable(), scope);
        if (ctx instanceof SqlGrammar.TableQueryContext t) return relations.table(Names.parts(t.multipartIdentifier()), scope);
        return query(((SqlGrammar.SubqueryContext) ctx).query(), scope);
    }

    /** ORDER BY (ordinals and select aliases allowed), SORT BY, LIMIT, OFFSET. */
    private DataFrame organize(DataFrame df, SqlGrammar.QueryOrganizationContext ctx, RelationBuilder.Scope scope, List<Expression> items) {
        if (ctx.windowClause() != null) throw SyntaxErrors.at(ctx.windowClause(), "a WINDOW clause belongs before ORDER BY in its SELECT");
        ExpressionBuilder b = expressions(scope);
        if (!ctx.order.isEmpty()) df = df.orderBy(sortColumns(b, ctx.order, df, items));
        if (!ctx.clusterBy.isEmpty() || !ctx.distributeBy.isEmpty()) {
            // as Spark: CLUSTER BY x is DISTRIBUTE BY x SORT BY x, and neither goes with ORDER BY
            boolean cluster = !ctx.clusterBy.isEmpty();
            if (!ctx.order.isEmpty() || cluster && (!ctx.distributeBy.isEmpty() || !ctx.sort.isEmpty())) {
                throw SyntaxErrors.unsupported("this combination of ORDER BY, SORT BY, DISTRIBUTE BY and CLUSTER BY",
                        "use ORDER BY alone, CLUSTER BY alone, or DISTRIBUTE BY with SORT BY");
            }
            List<SqlGrammar.ExpressionContext> keys = cluster ? ctx.clusterBy : ctx.distributeBy;
            Column[] columns = new Column[keys.size()];
            for (int i = 0; i < columns.length; i++) columns[i] = new Column(b.build(keys.get(i)));
            df = df.repartition(columns);
            if (cluster) df = df.sortWithinPartitions(columns);
        }
        if (!ctx.sort.isEmpty()) df = df.sortWithinPartitions(sortColumns(b, ctx.sort, df, items));
        if (ctx.offset != null) df = df.offset(intLiteral(b.build(ctx.offset), ctx.offset, "OFFSET"));
        if (ctx.limit != null) df = df.limit(intLiteral(b.build(ctx.limit), ctx.limit, "LIMIT"));
        return df;
    }

    private static Column[] sortColumns(ExpressionBuilder b, List<SqlGrammar.SortItemContext> items, DataFrame df, List<Expression> selected) {
        Column[] out = new Column[items.size()];
        for (int i = 0; i < out.length; i++) {
            dev.sluice.expr.SortOrder o = b.sortOrder(items.get(i));
            // a key the select list computes (ORDER BY count(*) after GROUP BY) sorts by that output column
            for (int j = 0; j < selected.size() && j < df.columns().length; j++) {
                Expression item = selected.get(j);
                if (!(item instanceof dev.sluice.expr.UnresolvedColumn) && dev.sluice.expr.Expressions.unalias(item).equals(o.child())) {
                    o = new dev.sluice.expr.SortOrder(df.col(df.columns()[j]).expr(), o.ascending(), o.nullsFirst());
                    break;
                }
            }
            if (o.child() instanceof Literal l && l.value() instanceof Integer ordinal) {   // ORDER BY 2: the second column
                String[] columns = df.columns();
                if (ordinal < 1 || ordinal > columns.length) {
                    throw SyntaxErrors.at(items.get(i), "ORDER BY position " + ordinal + " is not in the select list (1.." + columns.length + ")");
                }
                o = new dev.sluice.expr.SortOrder(df.col(columns[ordinal - 1]).expr(), o.ascending(), o.nullsFirst());
            }
            out[i] = new Column(o);
        }
        return out;
    }

    static int intLiteral(Expression e, SqlGrammar.ExpressionContext at, String clause) {
        if (e instanceof Literal l && l.value() instanceof Integer n && n >= 0) return n;
        throw SyntaxErrors.at(at, clause + " needs a non-negative integer literal");
    }

    /** An expression builder whose subqueries are planned in {@code scope}. */
    ExpressionBuilder expressions(RelationBuilder.Scope scope) { return expressions(scope, new HashMap<>()); }

    ExpressionBuilder expressions(RelationBuilder.Scope scope, Map<String, SqlGrammar.WindowSpecContext> windows) {
        return new ExpressionBuilder(new Subqueries(this, scope), windows);
    }

    /** A relation of one row and no columns: the input of a SELECT without FROM (Spark's OneRowRelation). */
    DataFrame oneRow() {
        StructType none = new StructType(List.of());
        return session.createDataFrame(List.of(Row.of(none)), none);
    }
}
