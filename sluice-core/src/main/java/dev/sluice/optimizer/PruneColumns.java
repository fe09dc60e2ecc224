package dev.sluice.optimizer;

import dev.sluice.expr.Alias;
import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.FromJson;
import dev.sluice.expr.GetStructField;
import dev.sluice.plan.BroadcastHint;
import dev.sluice.plan.Filter;
import dev.sluice.plan.Join;
import dev.sluice.plan.SetOperation;
import dev.sluice.plan.SubqueryAlias;
import dev.sluice.plan.Limit;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.plan.Project;
import dev.sluice.plan.Scan;
import dev.sluice.types.DataType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Column pruning, nested fields included: walks the plan from the root down, keeping only the columns and
 * struct fields someone uses. Scans read only those (the JSON reader skips the rest while parsing), and
 * a from_json whose result is only used through some fields parses only those fields.
 * <pre>
 * Project([c.user.id AS id])                        Project([c.user.id AS id])
 *   Project([ts, rb, from_json(rb, S) AS c])  =>      Project([from_json(rb, struct&lt;user:struct&lt;id&gt;&gt;) AS c])
 *     Scan [ts, rb, status]                             Scan [rb]
 * </pre>
 * After narrowing a child, the node's references are refreshed by name (types and field ordinals), so the
 * output of the root never changes.
 */
public final class PruneColumns implements Rule {
    @Override public String name() { return "prune_columns"; }

    @Override public boolean wholePlan() { return true; }

    @Override public Optional<LogicalPlan> apply(LogicalPlan plan, RuleContext ctx) {
        Map<String, Need> rootNeeds = new HashMap<>();
        for (StructField f : plan.schema().fields()) rootNeeds.put(f.name(), Need.all());
        LogicalPlan pruned = prune(plan, rootNeeds);
        return pruned.equals(plan) ? Optional.empty() : Optional.of(pruned);
    }

    /** Prunes {@code plan} given what its parent needs of each output column (absent = not needed). */
    LogicalPlan prune(LogicalPlan plan, Map<String, Need> needs) {
        if (plan instanceof Project p) {
            Map<String, Need> inputNeeds = new HashMap<>();
            List<Expression> kept = new ArrayList<>();
            for (Expression e : p.projections()) {
                Need need = needs.get(Expressions.outputName(e));
                if (need == null) continue;
                kept.add(narrowAndCollect(e, need, inputNeeds));
            }
            LogicalPlan input = prune(p.input(), inputNeeds);
            return new Project(input, Rebind.all(kept, input.schema()));
        }
        if (plan instanceof Filter f) {
            Map<String, Need> inputNeeds = copy(needs);
            Expression condition = narrowAndCollect(f.condition(), Need.all(), inputNeeds);
            LogicalPlan input = prune(f.input(), inputNeeds);
            return new Filter(input, Rebind.one(condition, input.schema()));
        }
        if (plan instanceof Limit l) return new Limit(prune(l.input(), needs), l.count());
        if (plan instanceof Join j) return PruneJoinColumns.prune(j, needs, this::prune, this::narrowAndCollect);
        if (plan instanceof SetOperation s) return PruneJoinColumns.prune(s, this::prune);
        if (plan instanceof SubqueryAlias a) return new SubqueryAlias(prune(a.input(), needs), a.alias());
        if (plan instanceof BroadcastHint h) return new BroadcastHint(prune(h.input(), needs));
        if (plan instanceof Scan s) {
            Map<String, Need> scanNeeds = copy(needs);
            for (Expression e : s.pushedFilters()) narrowAndCollect(e, Need.all(), scanNeeds);
            List<StructField> fields = new ArrayList<>();
            for (StructField f : s.output().fields()) {
                Need need = scanNeeds.get(f.name());
                if (need != null) fields.add(f.withType(need.narrow(f.dataType())));
            }
            StructType output = new StructType(fields);
            return s.withOutput(output).withPushedFilters(Rebind.all(s.pushedFilters(), output));
        }
        throw dev.sluice.error.SluiceException.internal("prune_columns does not handle " + plan.getClass().getSimpleName());
    }

    /**
     * Records in {@code inputNeeds} what {@code e} uses of its input when {@code resultNeed} of its result
     * is used, and narrows from_json schemas to what is used of them.
     */
    Expression narrowAndCollect(Expression e, Need resultNeed, Map<String, Need> inputNeeds) {
        if (e instanceof Alias a) return new Alias(narrowAndCollect(a.child(), resultNeed, inputNeeds), a.name());
        if (e instanceof ColumnRef r) {
            inputNeeds.computeIfAbsent(r.name(), k -> Need.fields()).merge(resultNeed);
            return e;
        }
        if (e instanceof GetStructField g) {
            Expression child = narrowAndCollect(g.child(), Need.field(g.fieldName(), resultNeed), inputNeeds);
            return new GetStructField(child, g.fieldName(), g.ordinal());
        }
        if (e instanceof FromJson fj) {
            Expression child = narrowAndCollect(fj.child(), Need.all(), inputNeeds);
            DataType narrowed = resultNeed.narrow(fj.schema());
            return new FromJson(child, narrowed, fj.options());
        }
        List<Expression> children = new ArrayList<>();
        for (Expression c : e.children()) children.add(narrowAndCollect(c, Need.all(), inputNeeds));
        return children.isEmpty() ? e : e.withChildren(children);
    }

    private static Map<String, Need> copy(Map<String, Need> needs) {
        Map<String, Need> out = new HashMap<>();
        for (Map.Entry<String, Need> e : needs.entrySet()) {
            Need n = Need.fields();
            n.merge(e.getValue());
            out.put(e.getKey(), n);
        }
        return out;
    }
}
