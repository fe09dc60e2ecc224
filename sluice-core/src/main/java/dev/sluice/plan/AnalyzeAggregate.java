package dev.sluice.plan;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.AggregateFunction;
import dev.sluice.expr.Alias;
import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.Literal;
import dev.sluice.types.DataType;
import dev.sluice.types.MapType;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * The analyzer's aggregation rules, as Spark's: grouping expressions by name or expression (aliases dropped);
 * outputs named like select items; every output column either matches a grouping expression, sits inside
 * an aggregate function, or is a literal (else MISSING_AGGREGATION); no aggregate inside another, inside a
 * grouping expression, or outside an aggregation (AGGREGATE_NOT_ALLOWED). A select with aggregates becomes
 * a global aggregation ({@code df.select(sum("x"))}), as in Spark.
 */
final class AnalyzeAggregate {
    private AnalyzeAggregate() {}

    static LogicalPlan resolve(Aggregate a, Analyzer analyzer) {
        StructType in = a.input().schema();
        List<Expression> grouping = new ArrayList<>();
        for (Expression g : a.groupingExpressions()) {
            Expression r = Expressions.unalias(analyzer.resolve(g, in));
            if (containsAggregate(r)) throw notAllowed(r, "in groupBy");
            if (containsMap(r.dataType())) {
                // Spark 4 groups maps by their sorted entries; Sluice does not compare maps yet
                throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "Grouping by " + r.sql())
                        .with("reason", "its type " + r.dataType().simpleString() + " holds a map; group by its keys or fields instead").build();
            }
            grouping.add(r);
        }
        LogicalPlan input = a.input();
        dev.sluice.expr.FunctionCall timeWindow = AnalyzeTimeWindow.find(grouping);
        AnalyzeTimeWindow.Rewrite rw = null;
        if (timeWindow != null) {   // computed below: the outputs may name it (`window.start`), as in Spark
            rw = AnalyzeTimeWindow.forAggregate(input, timeWindow, grouping, analyzer);
            input = rw.input();
            in = input.schema();
            grouping = rw.grouping();
        }
        List<Expression> outputs = new ArrayList<>();
        for (Expression e : a.aggregateExpressions()) {
            Expression r = analyzer.resolveNamed(e, in);
            outputs.add(rw == null ? r : rw.substitute(r));
        }
        for (Expression e : outputs) check(Expressions.unalias(e), grouping);
        return new Aggregate(input, grouping, outputs);
    }

    /** A select holding aggregate functions: Spark turns it into an aggregation without grouping. */
    static LogicalPlan globalFromProject(Project p) {
        for (Expression e : p.projections()) check(Expressions.unalias(e), List.of());
        return new Aggregate(p.input(), List.of(), p.projections());
    }

    /** Binds an aggregate function to its resolved inputs (type checks, implicit casts). */
    static Expression bind(AggregateExpression e, AggregateFunction.AggregateBinder binder) {
        for (Expression input : e.function().inputs()) {
            if (containsAggregate(input)) throw notAllowed(e, "inside another aggregate function");
        }
        return new AggregateExpression(e.function().bind(binder), e.distinct(), e.calledName());
    }

    /** Rejects aggregates in a node other than an Aggregate (a filter, a join condition, a sort key...). */
    static void rejectOutsideAggregate(LogicalPlan plan) {
        if (plan instanceof Aggregate || plan instanceof Project) return;   // a Project with aggregates became an Aggregate
        for (Expression e : Plans.expressions(plan)) {
            for (Expression node : AnalyzeWindow.collectOutsideWindows(e)) {
                if (node instanceof AggregateExpression) throw notAllowed(node, "in " + plan.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    static boolean containsAggregate(Expression e) {
        for (Expression node : AnalyzeWindow.collectOutsideWindows(e)) if (node instanceof AggregateExpression) return true;
        return false;
    }

    private static void check(Expression e, List<Expression> grouping) {
        if (e instanceof AggregateExpression) return;
        if (grouping.contains(e) || e instanceof Literal) return;
        if (e instanceof ColumnRef) {
            throw SluiceException.of(ErrorCode.MISSING_AGGREGATION).with("expression", "Column `" + e.sql() + "`").build();
        }
        for (Expression child : e.children()) check(Expressions.unalias(child), grouping);
    }

    private static boolean containsMap(DataType t) {
        if (t instanceof MapType) return true;
        if (t instanceof StructType s) {
            for (var f : s.fields()) if (containsMap(f.dataType())) return true;
        }
        if (t instanceof dev.sluice.types.ArrayType at) return containsMap(at.elementType());
        return false;
    }

    private static SluiceException notAllowed(Expression e, String where) {
        Expression shown = e;
        for (Expression node : Expressions.collect(e)) {
            if (node instanceof AggregateExpression) {
                shown = node;
                break;
            }
        }
        return SluiceException.of(ErrorCode.AGGREGATE_NOT_ALLOWED).with("expression", shown.sql()).with("where", where).build();
    }
}
