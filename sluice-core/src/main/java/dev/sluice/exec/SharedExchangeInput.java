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
 * shared scan reads the union of the columns); one side may also drop the rows where a column is null (the filter an
 * outer or anti join infers for its other side), applied to that side after the exchange ({@link #merge}). Nothing
 * non-deterministic is ever shared: both sides must compute the same rows. The shuffled join then exchanges the core once, by the keys both sides have after their renames
 * ({@link #exchanges}), and each side projects its columns from it.
 */
final class SharedExchangeInput {
    private final Merged merged;
    private final List<Expression> leftProjections;    // over the core's columns, by name
    private final List<Expression> rightProjections;
    private final PhysicalPlanner planner;

    private SharedExchangeInput(Merged merged, List<Expression> left, List<Expression> right, PhysicalPlanner planner) {
        this.merged = merged;
        this.leftProjections = left;
        this.rightProjections = right;
        this.planner = planner;
    }

    /** The common input of {@code left} and {@code right} (optimized plans), or null when they read different rows. */
    static SharedExchangeInput find(LogicalPlan left, LogicalPlan right, PhysicalPlanner planner) {
        LogicalPlan leftCore = coreOf(left);
        LogicalPlan rightCore = coreOf(right);
        Merged merged = merge(leftCore, rightCore);
        if (merged == null) return null;
        return new SharedExchangeInput(merged, projectionsOf(left, leftCore), projectionsOf(right, rightCore), planner);
    }

    /**
     * One exchange of the core hash-partitioned by the keys into {@code partitions}, and the two sides reading it
     * ({@code [left, right]}, schemas {@code ls} and {@code rs}); null when the sides' keys (bound to their schemas)
     * are not the same expressions of the core's columns.
     */
    ExecNode[] exchanges(List<Expression> leftKeys, List<Expression> rightKeys, StructType ls, StructType rs,
                         int partitions, PlannerContext ctx) {
        if (leftKeys.isEmpty() || !allDeterministic(leftKeys) || !allDeterministic(rightKeys)) return null;
        ExecNode input = planner.plan(merged.core());
        List<Expression> lp = Binder.bindAll(leftProjections, input.schema());
        List<Expression> rp = Binder.bindAll(rightProjections, input.schema());
        List<Expression> keys = throughProjection(leftKeys, lp);
        if (!keys.equals(throughProjection(rightKeys, rp))) return null;
        ExchangeExec exchange = new ExchangeExec(input, new Partitioning.Hash(keys, partitions), ctx.memoryPool(), ctx.batchSize());
        ExecNode shared = Metered.wrap(exchange);
        ExecNode reused = Metered.wrap(new ReusedExchangeExec(exchange));
        return new ExecNode[] {side(filtered(shared, merged.leftFilters()), lp, ls), side(filtered(reused, merged.rightFilters()), rp, rs)};
    }

    /** The exchange's rows that pass the side's own conjuncts. */
    private static ExecNode filtered(ExecNode exchange, List<Expression> conjuncts) {
        if (conjuncts.isEmpty()) return exchange;
        return Metered.wrap(new FilterExec(exchange, Binder.bind(Expressions.and(conjuncts), exchange.schema())));
    }

    /** A side reading the exchange: its projection, or its input itself when that keeps every column as it is. */
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

    /**
     * The plan both cores are part of, with the filters only one side applies (each side's, applied after the
     * exchange), or null. A core's top filter may differ from the other's by extra conjuncts that drop rows whose
     * column is null (the {@code k IS NOT NULL} the optimizer infers for one side of an outer or anti join), and
     * its scan's pushed filters by those same conjuncts (the filter above applies them anyway); below that, the
     * cores must be equal, or filters with equal conditions over scans of one source.
     */
    private static Merged merge(LogicalPlan a, LogicalPlan b) {
        List<Expression> ca = a instanceof Filter f ? Expressions.conjuncts(f.condition()) : List.of();
        List<Expression> cb = b instanceof Filter f ? Expressions.conjuncts(f.condition()) : List.of();
        if (!allDeterministic(ca) || !allDeterministic(cb)) return null;
        List<Expression> common = new ArrayList<>(ca);
        common.retainAll(cb);
        List<Expression> extraA = new ArrayList<>(ca);
        extraA.removeAll(common);
        List<Expression> extraB = new ArrayList<>(cb);
        extraB.removeAll(common);
        if (!extraA.stream().allMatch(SharedExchangeInput::dropsNulls) || !extraB.stream().allMatch(SharedExchangeInput::dropsNulls)) {
            return null;
        }
        LogicalPlan input = mergeBelow(a instanceof Filter f ? f.input() : a, b instanceof Filter f ? f.input() : b, extraA, extraB);
        if (input == null) return null;
        return new Merged(common.isEmpty() ? input : new Filter(input, Expressions.and(common)), extraA, extraB);
    }

    /** The plans under the cores' top filters, merged: equal plans, or scans of one source (pushed filters as above). */
    private static LogicalPlan mergeBelow(LogicalPlan a, LogicalPlan b, List<Expression> extraA, List<Expression> extraB) {
        if (a instanceof Scan x && b instanceof Scan y) {
            if (x.source() != y.source() || !deterministic(x) || !deterministic(y)) return null;
            List<Expression> pushed = new ArrayList<>(x.pushedFilters());
            pushed.retainAll(y.pushedFilters());
            if (!extraA.containsAll(without(x.pushedFilters(), pushed)) || !extraB.containsAll(without(y.pushedFilters(), pushed))) return null;
            StructType columns = union(x, y);
            return columns == null ? null : new Scan(x.source(), columns, pushed);
        }
        if (a instanceof Filter x && b instanceof Filter y) {
            if (!x.condition().equals(y.condition()) || !Expressions.isDeterministic(x.condition())) return null;
            LogicalPlan input = mergeBelow(x.input(), y.input(), List.of(), List.of());
            return input == null ? null : new Filter(input, x.condition());
        }
        return a.equals(b) && deterministic(a) ? a : null;
    }

    private static List<Expression> without(List<Expression> all, List<Expression> some) {
        List<Expression> out = new ArrayList<>(all);
        out.removeAll(some);
        return out;
    }

    /** {@code c IS NOT NULL} of a column: cheap, never fails, and drops few rows, so applying it after the exchange costs little. */
    private static boolean dropsNulls(Expression e) {
        return e instanceof dev.sluice.expr.IsNotNull n && n.child() instanceof ColumnRef;
    }

    /** The merged core and the conjuncts only the left or the right side applies. */
    private record Merged(LogicalPlan core, List<Expression> leftFilters, List<Expression> rightFilters) {}

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
