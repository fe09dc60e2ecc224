package dev.sluice.plan;

import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.FromJson;
import dev.sluice.types.DataType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * Explain text for logical plans and expressions: stable (no ids, no hash order, no absolute paths) and
 * golden-tested. from_json prints the schema it parses, so pruning of unused JSON fields is visible.
 */
public final class Explain {
    private Explain() {}

    public static String tree(LogicalPlan plan) {
        StringBuilder sb = new StringBuilder();
        appendTree(sb, plan, 0);
        return sb.toString();
    }

    /** One node's line, without its children. */
    public static String line(LogicalPlan plan) { return plan.accept(LINE); }

    private static void appendTree(StringBuilder sb, LogicalPlan plan, int depth) {
        sb.append("  ".repeat(depth)).append(plan.accept(LINE)).append('\n');
        for (LogicalPlan child : plan.children()) appendTree(sb, child, depth + 1);
    }

    private static final PlanVisitor<String> LINE = new PlanVisitor<>() {
        @Override public String visitScan(Scan scan) {
            return "Scan: " + scan.source().formatName() + " " + scan.source().description() + " "
                    + columns(scan.output(), scan.source().schema())
                    + (scan.pushedFilters().isEmpty() ? "" : " filters=" + expressions(scan.pushedFilters()));
        }

        @Override public String visitProject(Project project) { return "Project: " + expressions(project.projections()); }

        @Override public String visitFilter(Filter filter) { return "Filter: " + expression(filter.condition()); }

        @Override public String visitLimit(Limit limit) { return "Limit: " + limit.count(); }

        @Override public String visitOffset(Offset offset) { return "Offset: " + offset.count(); }

        @Override public String visitCoalescePartitions(CoalescePartitions c) { return "CoalescePartitions: " + c.partitions(); }

        @Override public String visitRoundRobinPartitions(RoundRobinPartitions r) { return "RoundRobinPartitions: " + r.partitions(); }

        @Override public String visitMapPartitions(MapPartitions m) { return "MapPartitions: " + m.schema().simpleString(); }

        @Override public String visitCachedRelation(CachedRelation c) {
            return "InMemoryRelation: " + columns(c.schema()) + ", " + c.data().storageLevelText()
                    + (c.data().tableName() == null ? "" : ", table=" + c.data().tableName());
        }

        @Override public String visitCollectMetrics(CollectMetrics c) { return "CollectMetrics: " + c.name() + ", " + expressions(c.metrics()); }

        @Override public String visitRepartitionByExpression(RepartitionByExpression r) {
            String name = switch (r.kind()) {
                case RANGE -> "RepartitionByRange: ";
                case DIRECT -> "RepartitionById: ";
                case HASH -> "RepartitionByExpression: ";
            };
            return name
                    + expressions(r.keys()) + ", " + (r.partitions() == 0 ? "default" : String.valueOf(r.partitions()));
        }

        @Override public String visitSort(Sort sort) {
            return (sort.global() ? "Sort: " : "SortWithinPartitions: ") + expressions(List.copyOf(sort.orders()));
        }

        @Override public String visitUnion(Union union) { return "Union"; }

        @Override public String visitExpand(Expand expand) {
            List<String> parts = new ArrayList<>();
            for (List<Expression> p : expand.projections()) parts.add(expressions(p));
            return "Expand: [" + String.join(", ", parts) + "] AS [" + String.join(", ", expand.outputNames()) + "]";
        }

        @Override public String visitGenerate(Generate generate) {
            return "Generate: " + expression(generate.generator()) + " AS [" + String.join(", ", generate.outputNames()) + "]";
        }

        @Override public String visitAggregate(Aggregate aggregate) {
            return "Aggregate: " + expressions(aggregate.groupingExpressions()) + ", " + expressions(aggregate.aggregateExpressions());
        }

        @Override public String visitJoin(Join join) {
            return "Join: " + join.joinType().displayName()
                    + (join.condition() == null ? "" : ", " + expression(join.condition()))
                    + (join.hint().isEmpty() ? "" : ", hint=" + join.hint().describe());
        }

        @Override public String visitSubqueryAlias(SubqueryAlias alias) { return "SubqueryAlias: " + alias.alias(); }

        @Override public String visitBroadcastHint(BroadcastHint hint) { return "BroadcastHint"; }

        @Override public String visitSetOperation(SetOperation op) { return op.displayName(); }

        @Override public String visitWindow(Window window) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < window.functions().size(); i++) parts.add(expression(window.functions().get(i)) + " AS " + window.outputNames().get(i));
            return "Window: [" + String.join(", ", parts) + "]";
        }
    };

    public static String expression(Expression e) {
        String text = e.sql();
        for (Expression node : Expressions.collect(e)) {
            if (node instanceof FromJson fj) {
                String plain = fj.sql();
                String shown = "from_json(" + fj.child().sql() + ", " + fj.schema().simpleString() + ")";
                text = text.replace(plain, shown);
            }
        }
        return InternalNames.forExplain(text);
    }

    public static String expressions(List<Expression> exprs) {
        List<String> parts = new ArrayList<>();
        for (Expression e : exprs) parts.add(expression(e));
        return "[" + String.join(", ", parts) + "]";
    }

    /** Column names; a struct column narrowed by pruning shows the fields it keeps. */
    public static String columns(StructType output, StructType full) {
        List<String> parts = new ArrayList<>();
        for (StructField f : output.fields()) {
            DataType original = full.find(f.name()).map(StructField::dataType).orElse(f.dataType());
            parts.add(original.equals(f.dataType()) ? f.name() : f.name() + ":" + f.dataType().simpleString());
        }
        return "[" + String.join(", ", parts) + "]";
    }

    public static String columns(StructType output) { return columns(output, output); }
}
