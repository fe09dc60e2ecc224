package dev.sluice.sql;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.Alias;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.Literal;
import dev.sluice.expr.UnresolvedColumn;
import dev.sluice.expr.UnresolvedStar;
import dev.sluice.expr.WindowExpression;
import dev.sluice.plan.Aggregate;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.plan.SubqueryAlias;
import dev.sluice.sql.grammar.SqlGrammar;
import dev.sluice.types.StructField;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One SELECT block: FROM, WHERE, GROUP BY (ordinals, select aliases, ALL), HAVING, the select list, QUALIFY,
 * DISTINCT; in Spark's order of evaluation, through the DataFrame API.
 */
final class SelectBuilder {
    private final QueryBuilder queries;
    private final RelationBuilder.Scope scope;
    private List<Expression> builtItems = List.of();

    SelectBuilder(QueryBuilder queries, RelationBuilder.Scope scope) {
        this.queries = queries;
        this.scope = scope;
    }

    DataFrame build(SqlGrammar.QuerySpecificationContext ctx) {
        Map<String, SqlGrammar.WindowSpecContext> windows = new HashMap<>();
        if (ctx.windowClause() != null) {
            for (SqlGrammar.NamedWindowContext w : ctx.windowClause().namedWindow()) {
                windows.put(Names.identifier(w.name).toLowerCase(Locale.ROOT), w.windowSpec());
            }
        }
        DataFrame df = ctx.fromClause() == null ? queries.oneRow() : queries.relations().from(ctx.fromClause(), scope);
        RelationBuilder.Scope inner = scope.withColumns(df);   // in a SQL function's body: its columns before its parameters
        ExpressionBuilder b = queries.expressions(inner, windows);
        // a SQL function's body filtered on its caller's columns cannot be analyzed alone: its columns are the FROM's
        boolean body = scope.inRoutineBody();
        String[] fromColumns = body && !RoutineCalls.correlated(df.logicalPlan()) ? df.columns() : null;
        if (ctx.whereClause() != null) df = Where.apply(queries, inner, b, df, ctx.whereClause().booleanExpression());
        String[] inputColumns = body && fromColumns != null && RoutineCalls.correlated(df.logicalPlan()) ? fromColumns : df.columns();
        List<Expression> items = LateralAliases.resolve(selectItems(b, ctx.namedExpressionSeq(), df), inputColumns);
        DataFrame withScalars = b.withScalarSubqueries(df);
        if (withScalars != df) {   // a star means the input's columns, not the scalar subqueries' hidden ones
            List<Expression> expanded = new ArrayList<>();
            for (Expression e : items) {
                if (e instanceof UnresolvedStar) {
                    for (String c : inputColumns) expanded.add(withScalars.col(c).expr());
                } else {
                    expanded.add(e);
                }
            }
            items = expanded;
            df = withScalars;
        }
        boolean aggregated = ctx.aggregationClause() != null || ctx.havingClause() != null || anyAggregate(items);
        if (aggregated) {
            df = aggregate(b, df, items, ctx);
        } else if (ctx.qualifyClause() != null) {
            df = qualify(df, items, b.build(ctx.qualifyClause().booleanExpression()));
        } else {
            df = select(df, items);
        }
        if (ctx.setQuantifier() != null && ctx.setQuantifier().DISTINCT() != null) df = df.distinct();
        for (SqlGrammar.HintContext hint : ctx.hints) {   // as Spark: over the whole SELECT, in the order written
            for (SqlGrammar.HintStatementContext h : hint.statements) {
                Object[] params = new Object[h.parameters.size()];
                for (int i = 0; i < params.length; i++) params[i] = SqlHints.parameter(b.build(h.parameters.get(i)));
                df = df.hint(Names.identifier(h.name), params);
            }
        }
        builtItems = items;
        return df;
    }

    /** The select items of the last build (ORDER BY may repeat one: {@code ORDER BY count(*) DESC}). */
    List<Expression> items() { return builtItems; }

    private static DataFrame select(DataFrame df, List<Expression> items) {
        Column[] cols = new Column[items.size()];
        for (int i = 0; i < cols.length; i++) cols[i] = new Column(items.get(i));
        return df.select(cols);
    }

    // ---- select list

    private List<Expression> selectItems(ExpressionBuilder b, SqlGrammar.NamedExpressionSeqContext seq, DataFrame input) {
        List<Expression> out = new ArrayList<>();
        for (SqlGrammar.NamedExpressionContext n : seq.namedExpression()) {
            SqlGrammar.StarContext star = n.name == null && n.names == null ? star(n.expression()) : null;
            if (star == null) {
                // current_date and the like before any naming here (lateral aliases, aggregate outputs), as the analyzer does
                out.add(dev.sluice.plan.LiteralFunctions.substitute(b.build(n), input.logicalPlan().schema()));
            } else if (star.qualifiedName() == null && star.EXCEPT() == null) {
                out.add(new UnresolvedStar());
            } else {
                out.addAll(expandStar(star, input));
            }
        }
        return out;
    }

