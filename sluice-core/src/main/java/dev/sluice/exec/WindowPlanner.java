package dev.sluice.exec;

import dev.sluice.expr.Expression;
import dev.sluice.expr.SortOrder;
import dev.sluice.expr.WindowExpression;
import dev.sluice.plan.Window;

import java.util.ArrayList;
import java.util.List;

/**
 * Plans a logical Window: an exchange by the partition keys (hash; one partition when there are none, as
 * Spark) unless a Window below already partitioned the rows by the same keys, then a {@link WindowExec} that sorts each partition and computes the functions.
 */
final class WindowPlanner {
    private WindowPlanner() {}

    static ExecNode plan(Window window, PhysicalPlanner planner) {
        PlannerContext ctx = planner.context();
        ExecNode input = planner.plan(window.input());
        List<Expression> keys = Binder.bindAll(window.partitionBy(), input.schema());
        Partitioning partitioning = keys.isEmpty() ? new Partitioning.Single() : new Partitioning.Hash(keys, ctx.shufflePartitions());
        // a Window right below with the same keys already partitions its output this way (its input columns keep their places)
        boolean partitioned = Metered.unwrap(input) instanceof WindowExec below && below.partitionBy().equals(keys)
                && (!keys.isEmpty() || below.partitionCount() == 1);
        ExecNode exchange = partitioned ? input : Metered.wrap(new ExchangeExec(input, partitioning, ctx.memoryPool(), ctx.batchSize()));
        List<SortOrder> orders = new ArrayList<>();
        for (SortOrder o : window.orderBy()) orders.add((SortOrder) Binder.bind(o, input.schema()));
        List<WindowExpression> functions = new ArrayList<>();
        for (WindowExpression w : window.functions()) functions.add((WindowExpression) Binder.bind(w, input.schema()));
        return new WindowExec(exchange, keys, orders, functions, window.schema(), ctx.memoryPool(), ctx.batchSize());
    }
}
