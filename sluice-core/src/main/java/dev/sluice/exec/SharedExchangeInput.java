package dev.sluice.exec;

import dev.sluice.expr.Alias;
import dev.sluice.expr.BoundColumn;
import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.plan.Filter;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.plan.MapPartitions;
import dev.sluice.plan.Plans;
import dev.sluice.plan.Project;
import dev.sluice.plan.Scan;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The common input of a join's two sides, when they read the same rows: Spark's ReuseExchange (identical sides), and
 * a self-join whose sides prune the same scan differently ({@code logs(request_id, status)} with
 * {@code logs(request_id AS rid, latency_ms)}). Each side is a <em>core</em> under an optional projection that only
 * renames or drops columns; the cores match when they are equal plans, or the same chain of filters over scans of one
 * source (the same object: same files, schema and options) with equal pushed filters, whose outputs may differ (the
 * shared scan reads the union of the columns). Nothing non-deterministic is ever shared: both sides must compute
 * the same rows. The shuffled join then exchanges the core once, by the keys both sides have after their renames
 * ({@link #exchanges}), and each side projects its columns from it.
 */
final class SharedExchangeInput {
    private final LogicalPlan core;
    private final List<Expression> leftProjections;    // over the core's columns, by name
    private final List<Expression> rightProjections;
    private final PhysicalPlanner planner;

    private SharedExchangeInput(LogicalPlan core, List<Expression> left, List<Expression> right, PhysicalPlanner planner) {
        this.core = core;
        this.leftProjections = left;
        this.rightProjections = right;
        this.planner = planner;
    }

    /** The common input of {@code left} and {@code right} (optimized plans), or null when they read different rows. */
    static SharedExchangeInput find(LogicalPlan left, LogicalPlan right, PhysicalPlanner planner) {
        LogicalPlan leftCore = coreOf(left);
        LogicalPlan rightCore = coreOf(right);
        LogicalPlan core = merge(leftCore, rightCore);
        if (core == null) return null;
        return new SharedExchangeInput(core, projectionsOf(left, leftCore), projectionsOf(right, rightCore), planner);
    }

    /**
     * One exchange of the core hash-partitioned by the keys into {@code partitions}, and the two sides reading it
     * ({@code [left, right]}, schemas {@code ls} and {@code rs}); null when the sides' keys (bound to their schemas)
     * are not the same expressions of the core's columns.
     */
    ExecNode[] exchanges(List<Expression> leftKeys, List<Expression> rightKeys, StructType ls, StructType rs,
                         int partitions, PlannerContext ctx) {
        if (leftKeys.isEmpty() || !allDeterministic(leftKeys) || !allDeterministic(rightKeys)) return null;
        ExecNode input = planner.plan(core);
        List<Expression> lp = Binder.bindAll(leftProjections, input.schema());
        List<Expression> rp = Binder.bindAll(rightProjections, input.schema());
        List<Expression> keys = throughProjection(leftKeys, lp);
        if (!keys.equals(throughProjection(rightKeys, rp))) return null;
        ExchangeExec exchange = new ExchangeExec(input, new Partitioning.Hash(keys, partitions), ctx.memoryPool(), ctx.batchSize());
        ExecNode shared = Metered.wrap(exchange);
        ExecNode reused = Metered.wrap(new ReusedExchangeExec(exchange));
        return new ExecNode[] {side(shared, lp, ls), side(reused, rp, rs)};
    }

    /** A side reading the exchange: its projection, or the exchange itself when it keeps every column as it is. */
    private static ExecNode side(ExecNode exchange, List<Expression> projections, StructType schema) {
        boolean all = projections.size() == exchange.schema().size() && exchange.schema().equals(schema);
        for (int i = 0; all && i < projections.size(); i++) all = projections.get(i) instanceof BoundColumn c && c.index() == i;
        return all ? exchange : Metered.wrap(new ProjectExec(exchange, projections, schema));
    }

    /** A side without its top projection when that only renames or drops columns. */
    private static LogicalPlan coreOf(LogicalPlan side) {
        if (side instanceof Project p && p.projections().stream().allMatch(SharedExchangeInput::isRename)) return p.input();
        return side;
    }

    private static boolean isRename(Expression e) {
        return e instanceof ColumnRef || e instanceof Alias a && a.child() instanceof ColumnRef;
    }

    /** What a side computes from its core: its top projection, or every column of the core. */
    private static List<Expression> projectionsOf(LogicalPlan side, LogicalPlan core) {
        if (side != core) return ((Project) side).projections();
        List<Expression> columns = new ArrayList<>();
        for (StructField f : core.schema().fields()) columns.add(new ColumnRef(f.name(), f.dataType(), f.nullable()));
        return columns;
    }

    /** The plan both cores are part of, or null: equal plans, or filters over scans of one source differing in columns. */
    private static LogicalPlan merge(LogicalPlan a, LogicalPlan b) {
        if (a instanceof Scan x && b instanceof Scan y) {
            if (x.source() != y.source() || !x.pushedFilters().equals(y.pushedFilters()) || !deterministic(x)) return null;
            StructType columns = union(x, y);
            return columns == null ? null : x.withOutput(columns);
        }
        if (a instanceof Filter x && b instanceof Filter y) {
            if (!x.condition().equals(y.condition()) || !Expressions.isDeterministic(x.condition())) return null;
            LogicalPlan input = merge(x.input(), y.input());
            return input == null ? null : new Filter(input, x.condition());
        }
        return a.equals(b) && deterministic(a) ? a : null;
    }

    /** The columns either scan reads, in the source's order; null when one column is pruned differently (nested fields). */
    private static StructType union(Scan x, Scan y) {
        List<StructField> fields = new ArrayList<>(x.output().fields());
        for (StructField f : y.output().fields()) {
            StructField mine = fields.stream().filter(g -> g.name().equals(f.name())).findFirst().orElse(null);
            if (mine == null) fields.add(f);
            else if (!mine.equals(f)) return null;
        }
        StructType source = x.source().schema();
        fields.sort(Comparator.comparingInt(f -> {
            int i = source.indexOf(f.name());
            return i < 0 ? Integer.MAX_VALUE : i;
        }));
        return new StructType(fields);
    }

    /** True when every expression of the plan is deterministic, it runs no opaque function and observes nothing. */
    private static boolean deterministic(LogicalPlan plan) {
        // an opaque function, or an observer whose run would be planned (started) once more for the shared input
        if (plan instanceof MapPartitions || plan instanceof dev.sluice.plan.CollectMetrics) return false;
        if (!allDeterministic(Plans.expressions(plan))) return false;
        for (LogicalPlan child : plan.children()) if (!deterministic(child)) return false;
        return true;
    }

    private static boolean allDeterministic(List<? extends Expression> expressions) {
        for (Expression e : expressions) if (!Expressions.isDeterministic(e)) return false;
        return true;
    }

    /** {@code keys} (bound to a side) as expressions of the core's columns, through the side's projections. */
    private static List<Expression> throughProjection(List<Expression> keys, List<Expression> projections) {
        List<Expression> out = new ArrayList<>();
        for (Expression k : keys) {
            out.add(Expressions.transformUp(k, x -> {
                if (!(x instanceof BoundColumn c)) return x;
                Expression p = projections.get(c.index());
                return p instanceof Alias a ? a.child() : p;
            }));
        }
        return out;
    }
}
