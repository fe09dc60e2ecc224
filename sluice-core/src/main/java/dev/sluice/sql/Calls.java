package dev.sluice.sql;

import dev.sluice.Column;
import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.CaseWhen;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Literal;
import dev.sluice.expr.UnresolvedStar;
import dev.sluice.sql.grammar.SqlGrammar;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A function call with its SQL decorations: {@code DISTINCT}, {@code FILTER (WHERE ...)}, {@code IGNORE NULLS} and
 * {@code OVER (...)}. The call itself is {@link FunctionResolver}'s.
 */
final class Calls {
    /** Aggregates that skip NULL inputs, so FILTER (WHERE c) is the aggregate of CASE WHEN c THEN x END. */
    static final Set<String> NULL_SKIPPING = dev.sluice.PivotedAggregates.NULL_SKIPPING;

    /** Functions whose last argument says whether to skip NULLs (what IGNORE NULLS sets). */
    private static final Set<String> IGNORE_NULLS = Set.of("first", "last", "first_value", "last_value", "any_value");

    private Calls() {}

    static Expression build(ExpressionBuilder b, SqlGrammar.FunctionCallContext ctx) {
        String name = Names.quoted(functionName(ctx.functionName())).toLowerCase(Locale.ROOT);
        List<Expression> args = new ArrayList<>();
        for (SqlGrammar.FunctionArgumentContext a : ctx.arguments) {
            if (a instanceof SqlGrammar.NamedArgumentContext n) {
                throw SyntaxErrors.unsupported("the named argument " + Names.identifier(n.name) + " => ...",
                        "pass the arguments of " + name + " by position");
            }
            args.add(b.build(((SqlGrammar.PositionalArgumentContext) a).expression()));
        }
        if (!ctx.withinOrder.isEmpty()) {
            throw SyntaxErrors.unsupported(name + "(...) WITHIN GROUP (ORDER BY ...)", "no ordered-set aggregate is available yet");
        }
        if (ctx.where != null) args = filtered(name, args, b.build(ctx.where), ctx);
        if (ctx.nullsOption != null && ctx.nullsOption.getType() == SqlGrammar.IGNORE) {
            if (!IGNORE_NULLS.contains(name)) throw SyntaxErrors.at(ctx, "IGNORE NULLS is not allowed for " + name);
            args.add(Literal.TRUE);
        }
        if ((name.equals("grouping") || name.equals("grouping_id")) && ctx.windowSpec() == null) {
            return new dev.sluice.expr.FunctionCall(name, args, null);   // replaced per grouping set (Grouping.forSet)
        }
        boolean distinct = ctx.setQuantifier() != null && ctx.setQuantifier().DISTINCT() != null;
        Expression call = distinct ? FunctionResolver.distinct(name, args) : FunctionResolver.resolve(name, args);
        if (ctx.where != null && !(call instanceof AggregateExpression)) {
            throw SyntaxErrors.at(ctx, "FILTER (WHERE ...) is only allowed for aggregate functions");
        }
        if (ctx.windowSpec() == null) return unwindowed(call);
        return new Column(call).over(WindowBuilder.spec(b, ctx.windowSpec())).expr();
    }

    /** first_value/last_value without OVER are Spark's aggregates first/last, not window functions. */
    private static Expression unwindowed(Expression call) {
        if (call instanceof dev.sluice.expr.WindowExpression w && w.partitionBy().isEmpty() && w.orderBy().isEmpty() && w.frame() == null && w.arguments().size() == 1
                && (w.function() == dev.sluice.expr.WindowExpression.Function.FIRST_VALUE || w.function() == dev.sluice.expr.WindowExpression.Function.LAST_VALUE)) {
            Column c = new Column(w.arguments().get(0));
            boolean first = w.function() == dev.sluice.expr.WindowExpression.Function.FIRST_VALUE;
            return (first ? dev.sluice.functions.first(c, w.ignoreNulls()) : dev.sluice.functions.last(c, w.ignoreNulls())).expr();
        }
        return call;
    }

    /** The arguments of {@code agg(args) FILTER (WHERE cond)}: each wrapped in CASE WHEN cond THEN arg END. */
    private static List<Expression> filtered(String name, List<Expression> args, Expression condition, SqlGrammar.FunctionCallContext ctx) {
        if (!NULL_SKIPPING.contains(name)) {
            throw SyntaxErrors.unsupported(name + "(...) FILTER (WHERE ...)", "FILTER is supported for aggregates that skip NULLs");
        }
        List<Expression> out = new ArrayList<>();
        boolean first = true;
        for (Expression a : args) {
            Expression value = a instanceof UnresolvedStar ? Literal.of(1) : a;
            // only the aggregated value is filtered; extra arguments (a relative SD, a percentage) stay literals
            out.add(first || !(a instanceof Literal) ? new CaseWhen(List.of(condition), List.of(value), null) : a);
            first = false;
        }
        if (args.isEmpty()) out.add(new CaseWhen(List.of(condition), List.of(Literal.of(1)), null));
        return out;
    }

    static List<String> functionName(SqlGrammar.FunctionNameContext ctx) {
        if (ctx.qualifiedName() != null) return Names.parts(ctx.qualifiedName());
        return List.of(ctx.getText());
    }
}
