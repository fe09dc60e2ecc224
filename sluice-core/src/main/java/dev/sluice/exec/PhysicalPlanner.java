package dev.sluice.exec;

import dev.sluice.plan.Aggregate;
import dev.sluice.plan.Filter;
import dev.sluice.plan.Limit;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.plan.PlanVisitor;
import dev.sluice.plan.Project;
import dev.sluice.plan.Scan;
import dev.sluice.plan.Sort;
import dev.sluice.plan.Union;
import dev.sluice.plan.Generate;
import dev.sluice.expr.Generator;
import dev.sluice.expr.SortOrder;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns an optimized logical plan into operators. Runs inside an action: this is where sources list their
 * files and cut splits, so building DataFrames never touches storage.
 */
public final class PhysicalPlanner implements PlanVisitor<ExecNode> {
    private final PlannerContext context;
    /** from_json calls over a scan's string columns evaluated right above it (see {@link FromJsonAboveScan}). */
    private final FromJsonAboveScan fromJson = new FromJsonAboveScan();
    /** The logical operators being planned, innermost first (a scan's parents, for {@link FromJsonAboveScan}). */
    private final java.util.ArrayDeque<LogicalPlan> planning = new java.util.ArrayDeque<>();

    public PhysicalPlanner(PlannerContext context) { this.context = context; }

    public PlannerContext context() { return context; }

    /** The operators for {@code plan}, each wrapped so that its output is counted. */
    public ExecNode plan(LogicalPlan plan) {
        LogicalPlan rewritten = CollationRewrite.apply(plan);
        planning.push(rewritten);
        try {
            return Metered.wrap(rewritten.accept(this));
        } finally {
            planning.pop();
        }
    }

    @Override public ExecNode visitScan(Scan scan) {
        // small files share tasks: a million tiny files make thousands of tasks, not a million
        List<LogicalPlan> above = new ArrayList<>(planning);
        if (!above.isEmpty() && above.get(0) == scan) above.remove(0);
        dev.sluice.io.DataSource source = fromJson.source(scan, above);
        List<dev.sluice.io.Split> splits = dev.sluice.io.SplitPacking.pack(source.splits(scan.pushedFilters()),
                context.maxSplitBytes());
        return new ScanExec(source, splits, scan.output(),
                Binder.bindAll(scan.pushedFilters(), scan.output()), new PoolBufferBudget(context.memoryPool()));
    }

    @Override public ExecNode visitProject(Project project) {
        fromJson.note(project.projections(), project.input());
        ExecNode input = plan(project.input());
        List<dev.sluice.expr.Expression> projections = Binder.bindAll(project.projections(), input.schema());
        return new ProjectExec(JoinPlanner.readBy(input, projections), projections, project.schema());
    }

    @Override public ExecNode visitExpand(dev.sluice.plan.Expand expand) {
        ExecNode input = plan(expand.input());
        List<List<dev.sluice.expr.Expression>> projections = new ArrayList<>();
        for (List<dev.sluice.expr.Expression> p : expand.projections()) projections.add(Binder.bindAll(p, input.schema()));
        return new ExpandExec(input, projections, expand.schema());
    }

    @Override public ExecNode visitFilter(Filter filter) {
        fromJson.note(List.of(filter.condition()), filter.input());
        ExecNode input = plan(filter.input());
        return new FilterExec(input, Binder.bind(filter.condition(), input.schema()));
    }

    @Override public ExecNode visitCoalescePartitions(dev.sluice.plan.CoalescePartitions coalesce) {
        return new CoalesceExec(plan(coalesce.input()), coalesce.partitions());
    }

    @Override public ExecNode visitMapPartitions(dev.sluice.plan.MapPartitions m) {
        return new MapPartitionsExec(plan(m.input()), m.function(), m.schema(), context.batchSize());
    }

    @Override public ExecNode visitRoundRobinPartitions(dev.sluice.plan.RoundRobinPartitions repartition) {
        return new ExchangeExec(plan(repartition.input()), new Partitioning.RoundRobin(repartition.partitions()),
                context.memoryPool(), context.batchSize());
    }

    @Override public ExecNode visitCachedRelation(dev.sluice.plan.CachedRelation cached) {
        if (!(cached.data() instanceof CachedTable table)) throw dev.sluice.error.SluiceException.internal("a cached relation without storage");
        ExecNode compute = table.storage().isReady() ? null : table.computePlan(context);
        return new InMemoryTableScanExec(table, compute, context.memoryPool());
    }

    /**
     * Hash: an exchange sending each row to {@code pmod(hash(keys), n)} with Spark's Murmur3 {@code hash}, so partition
     * contents match Spark's. Range: the sort's exchange (bounds sampled from the keys), which also sorts each partition.
     */
    @Override public ExecNode visitRepartitionByExpression(dev.sluice.plan.RepartitionByExpression r) {
        ExecNode input = plan(r.input());
        int n = r.partitions() == 0 ? context.shufflePartitions() : r.partitions();
        if (r.kind() == dev.sluice.plan.RepartitionByExpression.Kind.RANGE) {
            List<SortOrder> orders = new ArrayList<>();
            for (dev.sluice.expr.Expression k : r.keys()) {
                SortOrder o = k instanceof SortOrder so ? so : SortOrder.of(k);
                orders.add((SortOrder) Binder.bind(o, input.schema()));
            }
            return new SortExec(input, orders, context.memoryPool(), context.batchSize(), n);
        }
        if (r.kind() == dev.sluice.plan.RepartitionByExpression.Kind.DIRECT) {
            return new ExchangeExec(input, new Partitioning.Direct(Binder.bind(r.keys().get(0), input.schema()), n), context.memoryPool(), context.batchSize());
        }
        dev.sluice.expr.Expression hash = new dev.sluice.plan.Analyzer(true)
                .resolve(dev.sluice.expr.FunctionCall.of("hash", r.keys().toArray(new dev.sluice.expr.Expression[0])), r.input().schema());
        return new ExchangeExec(input, new Partitioning.SparkHash(Binder.bind(hash, input.schema()), r.keys(), n),
                context.memoryPool(), context.batchSize());
    }

