package dev.sluice.connect;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.GroupedData;
import org.apache.spark.connect.proto.Aggregate;

import java.util.Arrays;

/** {@code groupBy(...).agg(...)}, {@code pivot(col, values)} and global aggregates; rollup, cube and grouping sets are refused by name. */
final class AggregateRelations {
    private final RelationTranslator relations;

    AggregateRelations(RelationTranslator relations) { this.relations = relations; }

    DataFrame aggregate(Aggregate a) {
        switch (a.getGroupType()) {
            case GROUP_TYPE_GROUPBY: break;
            case GROUP_TYPE_ROLLUP: throw ConnectErrors.unsupported("rollup", "Sluice has no grouping sets yet");
            case GROUP_TYPE_CUBE: throw ConnectErrors.unsupported("cube", "Sluice has no grouping sets yet");
            case GROUP_TYPE_PIVOT: break;
            case GROUP_TYPE_GROUPING_SETS: throw ConnectErrors.unsupported("grouping sets", "Sluice has no grouping sets yet");
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
            grouped = grouped.pivot(relations.expressions().translate(a.getPivot().getCol(), in), values);
        }
        if (aggs.length == 0) {
            // groupBy(k).agg() with nothing: the distinct keys, as Spark
            return in.select(keys).distinct();
        }
        return grouped.agg(aggs[0], Arrays.copyOfRange(aggs, 1, aggs.length));
    }
}
