package dev.sluice.spark;

import dev.sluice.error.SluiceException;
import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.plan.Filter;
import dev.sluice.plan.Limit;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.plan.PlanVisitor;
import dev.sluice.plan.Project;
import dev.sluice.plan.Scan;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.List;

/**
 * An analyzed Sluice plan as a Spark Dataset, node by node. Every output column carries the name Sluice gave it,
 * so the Dataset's schema is the plan's (names and types; the engine checks the types).
 */
final class PlanTranslator implements PlanVisitor<Dataset<Row>> {
    private final SparkSession spark;
    private final ExpressionTranslator expressions;

    PlanTranslator(SparkSession spark, boolean ansi) {
        this.spark = spark;
        this.expressions = new ExpressionTranslator(ansi);
    }

    Dataset<Row> translate(LogicalPlan plan) { return plan.accept(this); }

    @Override public Dataset<Row> visitScan(Scan scan) {
        Dataset<Row> ds = SparkSources.read(spark, scan.source());
        if (scan.output().equals(scan.source().schema())) return ds;
        // A pruned scan (optimized plans only): keep the top-level columns the plan reads.
        if (!scan.source().schema().fields().containsAll(scan.output().fields())) {
            throw SparkTypes.unsupported("a scan narrowed to nested fields (" + scan.output().simpleString() + ")");
        }
        Column[] columns = new Column[scan.output().size()];
        for (int i = 0; i < columns.length; i++) columns[i] = org.apache.spark.sql.functions.col(ExpressionTranslator.quote(scan.output().field(i).name()));
        return ds.select(columns);
    }

    @Override public Dataset<Row> visitProject(Project project) {
        Dataset<Row> input = translate(project.input());
        List<Expression> projections = project.projections();
        Column[] columns = new Column[projections.size()];
        for (int i = 0; i < columns.length; i++) {
            Expression e = projections.get(i);
            Column c = expressions.translate(e);
            // Spark names unaliased columns its own way; Sluice's name is the contract.
            columns[i] = e instanceof ColumnRef ? c : c.as(Expressions.outputName(e));
        }
        return input.select(columns);
    }

    @Override public Dataset<Row> visitFilter(Filter filter) {
        return translate(filter.input()).filter(expressions.translate(filter.condition()));
    }

    @Override public Dataset<Row> visitSort(dev.sluice.plan.Sort sort) {
        Dataset<Row> input = translate(sort.input());
        Column[] orders = new Column[sort.orders().size()];
        for (int i = 0; i < orders.length; i++) orders[i] = expressions.translate(sort.orders().get(i));
        return sort.global() ? input.orderBy(orders) : input.sortWithinPartitions(orders);
    }

    /** By position, as Sluice's union (the analyzer already cast every input to the common types). */
    @Override public Dataset<Row> visitUnion(dev.sluice.plan.Union union) {
        Dataset<Row> out = null;
        for (LogicalPlan input : union.inputs()) {
            Dataset<Row> ds = translate(input);
            out = out == null ? ds : out.union(ds);
        }
        return out;
    }

    /** The input's columns, then the generator's, named as Sluice named them. */
    @Override public Dataset<Row> visitGenerate(dev.sluice.plan.Generate generate) {
        Dataset<Row> input = translate(generate.input());
        List<String> inputNames = generate.input().schema().fieldNames();
        Column[] columns = new Column[inputNames.size() + 1];
        for (int i = 0; i < inputNames.size(); i++) columns[i] = org.apache.spark.sql.functions.col(ExpressionTranslator.quote(inputNames.get(i)));
        Column generated = expressions.generator(generate.generator());
        columns[inputNames.size()] = generate.outputNames().size() == 1 ? generated.as(generate.outputNames().get(0))
                : generated.as(generate.outputNames().toArray(new String[0]));
        return input.select(columns);
    }

