package dev.sluice.connect;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.GroupedData;
import org.apache.spark.connect.proto.Aggregate;

import java.util.Arrays;

/** {@code groupBy(...).agg(...)}, {@code pivot} (with or without values), rollup, cube, grouping sets and global aggregates. */
final class AggregateRelations {
    private final RelationTranslator relations;

    AggregateRelations(RelationTranslator relations) { this.relations = relations; }

    DataFrame aggregate(Aggregate a) {
        switch (a.getGroupType()) {
            case GROUP_TYPE_GROUPBY: break;
            case GROUP_TYPE_ROLLUP: case GROUP_TYPE_CUBE: case GROUP_TYPE_GROUPING_SETS: return groupingSets(a);
            case GROUP_TYPE_PIVOT: break;
            default: throw ConnectErrors.unsupported("the aggregate group type " + a.getGroupType(), "unknown group type");
        }
        DataFrame in = relations.translate(a.getInput());
        Column[] keys = relations.columns(a.getGroupingExpressionsList(), in);
        Column[] aggs = relations.columns(a.getAggregateExpressionsList(), in);
        GroupedData grouped = in.groupBy(keys);
        if (a.getGroupType() == Aggregate.GroupType.GROUP_TYPE_PIVOT) {
            // the values must be given: Sluice does not run a job behind the user's back to find them (as Spark does)
            java.util.List<Object> values = new java.util.ArrayList<>();
            for (var v : a.getPivot().getValuesList()) values.add(Literals.value(v));
            Column pivot = relations.expressions().translate(a.getPivot().getCol(), in);
            // without values Spark finds them with a job (at most spark.sql.pivotMaxValues); so does Sluice
            grouped = values.isEmpty() ? grouped.pivot(pivot) : grouped.pivot(pivot, values);
        }
        if (aggs.length == 0) {
            // groupBy(k).agg() with nothing: the distinct keys, as Spark
            return in.select(keys).distinct();
        }
        return grouped.agg(aggs[0], Arrays.copyOfRange(aggs, 1, aggs.length));
    }

    /** rollup, cube and groupingSets: the grouping columns, then the aggregates, per grouping set. */
    private DataFrame groupingSets(Aggregate a) {
        DataFrame in = relations.translate(a.getInput());
        java.util.List<Column> keys = java.util.List.of(relations.columns(a.getGroupingExpressionsList(), in));
        java.util.List<Column> aggs = java.util.List.of(relations.columns(a.getAggregateExpressionsList(), in));
        java.util.List<java.util.List<Column>> sets;
        switch (a.getGroupType()) {
            case GROUP_TYPE_ROLLUP: sets = dev.sluice.sql.GroupingSets.rollup(keys); break;
            case GROUP_TYPE_CUBE: sets = dev.sluice.sql.GroupingSets.cube(keys); break;
            default: {
                sets = new java.util.ArrayList<>();
                for (var s : a.getGroupingSetsList()) sets.add(java.util.List.of(relations.columns(s.getGroupingSetList(), in)));
            }
        }
        return dev.sluice.sql.GroupingSets.aggregate(in, keys, sets, aggs);
    }
}
