package dev.sluice.optimizer;

import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.Alias;
import dev.sluice.expr.Coalesce;
import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.Literal;
import dev.sluice.expr.agg.ApproxCountDistinct;
import dev.sluice.expr.agg.Average;
import dev.sluice.expr.agg.CentralMoments;
import dev.sluice.expr.agg.Collect;
import dev.sluice.expr.agg.Comoments;
import dev.sluice.expr.agg.Count;
import dev.sluice.expr.agg.MinMax;
import dev.sluice.expr.agg.Sum;
import dev.sluice.plan.Aggregate;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.types.DataTypes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Computes distinct aggregates in two aggregations, as Spark does, so that no group holds a set of values and
 * {@code count(DISTINCT x)} of one huge group spills like any aggregation. Two shapes:
 * <ul>
 * <li>One distinct group (every distinct aggregate reads the same inputs) and every other aggregate a count, min or
 * max: first group by the keys and the distinct inputs (one row per distinct value), then by the keys; the other
 * aggregates ride along as partial results ({@code min}/{@code max} of the first phase's, a count as the sum of the
 * first phase's counts).
 * <pre>
 * Aggregate: [k], [k, count(DISTINCT x) AS n, max(y) AS m]     Aggregate: [_gk0], [_gk0 AS k, count(_d0) AS n, max(_p0) AS m]
 *   Scan                                              =>        Aggregate: [k, x], [k AS _gk0, x AS _d0, max(y) AS _p0]
 *                                                                 Scan
 * </pre></li>
 * <li>Anything else (several distinct groups, any other aggregate beside them): Spark's Expand, see
 * {@link DistinctGroupsExpansion}.</li>
 * </ul>
 * Fires when every distinct aggregate is a count, sum, avg, min, max, collect_list/collect_set, a variance or
 * standard deviation, skewness/kurtosis, corr/covariance or approx_count_distinct (functions whose every expression is
 * an input and which skip NULL inputs) over deterministic inputs, grouped by deterministic keys. Otherwise (listagg,
 * percentile, first... with DISTINCT) the one-phase distinct accumulator runs and one group's set must fit.
 * {@code f(DISTINCT ...)} sees the same distinct values as the one-phase accumulator gives it (in another order: a
 * floating-point sum may differ in its last digits, as it does in Spark between runs).
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
        Map<Set<Expression>, List<AggregateExpression>> groups = new LinkedHashMap<>();
        boolean onlyCountsMinMax = true;
        for (AggregateExpression ae : aggregates) {
            if (ae.distinct()) {
                if (!splittable(ae)) return Optional.empty();
                for (Expression in : ae.function().inputs()) if (!Expressions.isDeterministic(in)) return Optional.empty();
                groups.computeIfAbsent(distinctGroup(ae), g -> new ArrayList<>()).add(ae);
            } else {
                onlyCountsMinMax &= ae.function() instanceof Count || ae.function() instanceof MinMax;
            }
        }
        if (groups.isEmpty()) return Optional.empty();
        for (Expression e : agg.groupingExpressions()) if (!Expressions.isDeterministic(e)) return Optional.empty();
        if (groups.size() == 1 && onlyCountsMinMax) return Optional.of(oneGroup(agg, aggregates, groups.keySet().iterator().next()));
        return DistinctGroupsExpansion.rewrite(agg, aggregates, groups);
    }

    /**
     * The functions whose every expression is an input (a listagg's ordering or delimiter is not), so their inputs
     * can be replaced by the first aggregation's columns, and which skip NULL inputs, so an input nulled for the other
     * distinct groups' rows leaves them out.
     */
    private static boolean splittable(AggregateExpression ae) {
        var f = ae.function();
        return f instanceof Count || f instanceof Sum || f instanceof Average || f instanceof MinMax || f instanceof Collect
                || f instanceof CentralMoments || f instanceof Comoments || f instanceof ApproxCountDistinct;
    }

    /**
     * The inputs whose distinct values a distinct aggregate needs, as Spark groups them: the set of its non-literal
     * inputs ({@code count(DISTINCT a, b)} and {@code count(DISTINCT b, a)} share one), or its first input when all are
     * literals.
     */
    private static Set<Expression> distinctGroup(AggregateExpression ae) {
        Set<Expression> inputs = new LinkedHashSet<>();
        for (Expression in : ae.function().inputs()) if (!in.foldable()) inputs.add(in);
        if (inputs.isEmpty() && !ae.function().inputs().isEmpty()) inputs.add(ae.function().inputs().get(0));
        return inputs;
    }

    /** One distinct group beside counts, mins and maxes: grouped by keys and distinct inputs, then by keys. */
    private static LogicalPlan oneGroup(Aggregate agg, List<AggregateExpression> aggregates, Set<Expression> distinctInputs) {
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
                for (Expression in : ae.function().inputs()) {
                    int d = distinctList.indexOf(in);
                    inputs.add(d < 0 ? in : distinctRefs.get(d));   // a literal input stays
                }
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
        return new Aggregate(inner, keyRefs, outputs(agg, keyRefs, aggregates, replacements));
    }

    /** The original outputs over the first aggregation's columns, each under its original name. */
    static List<Expression> outputs(Aggregate agg, List<Expression> keyRefs, List<AggregateExpression> aggregates, List<Expression> replacements) {
        List<Expression> outerOutputs = new ArrayList<>();
        for (Expression out : agg.aggregateExpressions()) {
            Expression replaced = replace(out, agg.groupingExpressions(), keyRefs, aggregates, replacements);
            String name = Expressions.outputName(out);
            outerOutputs.add(Expressions.outputName(replaced).equals(name) ? replaced : new Alias(Expressions.unalias(replaced), name));
        }
        return outerOutputs;
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
