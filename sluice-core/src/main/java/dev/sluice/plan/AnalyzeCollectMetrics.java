package dev.sluice.plan;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.Alias;
import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Expression;

import java.util.ArrayList;
import java.util.List;

/**
 * Resolves {@code observe}'s metrics as Spark checks them: each is an aggregate over the rows, so every column it
 * reads sits inside an aggregate function ({@code max(x) + 1}, {@code count(1)}); one without an alias is named
 * after its text ({@code max(age)}), as Spark's Dataset.observe names it.
 */
final class AnalyzeCollectMetrics {
    private AnalyzeCollectMetrics() {}

    static CollectMetrics resolve(CollectMetrics c, Analyzer analyzer) {
        List<Expression> out = new ArrayList<>();
        for (Expression m : c.metrics()) {
            Expression r = analyzer.resolve(m, c.input().schema());
            if (!(r instanceof Alias)) r = new Alias(r, dev.sluice.expr.Expressions.outputName(m));
            if (!AnalyzeAggregate.containsAggregate(r)) throw invalid(r, "it must be an aggregate such as count(1) or max(x)");
            rejectColumnsOutsideAggregates(r, r);
            out.add(r);
        }
        return c.withMetrics(out);
    }

    private static void rejectColumnsOutsideAggregates(Expression e, Expression metric) {
        if (e instanceof AggregateExpression) return;
        if (e instanceof ColumnRef) throw invalid(metric, "the column " + e.sql() + " is read outside an aggregate function");
        for (Expression child : e.children()) rejectColumnsOutsideAggregates(child, metric);
    }

    private static SluiceException invalid(Expression metric, String reason) {
        return SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "observe")
                .with("reason", "the metric " + metric.sql() + " is not allowed: " + reason).build();
    }
}
