package dev.sluice.sql;

import dev.sluice.Column;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.agg.OrderedSetAggregates;
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

    /** Ranking functions: arguments are allowed and ignored, the window's ORDER BY ranks. */
    private static final Set<String> RANK_LIKE = Set.of("rank", "dense_rank", "percent_rank");

    private Calls() {}

    static Expression build(ExpressionBuilder b, SqlGrammar.FunctionCallContext ctx) {
        String name = Names.quoted(functionName(ctx.functionName())).toLowerCase(Locale.ROOT);
        java.util.Optional<dev.sluice.CatalogFunction> routine = FunctionResolver.routine(name);
        if (routine.isPresent() && routine.get().isSql()) return SqlRoutines.call(b, routine.get(), arguments(b, ctx.arguments), ctx);
        List<Expression> args = NamedArguments.positional(name, arguments(b, ctx.arguments));
        DatetimeUnitCalls.rejectQuotedUnit(name, args, ctx);
        String unitForm = DatetimeUnitCalls.name(name, args);   // TIMESTAMPADD(HOUR, n, ts) and its spellings
        args = DatetimeUnitCalls.arguments(name, args);
        name = unitForm;
        if (!ctx.withinOrder.isEmpty()) return withinGroup(b, ctx, name, args);
        if (OrderedSetAggregates.requiresWithinGroup(name)) {
            throw SluiceException.of(ErrorCode.INVALID_WITHIN_GROUP_EXPRESSION).with("function", name)   // Spark's WITHIN_GROUP_MISSING
                    .with("reason", "WITHIN GROUP is required for the function").build();
        }
        if (RANK_LIKE.contains(name) && ctx.windowSpec() != null) args = List.of();   // Spark ranks by the window's ORDER BY
        if ((name.equals("lag") || name.equals("lead")) && args.size() == 1) args = List.of(args.get(0), Literal.of(1));
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
            Expression aggregate = (first ? dev.sluice.functions.first(c, w.ignoreNulls()) : dev.sluice.functions.last(c, w.ignoreNulls())).expr();
            // named as called: first_value(col), as Spark names its alias of first
            return aggregate instanceof AggregateExpression ae ? ae.calledAs(w.name()) : aggregate;
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

    /** The arguments as written, each with its name when given as {@code name => value}. */
    static List<NamedArguments.Argument> arguments(ExpressionBuilder b, List<SqlGrammar.FunctionArgumentContext> in) {
        List<NamedArguments.Argument> out = new ArrayList<>();
        for (SqlGrammar.FunctionArgumentContext a : in) {
            if (a instanceof SqlGrammar.NamedArgumentContext n) out.add(new NamedArguments.Argument(Names.identifier(n.name), b.build(n.expression())));
            else out.add(new NamedArguments.Argument(null, b.build(((SqlGrammar.PositionalArgumentContext) a).expression())));
        }
        return out;
    }

    /** {@code f(args) WITHIN GROUP (ORDER BY ...)}: Spark's ordered-set aggregates. */
    private static Expression withinGroup(ExpressionBuilder b, SqlGrammar.FunctionCallContext ctx, String name, List<Expression> args) {
        if (!OrderedSetAggregates.isOrderedSet(name)) {
            throw SluiceException.of(ErrorCode.INVALID_WITHIN_GROUP_EXPRESSION).with("function", name)
                    .with("reason", "it is not an ordered-set aggregate (percentile_cont, percentile_disc, mode, listagg and string_agg are)").build();
        }
        if (ctx.setQuantifier() != null && ctx.setQuantifier().DISTINCT() != null) {
            throw SyntaxErrors.unsupported(name + "(DISTINCT ...) WITHIN GROUP", "aggregate a distinct subquery instead");
        }
        if (ctx.where != null || ctx.windowSpec() != null) {
            throw SyntaxErrors.unsupported(name + "(...) WITHIN GROUP with FILTER or OVER", "compute it in a grouped subquery");
        }
        List<dev.sluice.expr.SortOrder> orders = new ArrayList<>();
        List<String> orderText = new ArrayList<>();
        for (SqlGrammar.SortItemContext item : ctx.withinOrder) {
            dev.sluice.expr.SortOrder o = b.sortOrder(item);
            orders.add(o);
            boolean listagg = name.equals("listagg") || name.equals("string_agg");   // Spark prints the full sort order for these only
            boolean shownAscending = name.equals("mode") != o.ascending();   // Spark's mode prints its ordering reversed
            orderText.add(o.child().sql() + (listagg ? (o.ascending() ? " ASC" : " DESC") + (o.nullsFirst() ? " NULLS FIRST" : " NULLS LAST") : shownAscending ? "" : " DESC"));
        }
        List<String> argText = new ArrayList<>();
        for (Expression a : args) argText.add(a.sql());
        if ((name.equals("listagg") || name.equals("string_agg")) && args.size() == 1) argText.add("NULL");
        String shown = name.equals("string_agg") ? "listagg" : name;   // Spark prints string_agg ... WITHIN GROUP as listagg
        String text = shown + "(" + String.join(", ", argText) + ") WITHIN GROUP (ORDER BY " + String.join(", ", orderText) + ")";
        return new AggregateExpression(OrderedSetAggregates.of(name, args, orders, text), false);
    }

    static List<String> functionName(SqlGrammar.FunctionNameContext ctx) {
        if (ctx.qualifiedName() != null) return Names.parts(ctx.qualifiedName());
        return List.of(ctx.getText());
    }
}
