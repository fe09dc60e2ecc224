package dev.sluice.sql;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.Alias;
import dev.sluice.expr.CaseWhen;
import dev.sluice.expr.Comparison;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.Literal;
import dev.sluice.expr.UnresolvedColumn;
import dev.sluice.sql.grammar.SqlGrammar;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;


/**
 * PIVOT and UNPIVOT in FROM, as Spark. PIVOT groups by every column the aggregates and the pivot column do not use,
 * and computes each aggregate once per pivot value over the rows having that value (the aggregate's input is
 * {@code CASE WHEN col = value THEN x END}, so only aggregates that skip NULLs are allowed). UNPIVOT turns the listed
 * columns into rows: a union of one select per column, without the NULL values unless INCLUDE NULLS.
 */
final class Pivots {
    private Pivots() {}

    static DataFrame pivot(ExpressionBuilder b, DataFrame df, SqlGrammar.PivotClauseContext ctx) {
        List<Expression> aggregates = new ArrayList<>();
        for (SqlGrammar.NamedExpressionContext n : ctx.aggregates.namedExpression()) aggregates.add(b.build(n));
        List<String> pivotColumns = Names.identifiers(ctx.pivotColumn().identifiers);
        if (pivotColumns.size() != 1) throw SyntaxErrors.unsupported("PIVOT over several columns", "pivot over one column");
        Set<String> used = new LinkedHashSet<>();
        used.add(pivotColumns.get(0).toLowerCase(Locale.ROOT));
        for (Expression a : aggregates) {
            for (Expression node : Expressions.collect(a)) {
                if (node instanceof UnresolvedColumn u) used.add(u.nameParts().get(0).toLowerCase(Locale.ROOT));
            }
        }
        List<Column> groupBy = new ArrayList<>();
        for (String c : df.columns()) if (!used.contains(c.toLowerCase(Locale.ROOT))) groupBy.add(df.col(c));
        Expression pivot = new UnresolvedColumn(List.of(pivotColumns.get(0)));
        List<Column> outputs = new ArrayList<>();
        for (SqlGrammar.PivotValueContext v : ctx.pivotValues) {
            Expression value = b.build(v.expression());
            String valueName = v.identifier() != null ? Names.identifier(v.identifier())
                    : value instanceof Literal l ? String.valueOf(l.value()) : value.sql();
            for (Expression a : aggregates) {
                Expression filtered = onlyWhere(a, new Comparison(Comparison.Op.EQ, pivot, value));
                String name = aggregates.size() == 1 ? valueName : valueName + "_" + Expressions.outputName(a);
                outputs.add(new Column(Expressions.unalias(filtered)).alias(name));
            }
        }
        if (outputs.isEmpty()) throw SyntaxErrors.at(ctx, "PIVOT needs at least one value");
        return df.groupBy(groupBy.toArray(new Column[0])).agg(outputs.get(0), outputs.subList(1, outputs.size()).toArray(new Column[0]));
    }

    private static Expression onlyWhere(Expression e, Expression condition) {
        return dev.sluice.PivotedAggregates.onlyWhere(e, condition);
    }

    static DataFrame unpivot(DataFrame df, SqlGrammar.UnpivotClauseContext ctx) {
        String valueColumn = Names.identifier(ctx.valueColumn), nameColumn = Names.identifier(ctx.nameColumn);
        boolean includeNulls = ctx.INCLUDE() != null;
        List<String> unpivoted = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (SqlGrammar.UnpivotColumnContext c : ctx.unpivotColumns) {
            List<String> parts = Names.parts(c.multipartIdentifier());
            unpivoted.add(parts.get(parts.size() - 1));
            labels.add(c.identifier() != null ? Names.identifier(c.identifier()) : parts.get(parts.size() - 1));
        }
        List<String> kept = new ArrayList<>();
        for (String c : df.columns()) {
            if (unpivoted.stream().noneMatch(u -> u.equalsIgnoreCase(c))) kept.add(c);
        }
        DataFrame out = null;
        for (int i = 0; i < unpivoted.size(); i++) {
            List<Column> cols = new ArrayList<>();
            for (String k : kept) cols.add(df.col(k));
            cols.add(new Column(Literal.of(labels.get(i))).alias(nameColumn));
            cols.add(df.col(unpivoted.get(i)).alias(valueColumn));
            DataFrame one = df.select(cols.toArray(new Column[0]));
            out = out == null ? one : out.union(one);
        }
        if (!includeNulls) out = out.filter(out.col(valueColumn).isNotNull());
        return ctx.alias == null ? out : out.alias(Names.identifier(ctx.alias));
    }
}