    /**
     * groupBy(keys).agg(...): every output expression is computed under a temporary name inside agg (Spark lets
     * it read the grouping columns there), then renamed, so the output is exactly Sluice's columns in order.
     */
    @Override public Dataset<Row> visitAggregate(dev.sluice.plan.Aggregate aggregate) {
        Dataset<Row> input = translate(aggregate.input());
        List<Expression> keys = aggregate.groupingExpressions();
        List<Expression> outputs = aggregate.aggregateExpressions();
        Column[] groupBy = new Column[keys.size()];
        for (int i = 0; i < groupBy.length; i++) groupBy[i] = expressions.translate(keys.get(i)).as("_sluice_g" + i);
        Column[] aggs = new Column[outputs.size()];
        Column[] renamed = new Column[outputs.size()];
        for (int i = 0; i < aggs.length; i++) {
            Expression e = outputs.get(i);
            aggs[i] = expressions.translate(Expressions.unalias(e)).as("_sluice_a" + i);
            renamed[i] = org.apache.spark.sql.functions.col("_sluice_a" + i).as(Expressions.outputName(e));
        }
        if (aggs.length == 0) return input.groupBy(groupBy).count().select(renamed);
        Column first = aggs[0];
        Column[] rest = java.util.Arrays.copyOfRange(aggs, 1, aggs.length);
        return input.groupBy(groupBy).agg(first, rest).select(renamed);
    }

    /**
     * Spark's Dataset API has no Expand: each input row becomes an array of one struct per projection (every field
     * cast to the output column's type, so the structs share one type), and {@code inline} turns the structs into rows.
     */
    @Override public Dataset<Row> visitExpand(dev.sluice.plan.Expand expand) {
        Dataset<Row> input = translate(expand.input());
        dev.sluice.types.StructType schema = expand.schema();
        Column[] copies = new Column[expand.projections().size()];
        for (int p = 0; p < copies.length; p++) {
            List<Expression> projection = expand.projections().get(p);
            Column[] fields = new Column[projection.size()];
            for (int c = 0; c < fields.length; c++) {
                fields[c] = expressions.translate(projection.get(c)).cast(SparkTypes.toSpark(schema.field(c).dataType())).as(expand.outputNames().get(c));
            }
            copies[p] = org.apache.spark.sql.functions.struct(fields);
        }
        return input.select(org.apache.spark.sql.functions.inline(org.apache.spark.sql.functions.array(copies)));
    }

    @Override public Dataset<Row> visitCoalescePartitions(dev.sluice.plan.CoalescePartitions coalesce) {
        return translate(coalesce.input()).coalesce(coalesce.partitions());
    }

