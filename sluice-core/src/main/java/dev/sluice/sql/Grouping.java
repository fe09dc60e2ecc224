package dev.sluice.sql;

import dev.sluice.expr.Alias;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.Literal;
import dev.sluice.expr.UnresolvedColumn;
import dev.sluice.sql.grammar.SqlGrammar;

import java.util.ArrayList;
import java.util.List;

/** GROUP BY's expressions: {@code GROUP BY 1} (a select position), a select alias, or {@code GROUP BY ALL}. */
final class Grouping {
    private Grouping() {}

    static List<Expression> expressions(ExpressionBuilder b, SqlGrammar.AggregationClauseContext ctx, List<Expression> items) {
        List<Expression> out = new ArrayList<>();
        if (ctx == null) return out;
        if (ctx instanceof SqlGrammar.GroupByAllContext) {
            for (Expression item : items) if (!SelectBuilder.containsAggregate(item)) out.add(Expressions.unalias(item));
            return out;
        }
        SqlGrammar.GroupByListContext list = (SqlGrammar.GroupByListContext) ctx;
        if (list.kind != null) throw SyntaxErrors.unsupported("GROUP BY ... WITH " + list.kind.getText(), "Sluice has no grouping sets yet");
        for (SqlGrammar.GroupingElementContext g : list.groupingElement()) {
            if (!(g instanceof SqlGrammar.GroupingExpressionContext e)) {
                throw SyntaxErrors.unsupported("ROLLUP, CUBE and GROUPING SETS", "Sluice has no grouping sets yet");
            }
            out.add(resolve(b.build(e.expression()), items, e));
        }
        return out;
    }

    /** A position or a select alias stands for that select item (as Spark's groupByOrdinal and groupByAliases). */
    private static Expression resolve(Expression e, List<Expression> items, SqlGrammar.GroupingExpressionContext at) {
        if (e instanceof Literal l && l.value() instanceof Integer ordinal) {
            if (ordinal < 1 || ordinal > items.size()) {
                throw SyntaxErrors.at(at, "GROUP BY position " + ordinal + " is not in the select list (1.." + items.size() + ")");
            }
            Expression item = Expressions.unalias(items.get(ordinal - 1));
            if (SelectBuilder.containsAggregate(item)) throw SyntaxErrors.at(at, "GROUP BY position " + ordinal + " is an aggregate");
            return item;
        }
        if (e instanceof UnresolvedColumn u && u.nameParts().size() == 1) {
            for (Expression item : items) {
                if (item instanceof Alias a && a.name().equalsIgnoreCase(u.nameParts().get(0)) && !SelectBuilder.containsAggregate(a.child())) {
                    return a.child();
                }
            }
        }
        return e;
    }
}
