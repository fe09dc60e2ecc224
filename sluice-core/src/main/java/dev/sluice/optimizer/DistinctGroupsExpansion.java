package dev.sluice.optimizer;

import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.Alias;
import dev.sluice.expr.CaseWhen;
import dev.sluice.expr.Coalesce;
import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Comparison;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.GroupAccumulator;
import dev.sluice.expr.Literal;
import dev.sluice.expr.agg.FirstLast;
import dev.sluice.plan.Aggregate;
import dev.sluice.plan.Expand;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.types.DataTypes;
import dev.sluice.types.StructType;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Spark's RewriteDistinctAggregates with an Expand: every input row is copied once for the other aggregates
 * (group id 0, when there are any) and once per distinct group (ids 1..n), each copy carrying the keys, its own
 * columns and NULL in the others'. The first aggregation groups by keys, distinct inputs and group id, so each
 * distinct group's values come out once and the other aggregates are computed whole in the group-0 rows; the
 * second groups by the keys, each distinct aggregate reading its group's rows only ({@code CASE WHEN _gid = i}),
 * each other aggregate picking its group-0 result with {@code first(..., true)}.
 * <pre>
 * Aggregate: [k], [k, count(DISTINCT x) AS nx, count(DISTINCT y) AS ny, sum(v) AS s]
 *   Scan
 * =>
 * Aggregate: [_gk0], [_gk0 AS k, count(CASE WHEN (_gid = 1) THEN _d0 END) AS nx, count(CASE WHEN (_gid = 2) THEN _d1 END) AS ny,
 *                     first(CASE WHEN (_gid = 0) THEN _r0 END, true) AS s]
 *   Aggregate: [_gk0, _d0, _d1, _gid], [_gk0, _d0, _d1, _gid, sum(v) AS _r0]
 *     Expand: [[k, NULL, NULL, 0, v], [k, x, NULL, 1, NULL], [k, NULL, y, 2, NULL]] AS [_gk0, _d0, _d1, _gid, v]
 *       Scan
 * </pre>
 * The other aggregates read their input columns under their own names (the group-0 copy passes them, the others
 * NULL), so they run unchanged in the first aggregation. An aggregate that has a value over no rows (count 0,
 * collect_list []) keeps it for a global aggregation of an empty input: {@code coalesce(first(...), value)}, as
 * Spark's {@code defaultResult}.
 */
final class DistinctGroupsExpansion {
    private static final String GROUP_ID = "_gid";

    private DistinctGroupsExpansion() {}

    /** The two aggregations over an Expand; empty when an aggregate's result cannot be picked with its type kept. */
    static Optional<LogicalPlan> rewrite(Aggregate agg, List<AggregateExpression> aggregates, Map<Set<Expression>, List<AggregateExpression>> groups) {
        List<AggregateExpression> regular = new ArrayList<>();
        for (AggregateExpression ae : aggregates) if (!ae.distinct()) regular.add(ae);
        // the columns the other aggregates read, passed under their own names: generated names must avoid them
        Set<String> regularColumns = new LinkedHashSet<>();
        for (AggregateExpression ae : regular) collectColumns(ae, regularColumns);
        Set<String> taken = new HashSet<>(regularColumns);

        List<String> names = new ArrayList<>();
        List<Expression> keys = agg.groupingExpressions();
        List<Expression> keyRefs = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            String name = fresh("_gk" + k, taken);
            names.add(name);
            keyRefs.add(new ColumnRef(name, keys.get(k).dataType(), keys.get(k).nullable()));
        }
        List<Expression> distinctInputs = new ArrayList<>();
        for (Set<Expression> g : groups.keySet()) for (Expression in : g) if (!distinctInputs.contains(in)) distinctInputs.add(in);
        List<ColumnRef> distinctRefs = new ArrayList<>();
        for (int d = 0; d < distinctInputs.size(); d++) {
            String name = fresh("_d" + d, taken);
            names.add(name);
            distinctRefs.add(new ColumnRef(name, distinctInputs.get(d).dataType(), true));
        }
        String gidName = fresh(GROUP_ID, taken);
        names.add(gidName);
        ColumnRef gid = new ColumnRef(gidName, DataTypes.INT, false);
        StructType input = agg.input().schema();
        List<ColumnRef> regularRefs = new ArrayList<>();
        for (String c : regularColumns) {
            var f = input.field(input.indexOf(c));
            regularRefs.add(new ColumnRef(c, f.dataType(), f.nullable()));
            names.add(c);
        }

