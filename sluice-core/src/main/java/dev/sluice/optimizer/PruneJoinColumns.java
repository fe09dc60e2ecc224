package dev.sluice.optimizer;

import dev.sluice.expr.Expression;
import dev.sluice.plan.Join;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.plan.SetOperation;
import dev.sluice.types.StructField;

import java.util.HashMap;
import java.util.Map;

/**
 * Column pruning through joins and set operations (called by {@link PruneColumns}). A join passes each
 * side what its parent needs of that side's columns plus what its condition reads; a set operation
 * compares whole rows, so each side keeps every column (pruning still goes on below them).
 * <pre>
 * Project([v, w])                          Project([v, w])
 *   Join(Inner, (id = id#1))        =>       Join(Inner, (id = id#1))
 *     Scan [id, v, x]                          Scan [id, v]
 *     Scan [id#1, w, y]                        Scan [id#1, w]
 * </pre>
 */
final class PruneJoinColumns {
    private PruneJoinColumns() {}

    interface Pruner {
        LogicalPlan prune(LogicalPlan plan, Map<String, Need> needs);
    }

    interface Collector {
        Expression narrowAndCollect(Expression e, Need resultNeed, Map<String, Need> inputNeeds);
    }

    static LogicalPlan prune(Join j, Map<String, Need> needs, Pruner pruner, Collector collector) {
        Map<String, Need> all = new HashMap<>();
        for (Map.Entry<String, Need> e : needs.entrySet()) {
            Need n = Need.fields();
            n.merge(e.getValue());
            all.put(e.getKey(), n);
        }
        Expression condition = j.condition() == null ? null : collector.narrowAndCollect(j.condition(), Need.all(), all);
        Map<String, Need> leftNeeds = new HashMap<>();
        Map<String, Need> rightNeeds = new HashMap<>();
        for (StructField f : j.left().schema().fields()) if (all.containsKey(f.name())) leftNeeds.put(f.name(), all.get(f.name()));
        // names are distinct across the sides, so each need belongs to exactly one side
        for (StructField f : j.right().schema().fields()) if (all.containsKey(f.name())) rightNeeds.put(f.name(), all.get(f.name()));
        LogicalPlan left = pruner.prune(j.left(), leftNeeds);
        LogicalPlan right = pruner.prune(j.right(), rightNeeds);
        Join pruned = j.withSides(left, right);
        return condition == null ? pruned : pruned.withCondition(Rebind.one(condition, pruned.inputSchema()));
    }

    static LogicalPlan prune(SetOperation s, Pruner pruner) {
        return s.withChildren(java.util.List.of(pruner.prune(s.left(), everything(s.left())), pruner.prune(s.right(), everything(s.right()))));
    }

    private static Map<String, Need> everything(LogicalPlan plan) {
        Map<String, Need> out = new HashMap<>();
        for (StructField f : plan.schema().fields()) out.put(f.name(), Need.all());
        return out;
    }
}
