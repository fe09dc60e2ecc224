package dev.sluice;

import dev.sluice.types.DataTypes;
import dev.sluice.types.StructField;

import java.util.ArrayList;
import java.util.List;

import static dev.sluice.functions.count;
import static dev.sluice.functions.lit;

/**
 * {@code df.describe()}: one row per statistic (count, mean, stddev, min, max) and one string column per described
 * column, as Spark's; mean and stddev are NULL for string columns. Built as a union of five aggregations.
 */
final class Describe {
    private Describe() {}

    static DataFrame of(DataFrame df, String... columnNames) {
        List<StructField> described = new ArrayList<>();
        for (StructField f : df.schema().fields()) {
            boolean wanted = columnNames.length == 0 ? f.dataType().isNumeric() || f.dataType().equals(DataTypes.STRING)
                    : java.util.Arrays.stream(columnNames).anyMatch(n -> n.equalsIgnoreCase(f.name()));
            if (wanted) described.add(f);
        }
        String[] stats = {"count", "mean", "stddev", "min", "max"};
        DataFrame out = null;
        for (String stat : stats) {
            List<Column> cols = new ArrayList<>();
            cols.add(lit(stat).alias("summary"));
            for (StructField f : described) cols.add(statistic(stat, df.col(f.name()), f).cast("string").alias(f.name()));
            DataFrame row = df.agg(cols.get(0), cols.subList(1, cols.size()).toArray(new Column[0]));
            out = out == null ? row : out.union(row);
        }
        return out;
    }

    private static Column statistic(String stat, Column c, StructField f) {
        boolean numeric = f.dataType().isNumeric();
        return switch (stat) {
            case "count" -> count(c);
            case "mean" -> numeric ? functions.avg(c) : functions.max(lit(null).cast("double"));
            case "stddev" -> numeric ? functions.stddev(c) : functions.max(lit(null).cast("double"));
            case "min" -> functions.min(c);
            default -> functions.max(c);
        };
    }
}
