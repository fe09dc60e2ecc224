package dev.sluice;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A table passed to a table function (Spark's {@code TABLE(t) PARTITION BY k ORDER BY v}, {@code df.asTable()}):
 * its rows, the keys whose rows one function instance sees together ({@code partitionBy}), or all rows in one
 * ({@code singlePartition}), and the order of the rows within each ({@code orderBy}, sort orders).
 */
public record TableArgument(DataFrame rows, List<Column> partitionBy, List<Column> orderBy, boolean singlePartition) {
    public TableArgument {
        requireNonNull(rows, "rows");
        partitionBy = List.copyOf(partitionBy);
        orderBy = List.copyOf(orderBy);
        if (singlePartition && !partitionBy.isEmpty()) throw new IllegalArgumentException("a table argument is partitioned by keys or in a single partition, not both");
    }
}
