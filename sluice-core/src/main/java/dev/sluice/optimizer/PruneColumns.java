package dev.sluice.optimizer;

import dev.sluice.expr.Alias;
import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.FromJson;
import dev.sluice.expr.IsNotNull;
import dev.sluice.expr.IsNull;
import dev.sluice.expr.Size;
import dev.sluice.expr.GetStructField;
import dev.sluice.plan.Aggregate;
import dev.sluice.expr.SortOrder;
import dev.sluice.plan.BroadcastHint;
import dev.sluice.plan.Filter;
import dev.sluice.plan.Join;
import dev.sluice.plan.SetOperation;
import dev.sluice.plan.SubqueryAlias;
import dev.sluice.plan.Limit;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.plan.Project;
import dev.sluice.plan.Scan;
import dev.sluice.plan.Sort;
import dev.sluice.plan.Union;
import dev.sluice.plan.Generate;
import dev.sluice.expr.Generator;
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
        return pruned == plan || pruned.equals(plan) ? Optional.empty() : Optional.of(pruned);
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
        if (plan instanceof Limit l) {
            LogicalPlan input = prune(l.input(), needs);
            return input == l.input() ? l : new Limit(input, l.count());
        }
        if (plan instanceof dev.sluice.plan.Offset o) return new dev.sluice.plan.Offset(prune(o.input(), needs), o.count());
        if (plan instanceof dev.sluice.plan.CoalescePartitions c) return new dev.sluice.plan.CoalescePartitions(prune(c.input(), needs), c.partitions());
        if (plan instanceof dev.sluice.plan.MapPartitions m) {
            Map<String, Need> all = new HashMap<>();   // the function reads whole rows
            for (StructField f : m.input().schema().fields()) all.put(f.name(), Need.all());
            return new dev.sluice.plan.MapPartitions(prune(m.input(), all), m.function(), m.schema());
        }
        if (plan instanceof dev.sluice.plan.RoundRobinPartitions r) return new dev.sluice.plan.RoundRobinPartitions(prune(r.input(), needs), r.partitions());
        if (plan instanceof Sort s) {
            Map<String, Need> inputNeeds = copy(needs);
            List<Expression> orders = new ArrayList<>();
            for (SortOrder o : s.orders()) orders.add(narrowAndCollect(o, Need.all(), inputNeeds));
            LogicalPlan input = prune(s.input(), inputNeeds);
            List<SortOrder> rebound = new ArrayList<>();
            for (Expression o : Rebind.all(orders, input.schema())) rebound.add((SortOrder) o);
            return new Sort(input, rebound, s.global());
        }
        if (plan instanceof Union u) return pruneUnion(u, needs);
        if (plan instanceof Generate g) return pruneGenerate(g, needs);
        if (plan instanceof Aggregate a) return pruneAggregate(a, needs);
        if (plan instanceof Join j) return PruneJoinColumns.prune(j, needs, this::prune, this::narrowAndCollect);
        if (plan instanceof SetOperation s) return PruneJoinColumns.prune(s, this::prune);
        if (plan instanceof SubqueryAlias a) return new SubqueryAlias(prune(a.input(), needs), a.alias());
        if (plan instanceof BroadcastHint h) return new BroadcastHint(prune(h.input(), needs));
        if (plan instanceof dev.sluice.plan.CachedRelation c) return c;
        if (plan instanceof dev.sluice.plan.CollectMetrics c) {
            Map<String, Need> inputNeeds = copy(needs);
            List<Expression> metrics = new ArrayList<>();
            for (Expression m : c.metrics()) metrics.add(narrowAndCollect(m, Need.all(), inputNeeds));
            LogicalPlan input = prune(c.input(), inputNeeds);
            return new dev.sluice.plan.CollectMetrics(input, c.name(), Rebind.all(metrics, input.schema()), c.observer());
        }   // the stored rows have the cached plan's columns
        if (plan instanceof dev.sluice.plan.RepartitionByExpression r) {
            Map<String, Need> inputNeeds = copy(needs);
            List<Expression> keys = new ArrayList<>();
            for (Expression k : r.keys()) keys.add(narrowAndCollect(k, Need.all(), inputNeeds));
            LogicalPlan input = prune(r.input(), inputNeeds);
            return new dev.sluice.plan.RepartitionByExpression(input, Rebind.all(keys, input.schema()), r.partitions(), r.kind());
        }
        if (plan instanceof dev.sluice.plan.Window w) return pruneWindow(w, needs);
        if (plan instanceof dev.sluice.plan.Expand e) return pruneExpand(e, needs);
        if (plan instanceof Scan s) {
            Map<String, Need> scanNeeds = copy(needs);
            for (Expression e : s.pushedFilters()) narrowAndCollect(e, Need.all(), scanNeeds);
            List<StructField> fields = new ArrayList<>();
            boolean unchanged = s.pushedFilters().isEmpty();
            for (StructField f : s.output().fields()) {
                Need need = scanNeeds.get(f.name());
                DataType narrowed = need == null ? null : need.narrowKeepingShapes(f.dataType());
                if (narrowed != null) fields.add(narrowed == f.dataType() ? f : f.withType(narrowed));
                unchanged &= narrowed == f.dataType();
            }
            // every column read whole: the same scan, so that a plan with nothing to prune stays the same object
            // (apply then needs no structural equals; see Optimizer.optimize)
            if (unchanged) return s;
            StructType output = new StructType(fields);
            return s.withOutput(output).withPushedFilters(Rebind.all(s.pushedFilters(), output));
        }
        throw dev.sluice.error.SluiceException.internal("prune_columns does not handle " + plan.getClass().getSimpleName());
    }

    /** An aggregate needs its grouping expressions and the inputs of the outputs its parent uses. */
    private LogicalPlan pruneAggregate(Aggregate a, Map<String, Need> needs) {
        Map<String, Need> inputNeeds = new HashMap<>();
        List<Expression> grouping = new ArrayList<>();
        for (Expression g : a.groupingExpressions()) grouping.add(narrowAndCollect(g, Need.all(), inputNeeds));
        List<Expression> outputs = new ArrayList<>();
        for (Expression e : a.aggregateExpressions()) {
            if (needs.containsKey(Expressions.outputName(e))) outputs.add(narrowAndCollect(e, Need.all(), inputNeeds));
        }
        LogicalPlan input = prune(a.input(), inputNeeds);
        return new Aggregate(input, Rebind.all(grouping, input.schema()), Rebind.all(outputs, input.schema()));
    }

    /**
     * An Expand keeps the columns its parent uses (at least one, so rows keep coming) in every projection, and needs
     * of its input what those projections read (of a column passed through, only the fields the parent uses).
     */
    private LogicalPlan pruneExpand(dev.sluice.plan.Expand e, Map<String, Need> needs) {
        List<Integer> kept = new ArrayList<>();
        for (int c = 0; c < e.outputNames().size(); c++) if (needs.containsKey(e.outputNames().get(c))) kept.add(c);
        if (kept.isEmpty()) kept.add(0);
        Map<String, Need> inputNeeds = new HashMap<>();
        List<List<Expression>> projections = new ArrayList<>();
        for (List<Expression> p : e.projections()) {
            List<Expression> narrowed = new ArrayList<>();
            for (int c : kept) narrowed.add(narrowAndCollect(p.get(c), needs.getOrDefault(e.outputNames().get(c), Need.all()), inputNeeds));
            projections.add(narrowed);
        }
        LogicalPlan input = prune(e.input(), inputNeeds);
        List<List<Expression>> rebound = new ArrayList<>();
        for (List<Expression> p : projections) rebound.add(Rebind.all(p, input.schema()));
        sameTypes(rebound);
        List<String> names = new ArrayList<>();
        for (int c : kept) names.add(e.outputNames().get(c));
        return new dev.sluice.plan.Expand(input, rebound, names);
    }

    /**
     * Gives a column's NULL literals the type its computed values narrowed to (a struct read through some fields), so
     * every projection of an Expand still agrees on each column's type.
     */
    private static void sameTypes(List<List<Expression>> projections) {
        for (int c = 0; c < projections.get(0).size(); c++) {
            DataType type = null;
            for (List<Expression> p : projections) {
                if (!(p.get(c) instanceof dev.sluice.expr.Literal l && l.value() == null)) type = p.get(c).dataType();
            }
            if (type == null) continue;
            for (List<Expression> p : projections) {
                if (p.get(c) instanceof dev.sluice.expr.Literal l && l.value() == null && !l.dataType().equals(type)) {
                    p.set(c, new dev.sluice.expr.Literal(null, type));
                }
            }
        }
    }

    /**
     * A Generate passes on the input columns its parent uses, and needs of its generator's input what the
     * parent uses of the generated columns: {@code explode(items) AS item} with only {@code item.qty} used
     * reads only {@code qty} of the items' structs.
     */
    private LogicalPlan pruneGenerate(Generate g, Map<String, Need> needs) {
        Map<String, Need> inputNeeds = new HashMap<>();
        for (String name : g.input().schema().fieldNames()) {
            Need n = needs.get(name);
            if (n != null) {
                Need copy = Need.fields();
                copy.merge(n);
                inputNeeds.put(name, copy);
            }
        }
        Generator gen = g.generator();
        Need childNeed = Need.all();
        if (gen.kind() != Generator.Kind.INLINE && gen.child().dataType() instanceof dev.sluice.types.ArrayType) {
            Need element = needs.get(g.outputNames().get(g.outputNames().size() - 1));
            if (element != null && !element.isAll() && !element.isEmpty()) childNeed = element;
        }
        Expression child = narrowAndCollect(gen.child(), childNeed, inputNeeds);
        LogicalPlan input = prune(g.input(), inputNeeds);
        Generator narrowed = (Generator) Rebind.one(new Generator(gen.kind(), child, gen.outer()), input.schema());
        return new Generate(input, narrowed, g.outputNames());
    }

    /**
     * A Window keeps only the functions whose columns the parent uses (none left: the Window goes), and needs
     * of its input what the parent uses of the input's columns plus its keys and arguments, whole.
     */
    private LogicalPlan pruneWindow(dev.sluice.plan.Window w, Map<String, Need> needs) {
        List<Expression> kept = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < w.functions().size(); i++) {
            if (needs.containsKey(w.outputNames().get(i))) {
                kept.add(w.functions().get(i));
                names.add(w.outputNames().get(i));
            }
        }
        Map<String, Need> inputNeeds = new HashMap<>();
        for (String name : w.input().schema().fieldNames()) {
            Need n = needs.get(name);
            if (n != null) inputNeeds.computeIfAbsent(name, k -> Need.fields()).merge(n);
        }
        if (kept.isEmpty()) return prune(w.input(), inputNeeds);
        List<Expression> exprs = new ArrayList<>();
        for (Expression e : w.partitionBy()) exprs.add(narrowAndCollect(e, Need.all(), inputNeeds));
        for (Expression e : w.orderBy()) exprs.add(narrowAndCollect(e, Need.all(), inputNeeds));
        for (Expression e : kept) exprs.add(narrowAndCollect(e, Need.all(), inputNeeds));
        LogicalPlan input = prune(w.input(), inputNeeds);
        List<Expression> rebound = Rebind.all(exprs, input.schema());
        int p = w.partitionBy().size(), o = w.orderBy().size();
        List<dev.sluice.expr.SortOrder> orders = new ArrayList<>();
        for (Expression e : rebound.subList(p, p + o)) orders.add((dev.sluice.expr.SortOrder) e);
        List<dev.sluice.expr.WindowExpression> fns = new ArrayList<>();
        for (Expression e : rebound.subList(p + o, rebound.size())) fns.add((dev.sluice.expr.WindowExpression) e);
        return new dev.sluice.plan.Window(input, rebound.subList(0, p), orders, fns, names);
    }

    /**
     * A union's columns match by position: every input keeps the same positions (the ones the parent
     * uses), whole (no nested pruning, so the inputs' types stay equal). An input with duplicate column
     * names cannot be pruned by name, so then every position stays.
     */
    private LogicalPlan pruneUnion(Union u, Map<String, Need> needs) {
        List<String> outputNames = u.schema().fieldNames();
        boolean byName = true;
        for (LogicalPlan input : u.inputs()) byName &= new java.util.HashSet<>(input.schema().fieldNames()).size() == input.schema().size();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < outputNames.size(); i++) if (!byName || needs.containsKey(outputNames.get(i))) kept.add(i);
        List<LogicalPlan> inputs = new ArrayList<>();
        for (LogicalPlan input : u.inputs()) {
            List<StructField> fields = input.schema().fields();
            Map<String, Need> inputNeeds = new HashMap<>();
            List<Expression> refs = new ArrayList<>();
            for (int i : kept) {
                StructField f = fields.get(i);
                inputNeeds.put(f.name(), Need.all());
                refs.add(new ColumnRef(f.name(), f.dataType(), f.nullable()));
            }
            LogicalPlan pruned = prune(input, inputNeeds);
            List<String> expected = refs.stream().map(Expressions::outputName).toList();
            inputs.add(pruned.schema().fieldNames().equals(expected) ? pruned : new Project(pruned, Rebind.all(refs, pruned.schema())));
        }
        return new Union(inputs);
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
        if (e instanceof Size s) {   // the length alone: from_json need not convert the elements' fields
            return new Size(narrowAndCollect(s.child(), Need.shape(), inputNeeds), s.legacySizeOfNull());
        }
        // whether the value is null alone: its shape, so a parsed struct keeps one field (none when it is a string)
        if (e instanceof IsNotNull n) return new IsNotNull(narrowAndCollect(n.child(), Need.shape(), inputNeeds));
        if (e instanceof IsNull n) return new IsNull(narrowAndCollect(n.child(), Need.shape(), inputNeeds));
        if (e instanceof FromJson fj) {
            Expression child = narrowAndCollect(fj.child(), Need.all(), inputNeeds);
            // a length limit on strings is checked only on strings read: then a counted element keeps its string field
            boolean unlimited = fj.options().positiveInt("maxStringLen", dev.sluice.json.JsonLimits.DEFAULT_MAX_STRING_LEN)
                    == dev.sluice.json.JsonLimits.DEFAULT_MAX_STRING_LEN;
            DataType narrowed = resultNeed.narrow(fj.schema(), unlimited);
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