    /** The star under a select item, if the item is only a star. */
    private static SqlGrammar.StarContext star(ParseTree node) {
        while (node instanceof ParserRuleContext c && !(node instanceof SqlGrammar.StarContext) && c.getChildCount() == 1) node = c.getChild(0);
        return node instanceof SqlGrammar.StarContext s ? s : null;
    }

    /** {@code t.*} and {@code * EXCEPT (a)}: the columns of relation t (or of all), each as {@code t.c AS c}. */
    private static List<Expression> expandStar(SqlGrammar.StarContext star, DataFrame input) {
        List<String> except = star.EXCEPT() == null ? List.of()
                : Names.identifiers(star.identifierList().identifier()).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        List<Expression> out = new ArrayList<>();
        if (star.qualifiedName() == null) {
            for (String c : input.columns()) if (!except.contains(c.toLowerCase(Locale.ROOT))) out.add(new UnresolvedColumn(List.of(c)));
            return out;
        }
        List<String> qualifier = Names.parts(star.qualifiedName());
        String alias = qualifier.get(qualifier.size() - 1);
        LogicalPlan owner = findAlias(input.logicalPlan(), alias);
        if (owner == null) {
            throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.COLUMN_NOT_FOUND).with("column", alias + ".*")
                    .with("suggestion", " No relation in FROM is named " + alias + ".").build();
        }
        for (StructField f : dev.sluice.plan.InternalNames.display(owner.schema()).fields()) {
            if (except.contains(f.name().toLowerCase(Locale.ROOT))) continue;
            out.add(new Alias(new UnresolvedColumn(List.of(alias, f.name())), f.name()));
        }
        return out;
    }

    private static LogicalPlan findAlias(LogicalPlan plan, String alias) {
        Deque<LogicalPlan> todo = new ArrayDeque<>(List.of(plan));
        while (!todo.isEmpty()) {
            LogicalPlan p = todo.poll();
            if (p instanceof SubqueryAlias a && a.alias().equalsIgnoreCase(alias)) return a;
            todo.addAll(p.children());
        }
        return null;
    }

    // ---- aggregation

    static boolean anyAggregate(List<Expression> items) {
        for (Expression e : items) if (WindowsOverAggregates.needsAggregation(e)) return true;
        return false;
    }

    /** An aggregate outside any window function (an aggregate OVER a window is a window function). */
    static boolean containsAggregate(Expression e) {
        if (e instanceof AggregateExpression) return true;
        if (e instanceof WindowExpression) return false;
        for (Expression c : e.children()) if (containsAggregate(c)) return true;
        return false;
    }

    private DataFrame aggregate(ExpressionBuilder b, DataFrame df, List<Expression> items, SqlGrammar.QuerySpecificationContext ctx) {
        Grouping.Spec grouping = Grouping.of(b, ctx.aggregationClause(), items);
        for (Expression e : items) {
            if (e instanceof UnresolvedStar) throw SyntaxErrors.at(ctx.namedExpressionSeq(), "SELECT * cannot be used with GROUP BY or aggregates");
        }
        // window functions run over the aggregation's rows (Spark's order): the aggregation computes what they read
        WindowsOverAggregates windows = new WindowsOverAggregates(grouping.all());
        List<Expression> outputs = new ArrayList<>();
        List<Expression> afterwards = new ArrayList<>();   // per item: its windowed form, or null (an aggregation output)
        for (Expression e : items) {
            if (WindowsOverAggregates.containsWindow(e)) {
                afterwards.add(new Alias(windows.lift(Expressions.unalias(e)), Expressions.outputName(e)));
            } else {
                afterwards.add(null);
                outputs.add(e);
            }
        }
        Expression qualify = ctx.qualifyClause() == null ? null : windows.lift(b.build(ctx.qualifyClause().booleanExpression()));
        if (outputs.size() == items.size() && qualify == null) return aggregateAll(b, df, grouping, outputs, items.size(), ctx);
        outputs.addAll(windows.hiddenOutputs());
        DataFrame aggregated = aggregateAll(b, df, grouping, outputs, outputs.size(), ctx);
        String[] names = aggregated.columns();
        List<Expression> selected = new ArrayList<>();
        int next = 0;
        for (Expression w : afterwards) selected.add(w != null ? w : aggregated.col(names[next++]).expr());
        return qualify == null ? select(aggregated, selected) : qualify(aggregated, selected, qualify);
    }

    private DataFrame aggregateAll(ExpressionBuilder b, DataFrame df, Grouping.Spec grouping, List<Expression> outputs, int visibleCount,
                                   SqlGrammar.QuerySpecificationContext ctx) {
        Expression having = null;
        if (ctx.havingClause() != null) {
            having = b.build(ctx.havingClause().booleanExpression());
            having = hoistAggregates(having, outputs);
        }
        for (int i = 0; i < outputs.size(); i++) {
            Expression o = outputs.get(i);
            if (o instanceof UnresolvedColumn u && u.nameParts().size() == 1) {
                // a grouping column keeps the user's spelling as its name, as in groupBy(...).agg(...)
                outputs.set(i, new Alias(u, u.nameParts().get(0)));
            } else if (grouping.sets() != null && !(o instanceof Alias)) {
                outputs.set(i, new Alias(o, Grouping.outputName(o)));   // named before NULLs replace grouping columns
            }
        }
        if (grouping.sets() == null) return aggregateOnce(df, grouping.all(), outputs, having, visibleCount);
        // grouping sets: one aggregation per set, columns outside the set NULL, unioned (the input is read once per set)
        DataFrame out = null;
        for (List<Expression> set : grouping.sets()) {
            List<Expression> setOutputs = new ArrayList<>();
            for (Expression o : outputs) setOutputs.add(Grouping.forSet(o, grouping.all(), set));
            Expression setHaving = having == null ? null : Grouping.forSet(having, grouping.all(), set);
            // the empty set groups by a constant: no row for an empty input, as Spark's Expand
            List<Expression> keys = set.isEmpty() ? List.of(Literal.of(0)) : set;
            DataFrame branch = aggregateOnce(df, keys, setOutputs, setHaving, visibleCount);
            out = out == null ? branch : out.union(branch);
        }
        return out;
    }

    private DataFrame aggregateOnce(DataFrame df, List<Expression> grouping, List<Expression> outputs, Expression having, int visibleCount) {
        DataFrame out = queries.session().dataFrame(new Aggregate(df.logicalPlan(), grouping, outputs));
        if (having == null) return out;
        out = out.filter(new Column(having));
        if (outputs.size() == visibleCount) return out;
        Column[] visible = new Column[visibleCount];
        String[] names = out.columns();
        for (int i = 0; i < visible.length; i++) visible[i] = out.col(names[i]);
        return out.select(visible);
    }

    /**
     * HAVING may use aggregates the select list does not compute ({@code HAVING count(*) > 1}): each becomes a hidden
     * output of the aggregation (removed after the filter); one the list computes is referred to by its name.
     */
    private static Expression hoistAggregates(Expression condition, List<Expression> outputs) {
        return Expressions.transformDown(condition, e -> {
            if (!(e instanceof AggregateExpression)) return e;
            for (Expression o : outputs) {
                if (Expressions.unalias(o).equals(e)) return new UnresolvedColumn(List.of(Expressions.outputName(o)));
            }
            String hidden = "__having_" + outputs.size();
            outputs.add(new Alias(e, hidden));
            return new UnresolvedColumn(List.of(hidden));
        });
    }

    // ---- QUALIFY

    /**
     * QUALIFY filters on window functions over the select's input: they are computed beside the select items as
     * hidden columns, the filter keeps the rows, and a last projection drops the hidden columns.
     */
    private static DataFrame qualify(DataFrame df, List<Expression> items, Expression condition) {
        List<Expression> all = new ArrayList<>(items);
        Expression rewritten = Expressions.transformDown(condition, e -> {
            if (e instanceof UnresolvedColumn u && u.nameParts().get(0).startsWith(WindowsOverAggregates.PREFIX)) {
                if (!all.contains(u)) all.add(u);   // an aggregate QUALIFY reads outside a window: the aggregation's hidden column
                return e;
            }
            if (!(e instanceof WindowExpression)) return e;
            for (Expression item : items) {
                if (Expressions.unalias(item).equals(e)) return new UnresolvedColumn(List.of(Expressions.outputName(item)));
            }
            String hidden = "__qualify_" + all.size();
            all.add(new Alias(e, hidden));
            return new UnresolvedColumn(List.of(hidden));
        });
        DataFrame filtered = select(df, all).filter(new Column(rewritten));
        if (all.size() == items.size()) return filtered;
        String[] names = filtered.columns();
        Column[] visible = new Column[names.length - (all.size() - items.size())];
        for (int i = 0; i < visible.length; i++) visible[i] = filtered.col(names[i]);
        return filtered.select(visible);
    }

    static boolean isLiteral(Expression e) { return e instanceof Literal; }
}
