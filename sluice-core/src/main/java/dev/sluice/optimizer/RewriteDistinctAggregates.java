package dev.sluice.optimizer;

import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.Alias;
import dev.sluice.expr.Coalesce;
import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.Literal;
import dev.sluice.expr.agg.Average;
import dev.sluice.expr.agg.Collect;
import dev.sluice.expr.agg.Count;
import dev.sluice.expr.agg.MinMax;
import dev.sluice.expr.agg.Sum;
import dev.sluice.plan.Aggregate;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.types.DataTypes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Computes distinct aggregates in two aggregations, as Spark does: first group by the keys and the distinct
 * inputs (one row per distinct value), then by the keys, the aggregates now reading plain rows. No group then
 * holds a set of values, so {@code count(DISTINCT x)} of one huge group spills like any aggregation. The other
 * aggregates ride along as partial results: {@code min}/{@code max} of the first phase's min/max, a count as
 * the sum of the first phase's counts.
 * <pre>
 * Aggregate: [k], [k, count(DISTINCT x) AS n, max(y) AS m]     Aggregate: [_gk0], [_gk0 AS k, count(_d0) AS n, max(_p0) AS m]
 *   Scan                                              =>        Aggregate: [k, x], [k AS _gk0, x AS _d0, max(y) AS _p0]
 *                                                                 Scan
 * </pre>
 * Fires when every distinct aggregate is a count, sum, avg, min, max, collect_list or collect_set reading the
 * same inputs (one distinct group) and every other aggregate is a count, min or max. {@code f(DISTINCT ...)} then sees the same distinct tuples, NULL ones included, as the
 * one-phase distinct accumulator gives it (in another order: a floating-point sum may differ in its last digits,
 * as it does in Spark between runs).
 */
public final class RewriteDistinctAggregates implements Rule {
    @Override public String name() { return "rewrite_distinct_aggregates"; }

    @Override public Optional<LogicalPlan> apply(LogicalPlan plan, RuleContext ctx) {
        if (!(plan instanceof Aggregate agg)) return Optional.empty();
        List<AggregateExpression> aggregates = new ArrayList<>();
        for (Expression out : agg.aggregateExpressions()) {
            for (Expression node : Expressions.collect(out)) {
                if (node instanceof AggregateExpression ae && !aggregates.contains(ae)) aggregates.add(ae);
            }
        }
        Set<Expression> distinctInputs = null;
        for (AggregateExpression ae : aggregates) {
            if (ae.distinct()) {
                if (!readsOnlyItsInputs(ae)) return Optional.empty();
                Set<Expression> inputs = new LinkedHashSet<>(ae.function().inputs());
                if (distinctInputs == null) distinctInputs = inputs;
                else if (!distinctInputs.equals(inputs)) return Optional.empty();   // several distinct groups
            } else if (!(ae.function() instanceof Count || ae.function() instanceof MinMax)) {
                return Optional.empty();
            }
        }
        if (distinctInputs == null) return Optional.empty();
        for (Expression e : agg.groupingExpressions()) if (!Expressions.isDeterministic(e)) return Optional.empty();
        for (Expression e : distinctInputs) if (!Expressions.isDeterministic(e)) return Optional.empty();

        // the first aggregation: keys, distinct inputs, partial results of the other aggregates
        List<Expression> innerGrouping = new ArrayList<>(agg.groupingExpressions());
        List<Expression> innerOutputs = new ArrayList<>();
        List<Expression> keyRefs = new ArrayList<>();
        for (int k = 0; k < agg.groupingExpressions().size(); k++) {
            Expression key = agg.groupingExpressions().get(k);
            innerOutputs.add(new Alias(key, "_gk" + k));
            keyRefs.add(new ColumnRef("_gk" + k, key.dataType(), key.nullable()));
        }
        List<Expression> distinctList = new ArrayList<>(distinctInputs);
        List<Expression> distinctRefs = new ArrayList<>();
        for (int d = 0; d < distinctList.size(); d++) {
            Expression in = distinctList.get(d);
            innerGrouping.add(in);
            innerOutputs.add(new Alias(in, "_d" + d));
            distinctRefs.add(new ColumnRef("_d" + d, in.dataType(), in.nullable()));
        }
        List<Expression> replacements = new ArrayList<>();
        int partials = 0;
        for (AggregateExpression ae : aggregates) {
            if (ae.distinct()) {
                List<Expression> inputs = new ArrayList<>();
                for (Expression in : ae.function().inputs()) inputs.add(distinctRefs.get(distinctList.indexOf(in)));
                replacements.add(new AggregateExpression(ae.function().withInputs(inputs), false));
                continue;
            }
            String name = "_p" + partials++;
            innerOutputs.add(new Alias(ae, name));
            ColumnRef partial = new ColumnRef(name, ae.dataType(), ae.nullable());
            if (ae.function() instanceof Count) {
                // a group of the second aggregation has at least one row, but a global one may have none: count 0
                Expression total = new AggregateExpression(new Sum(partial, true, true), false);
                replacements.add(new Coalesce(List.of(total, new Literal(0L, DataTypes.LONG))));
            } else {
                replacements.add(new AggregateExpression(ae.function().withInputs(List.of(partial)), false));
            }
        }
        Aggregate inner = new Aggregate(agg.input(), innerGrouping, innerOutputs);

        List<Expression> outerOutputs = new ArrayList<>();
        for (Expression out : agg.aggregateExpressions()) {
            Expression replaced = replace(out, agg.groupingExpressions(), keyRefs, aggregates, replacements);
            String name = Expressions.outputName(out);
            outerOutputs.add(Expressions.outputName(replaced).equals(name) ? replaced : new Alias(Expressions.unalias(replaced), name));
        }
        return Optional.of(new Aggregate(inner, keyRefs, outerOutputs));
    }

    /**
     * The functions whose every expression is an input (a listagg's ordering or delimiter is not): their
     * inputs can be replaced by the first aggregation's columns.
     */
    private static boolean readsOnlyItsInputs(AggregateExpression ae) {
        var f = ae.function();
        return f instanceof Count || f instanceof Sum || f instanceof Average || f instanceof MinMax || f instanceof Collect;
    }

    /** {@code e} over the first aggregation's output: keys and aggregates replaced, top-down, nothing inside them. */
    private static Expression replace(Expression e, List<Expression> keys, List<Expression> keyRefs,
                                      List<AggregateExpression> aggregates, List<Expression> replacements) {
        if (e instanceof AggregateExpression ae) return replacements.get(aggregates.indexOf(ae));
        int k = keys.indexOf(e);
        if (k >= 0 && !(e instanceof Alias)) return keyRefs.get(k);
        List<Expression> children = new ArrayList<>();
        boolean changed = false;
        for (Expression c : e.children()) {
            Expression r = replace(c, keys, keyRefs, aggregates, replacements);
            changed |= r != c;
            children.add(r);
        }
        return changed ? e.withChildren(children) : e;
    }
}
