package dev.sluice.plan;

/**
 * Walks plans without a pattern switch: adding a plan node adds a method here, which breaks every
 * visitor (explain, physical planning, Spark translation) until it handles the node.
 */
public interface PlanVisitor<R> {
    R visitScan(Scan scan);

    R visitProject(Project project);

    R visitFilter(Filter filter);

    R visitLimit(Limit limit);

    R visitSort(Sort sort);

    R visitUnion(Union union);

    R visitGenerate(Generate generate);

    R visitAggregate(Aggregate aggregate);

    R visitJoin(Join join);

    R visitSubqueryAlias(SubqueryAlias alias);

    R visitBroadcastHint(BroadcastHint hint);

    R visitSetOperation(SetOperation setOperation);

    R visitCoalescePartitions(CoalescePartitions coalesce);

    R visitWindow(Window window);

    R visitOffset(Offset offset);

    R visitRoundRobinPartitions(RoundRobinPartitions repartition);

    R visitMapPartitions(MapPartitions mapPartitions);

    R visitCachedRelation(CachedRelation cached);

    R visitRepartitionByExpression(RepartitionByExpression repartition);

    R visitCollectMetrics(CollectMetrics collect);

    R visitExpand(Expand expand);
}
