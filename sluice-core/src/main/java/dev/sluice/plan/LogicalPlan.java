package dev.sluice.plan;

import dev.sluice.error.SluiceException;
import dev.sluice.types.StructType;

import java.util.List;

/**
 * What a query computes, never how: an immutable tree of records. User code builds it through the
 * DataFrame API; the analyzer resolves it; optimizer rules rewrite it; the physical planner runs it.
 */
public sealed interface LogicalPlan permits Scan, Project, Filter, Limit,
        Sort,
        Union,
        Generate,
        Aggregate,
        Join,
        SubqueryAlias,
        BroadcastHint,
        SetOperation,
        CoalescePartitions,
        Window,
        Offset,
        RoundRobinPartitions,
        MapPartitions,
        CachedRelation,
        RepartitionByExpression,
        CollectMetrics,
        Expand {

    /** The output columns. Only meaningful once resolved. */
    StructType schema();

    List<LogicalPlan> children();

    LogicalPlan withChildren(List<LogicalPlan> children);

    <R> R accept(PlanVisitor<R> visitor);

    static LogicalPlan only(List<LogicalPlan> children) {
        if (children.size() != 1) throw SluiceException.internal("expected 1 child, got " + children.size());
        return children.get(0);
    }
}
