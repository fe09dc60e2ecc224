package dev.sluice;

import java.util.ArrayList;
import java.util.List;

/**
 * A DataFrame grouped by several grouping sets ({@code rollup}, {@code cube}, {@code groupingSets}), waiting for its
 * aggregates: each result row carries the grouping columns (NULL where a set leaves one out), then the aggregates.
 */
public final class GroupingSetsData {
    private final DataFrame df;
    private final List<Column> keys;
    private final List<List<Column>> sets;

    GroupingSetsData(DataFrame df, List<Column> keys, List<List<Column>> sets) {
        this.df = df;
        this.keys = List.copyOf(keys);
        this.sets = List.copyOf(sets);
    }

    public DataFrame agg(Column first, Column... rest) {
        List<Column> aggs = new ArrayList<>();
        aggs.add(first);
        aggs.addAll(List.of(rest));
        return agg(aggs);
    }

    public DataFrame agg(List<Column> aggregates) { return dev.sluice.sql.GroupingSets.aggregate(df, keys, sets, aggregates); }

    /** The number of rows per group, in a column named {@code count}. */
    public DataFrame count() { return agg(functions.count("*").alias("count")); }

    public DataFrame sum(String... columns) { return each("sum", columns); }

    public DataFrame avg(String... columns) { return each("avg", columns); }

    public DataFrame min(String... columns) { return each("min", columns); }

    public DataFrame max(String... columns) { return each("max", columns); }

    private DataFrame each(String function, String... columns) {
        List<Column> aggs = new ArrayList<>();
        for (String c : columns) aggs.add(functions.call_function(function, functions.col(c)));
        return agg(aggs);
    }
}