        List<List<Expression>> projections = new ArrayList<>();
        if (!regular.isEmpty()) projections.add(projection(keys, distinctInputs, Set.of(), 0, regularRefs, true));
        int id = 1;
        for (Set<Expression> g : groups.keySet()) projections.add(projection(keys, distinctInputs, g, id++, regularRefs, false));
        Expand expand = new Expand(agg.input(), projections, names);
        StructType expanded = expand.schema();

        // first aggregation: one row per (keys, distinct values, group id); the other aggregates whole in group 0
        List<Expression> firstGrouping = new ArrayList<>(keyRefs);
        firstGrouping.addAll(distinctRefs);
        firstGrouping.add(gid);
        List<Expression> firstOutputs = new ArrayList<>(firstGrouping);
        List<Expression> replacements = new ArrayList<>();
        int r = 0;
        for (AggregateExpression ae : aggregates) {
            if (ae.distinct()) {
                Set<Expression> group = groupOf(groups, ae);
                int groupId = 1 + new ArrayList<>(groups.keySet()).indexOf(group);
                List<Expression> inputs = new ArrayList<>();
                for (Expression in : ae.function().inputs()) {
                    // a literal input outside the group stays (another group may project the same literal)
                    inputs.add(group.contains(in) ? withinGroup(gid, groupId, distinctRefs.get(distinctInputs.indexOf(in))) : in);
                }
                replacements.add(new AggregateExpression(ae.function().withInputs(inputs), false));
                continue;
            }
            String name = fresh("_r" + r++, taken);
            firstOutputs.add(new Alias(Rebind.one(ae, expanded), name));
            Expression pick = withinGroup(gid, 0, new ColumnRef(name, ae.dataType(), true));
            Expression picked = new AggregateExpression(new FirstLast(pick, false, true, "first", true), false);
            Literal empty = resultOverNoRows(ae);
            if (empty != null && empty.value() != null) replacements.add(new Coalesce(List.of(picked, empty)));
            else if (!ae.nullable()) return Optional.empty();   // never NULL, and no value over no rows to say so
            else replacements.add(picked);
        }
        Aggregate first = new Aggregate(expand, firstGrouping, firstOutputs);
        return Optional.of(new Aggregate(first, keyRefs, RewriteDistinctAggregates.outputs(agg, keyRefs, aggregates, replacements)));
    }

    /** One copy of the row: keys, the distinct inputs of {@code group} (NULL for the others), its id, the other aggregates' columns or NULLs. */
    private static List<Expression> projection(List<Expression> keys, List<Expression> distinctInputs, Set<Expression> group, int id,
                                               List<ColumnRef> regularRefs, boolean regular) {
        List<Expression> p = new ArrayList<>();
        for (Expression k : keys) p.add(Expressions.unalias(k));
        for (Expression in : distinctInputs) p.add(group.contains(in) ? in : new Literal(null, in.dataType()));
        p.add(Literal.of(id));
        for (ColumnRef c : regularRefs) p.add(regular ? c : new Literal(null, c.dataType()));
        return p;
    }

    /** {@code CASE WHEN gid = id THEN e END}: the value in group {@code id}'s rows, NULL in the others. */
    private static Expression withinGroup(ColumnRef gid, int id, Expression e) {
        return new CaseWhen(List.of(new Comparison(Comparison.Op.EQ, gid, Literal.of(id))), List.of(e), null);
    }

    private static Set<Expression> groupOf(Map<Set<Expression>, List<AggregateExpression>> groups, AggregateExpression ae) {
        for (Map.Entry<Set<Expression>, List<AggregateExpression>> e : groups.entrySet()) if (e.getValue().contains(ae)) return e.getKey();
        throw dev.sluice.error.SluiceException.internal("distinct aggregate " + ae.sql() + " has no group");
    }

    private static void collectColumns(AggregateExpression ae, Set<String> out) {
        List<Expression> roots = new ArrayList<>(ae.function().inputs());
        roots.addAll(ae.function().evaluatedInputs());
        for (Expression root : roots) for (Expression node : Expressions.collect(root)) if (node instanceof ColumnRef c) out.add(c.name());
    }

    private static String fresh(String base, Set<String> taken) {
        String name = base;
        for (int n = 1; taken.contains(name); n++) name = base + "_" + n;
        taken.add(name);
        return name;
    }

    /** What {@code ae} gives over no rows (count 0, collect_list []), as a literal; null when it cannot say. */
    private static Literal resultOverNoRows(AggregateExpression ae) {
        try {
            GroupAccumulator accumulator = ae.function().newAccumulator();
            accumulator.ensureGroups(1);
            FlatVector out = Vectors.allocate(ae.dataType(), 1);
            accumulator.writeResult(0, out);
            return new Literal(out.getObject(0), ae.dataType());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