    /** The metrics' aggregates accumulate in the pass-through operator; the run goes to the observer. */
    @Override public ExecNode visitCollectMetrics(dev.sluice.plan.CollectMetrics collect) {
        if (!(collect.observer() instanceof MetricsSink sink)) throw dev.sluice.error.SluiceException.internal("an observer without a sink");
        ExecNode input = plan(collect.input());
        List<dev.sluice.expr.AggregateExpression> aggregates = new ArrayList<>();
        for (dev.sluice.expr.Expression e : collect.metrics()) {
            for (dev.sluice.expr.Expression node : dev.sluice.expr.Expressions.collect(e)) {
                if (node instanceof dev.sluice.expr.AggregateExpression ae && !aggregates.contains(ae)) aggregates.add(ae);
            }
        }
        List<List<dev.sluice.expr.Expression>> boundInputs = new ArrayList<>();
        for (dev.sluice.expr.AggregateExpression ae : aggregates) {
            boundInputs.add(Binder.bindAll(dev.sluice.expr.agg.Aggregation.evaluatedInputs(ae), input.schema()));
        }
        List<dev.sluice.expr.Expression> results = new ArrayList<>();
        List<dev.sluice.types.StructField> fields = new ArrayList<>();
        for (dev.sluice.expr.Expression e : collect.metrics()) {
            results.add(dev.sluice.expr.Expressions.transformDown(e, node -> node instanceof dev.sluice.expr.AggregateExpression ae
                    ? new dev.sluice.expr.BoundColumn(aggregates.indexOf(ae), ae.sql(), ae.dataType(), ae.nullable()) : node));
            fields.add(dev.sluice.types.StructField.of(dev.sluice.expr.Expressions.outputName(e), e.dataType()));
        }
        MetricsRun run = new MetricsRun(aggregates, results, new dev.sluice.types.StructType(fields), input.partitionCount());
        sink.started(run);
        return new CollectMetricsExec(input, collect.name(), boundInputs, run);
    }

    @Override public ExecNode visitLimit(Limit limit) {
        if (limit.input() instanceof Sort sort && sort.global()) {
            ExecNode input = plan(sort.input());
            return new TopNExec(input, bindOrders(sort, input), limit.count(), context.memoryPool(), context.batchSize());
        }
        ExecNode input = plan(limit.input());
        return new GlobalLimitExec(Metered.wrap(new LocalLimitExec(input, limit.count())), limit.count());
    }

    @Override public ExecNode visitOffset(dev.sluice.plan.Offset offset) {
        return new GlobalOffsetExec(plan(offset.input()), offset.count());
    }

    @Override public ExecNode visitSort(Sort sort) {
        ExecNode input = plan(sort.input());
        List<SortOrder> orders = bindOrders(sort, input);
        if (!sort.global()) return new SortWithinPartitionsExec(input, orders, context.memoryPool(), context.batchSize());
        return new SortExec(input, orders, context.memoryPool(), context.batchSize(), context.shufflePartitions());
    }

    @Override public ExecNode visitUnion(Union union) {
        List<ExecNode> inputs = new ArrayList<>();
        for (LogicalPlan input : union.inputs()) inputs.add(plan(input));
        return new UnionExec(inputs, union.schema());
    }

    @Override public ExecNode visitGenerate(Generate generate) {
        ExecNode input = plan(generate.input());
        Generator generator = (Generator) Binder.bind(generate.generator(), input.schema());
        return new GenerateExec(input, generator, generate.schema(), context.batchSize());
    }

    @Override public ExecNode visitWindow(dev.sluice.plan.Window window) { return WindowPlanner.plan(window, this); }

    private static List<SortOrder> bindOrders(Sort sort, ExecNode input) {
        List<SortOrder> out = new ArrayList<>();
        for (SortOrder o : sort.orders()) out.add((SortOrder) Binder.bind(o, input.schema()));
        return out;
    }

    @Override public ExecNode visitAggregate(Aggregate aggregate) {
        return AggregatePlanner.plan(aggregate, plan(aggregate.input()), context);
    }

    @Override public ExecNode visitJoin(dev.sluice.plan.Join join) {
        return JoinPlanner.plan(join, plan(join.left()), plan(join.right()), context,
                SharedExchangeInput.find(join.left(), join.right(), this));
    }

    @Override public ExecNode visitSubqueryAlias(dev.sluice.plan.SubqueryAlias alias) { return plan(alias.input()); }

    @Override public ExecNode visitBroadcastHint(dev.sluice.plan.BroadcastHint hint) { return plan(hint.input()); }

    @Override public ExecNode visitSetOperation(dev.sluice.plan.SetOperation op) {
        return JoinPlanner.planSetOperation(op, plan(op.left()), plan(op.right()), context);
    }

    /** The operator tree as indented text, for explain. */
    public static String explain(ExecNode root) {
        StringBuilder sb = new StringBuilder();
        append(sb, root, 0);
        return sb.toString();
    }

    private static void append(StringBuilder sb, ExecNode node, int depth) {
        sb.append("  ".repeat(depth)).append(node.describe()).append('\n');
        for (ExecNode child : node.children()) append(sb, child, depth + 1);
    }
}