    @Override public Dataset<Row> visitMapPartitions(dev.sluice.plan.MapPartitions m) {
        throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.UNSUPPORTED_OPERATION).with("operation", "mapPartitions")
                .with("reason", "partition functions run on the embedded engine only; Spark has no copy of them").build();
    }

    /** Spark caches the same plan itself: its CacheManager matches the persisted Dataset in later queries. */
    @Override public Dataset<Row> visitCachedRelation(dev.sluice.plan.CachedRelation cached) {
        return translate(cached.data().plan()).persist(org.apache.spark.storage.StorageLevel.fromString(cached.data().storageLevelName()));
    }

    /** Spark's own observe; the engine hands its metrics to the Sluice observation after the action ({@link #observed}). */
    @Override public Dataset<Row> visitCollectMetrics(dev.sluice.plan.CollectMetrics collect) {
        Dataset<Row> input = translate(collect.input());
        Column[] metrics = new Column[collect.metrics().size()];
        List<dev.sluice.types.StructField> fields = new java.util.ArrayList<>();
        for (int i = 0; i < metrics.length; i++) {
            Expression m = collect.metrics().get(i);
            metrics[i] = expressions.translate(m);
            fields.add(new dev.sluice.types.StructField(Expressions.outputName(m), m.dataType(), m.nullable()));
        }
        org.apache.spark.sql.Observation observation = new org.apache.spark.sql.Observation(collect.name());
        observed.add(new Observed(collect.observer(), observation, new dev.sluice.types.StructType(fields)));
        return input.observe(observation, metrics[0], java.util.Arrays.copyOfRange(metrics, 1, metrics.length));
    }

    /** An observation of the translated plan: the Sluice side, Spark's, and the metrics' names and types. */
    record Observed(dev.sluice.plan.ObservedMetrics sluice, org.apache.spark.sql.Observation spark, dev.sluice.types.StructType schema) {}

    private final List<Observed> observed = new java.util.ArrayList<>();

    /** The observations met while translating. */
    List<Observed> observed() { return observed; }

    @Override public Dataset<Row> visitRepartitionByExpression(dev.sluice.plan.RepartitionByExpression r) {
        Dataset<Row> input = translate(r.input());
        Column[] keys = new Column[r.keys().size()];
        for (int i = 0; i < keys.length; i++) keys[i] = expressions.translate(r.keys().get(i));
        if (r.kind() == dev.sluice.plan.RepartitionByExpression.Kind.DIRECT) return input.repartitionById(r.partitions(), keys[0]);
        if (r.kind() == dev.sluice.plan.RepartitionByExpression.Kind.RANGE) {
            return r.partitions() == 0 ? input.repartitionByRange(keys) : input.repartitionByRange(r.partitions(), keys);
        }
        return r.partitions() == 0 ? input.repartition(keys) : input.repartition(r.partitions(), keys);
    }

    @Override public Dataset<Row> visitRoundRobinPartitions(dev.sluice.plan.RoundRobinPartitions repartition) {
        return translate(repartition.input()).repartition(repartition.partitions());
    }

    /**
     * Sluice already gave the right side's clashing columns internal names, so every column name is unique across
     * the two sides and Spark resolves the condition without ambiguity.
     */
    @Override public Dataset<Row> visitJoin(dev.sluice.plan.Join join) {
        Dataset<Row> left = translate(join.left());
        Dataset<Row> right = translate(join.right());
        if (join.hint() != null && join.hint().broadcastLeft()) left = org.apache.spark.sql.functions.broadcast(left);
        if (join.hint() != null && join.hint().broadcastRight()) right = org.apache.spark.sql.functions.broadcast(right);
        String type = switch (join.joinType()) {
            case INNER -> "inner";
            case LEFT_OUTER -> "left_outer";
            case RIGHT_OUTER -> "right_outer";
            case FULL_OUTER -> "full_outer";
            case LEFT_SEMI -> "left_semi";
            case LEFT_ANTI -> "left_anti";
            case CROSS -> "cross";
        };
        if (join.condition() == null) {
            return join.joinType() == dev.sluice.plan.JoinType.CROSS || join.joinType() == dev.sluice.plan.JoinType.INNER
                    ? left.crossJoin(right) : left.join(right, org.apache.spark.sql.functions.lit(true), type);
        }
        return left.join(right, expressions.translate(join.condition()), type);
    }

    @Override public Dataset<Row> visitSubqueryAlias(dev.sluice.plan.SubqueryAlias alias) { return translate(alias.input()); }

    @Override public Dataset<Row> visitBroadcastHint(dev.sluice.plan.BroadcastHint hint) {
        return org.apache.spark.sql.functions.broadcast(translate(hint.input()));
    }

    @Override public Dataset<Row> visitSetOperation(dev.sluice.plan.SetOperation op) {
        Dataset<Row> left = translate(op.left());
        Dataset<Row> right = translate(op.right());
        if (op.kind() == dev.sluice.plan.SetOperation.Kind.INTERSECT) return op.all() ? left.intersectAll(right) : left.intersect(right);
        return op.all() ? left.exceptAll(right) : left.except(right);
    }

    @Override public Dataset<Row> visitOffset(dev.sluice.plan.Offset offset) {
        if (offset.count() > Integer.MAX_VALUE) {
            throw SluiceException.of(dev.sluice.error.ErrorCode.UNSUPPORTED_OPERATION).with("operation", "offset(" + offset.count() + ")")
                    .with("reason", "Spark's offset takes an int").build();
        }
        return translate(offset.input()).offset((int) offset.count());
    }

    @Override public Dataset<Row> visitLimit(Limit limit) {
        if (limit.count() > Integer.MAX_VALUE) {
            throw SluiceException.of(dev.sluice.error.ErrorCode.UNSUPPORTED_OPERATION).with("operation", "limit(" + limit.count() + ")")
                    .with("reason", "Spark's limit takes an int").build();
        }
        return translate(limit.input()).limit((int) limit.count());
    }

    /** The input's columns, then each window function over its window, named as Sluice named them. */
    @Override public Dataset<Row> visitWindow(dev.sluice.plan.Window window) {
        Dataset<Row> input = translate(window.input());
        List<String> inputNames = window.input().schema().fieldNames();
        Column[] columns = new Column[inputNames.size() + window.functions().size()];
        for (int i = 0; i < inputNames.size(); i++) columns[i] = org.apache.spark.sql.functions.col(ExpressionTranslator.quote(inputNames.get(i)));
        for (int i = 0; i < window.functions().size(); i++) {
            columns[inputNames.size() + i] = expressions.translate(window.functions().get(i)).as(window.outputNames().get(i));
        }
        return input.select(columns);
    }
}
