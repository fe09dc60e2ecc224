package dev.sluice.exec;

import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.BoundColumn;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.agg.Aggregation;
import dev.sluice.plan.Aggregate;

import java.util.ArrayList;
import java.util.List;

/**
 * Plans an Aggregate as two phases around an exchange:
 * <pre>
 * HashAggregateExec(final)        keys + results, then the output expressions
 *   ExchangeExec: hash(keys)      (single partition when there are no keys)
 *     HashAggregateExec(partial)  keys + partial states, per input partition
 *       input
 * </pre>
 * Equal aggregate expressions are computed once.
 */
final class AggregatePlanner {
    private AggregatePlanner() {}

    static ExecNode plan(Aggregate aggregate, ExecNode input, PlannerContext context) {
        List<Expression> keys = Binder.bindAll(aggregate.groupingExpressions(), input.schema());
        List<AggregateExpression> aggregates = new ArrayList<>();
        for (Expression e : aggregate.aggregateExpressions()) {
            for (Expression node : Expressions.collect(e)) {
                if (node instanceof AggregateExpression ae && !aggregates.contains(ae)) aggregates.add(ae);
            }
        }
        List<List<Expression>> boundInputs = new ArrayList<>();
        for (AggregateExpression ae : aggregates) boundInputs.add(Binder.bindAll(Aggregation.evaluatedInputs(ae), input.schema()));
        HashAggregateExec partial = HashAggregateExec.partial(input, keys, aggregates, boundInputs, context.memoryPool(), context.batchSize());

        List<Expression> shuffleKeys = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            var f = partial.schema().field(k);
            shuffleKeys.add(new BoundColumn(k, f.name(), f.dataType(), f.nullable()));
        }
        Partitioning partitioning = keys.isEmpty() ? new Partitioning.Single() : new Partitioning.Hash(shuffleKeys, context.shufflePartitions());
        ExchangeExec exchange = new ExchangeExec(partial, partitioning, context.memoryPool(), context.batchSize());

        List<Expression> results = new ArrayList<>();
        for (Expression e : aggregate.aggregateExpressions()) results.add(bindResult(e, aggregate.groupingExpressions(), aggregates));
        return HashAggregateExec.finalPhase(exchange, shuffleKeys, aggregates, results, aggregate.schema(),
                context.memoryPool(), context.batchSize());
    }

    /** An output expression over the final row [keys..., aggregate results...]. */
    private static Expression bindResult(Expression e, List<Expression> grouping, List<AggregateExpression> aggregates) {
        return Expressions.transformDown(e, node -> {
            if (node instanceof AggregateExpression ae) {
                return new BoundColumn(grouping.size() + aggregates.indexOf(ae), ae.sql(), ae.dataType(), ae.nullable());
            }
            int k = grouping.indexOf(node);
            if (k >= 0) return new BoundColumn(k, node.sql(), node.dataType(), node.nullable());
            return node;
        });
    }
}
