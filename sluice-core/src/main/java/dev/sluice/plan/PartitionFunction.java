package dev.sluice.plan;

import dev.sluice.types.Row;

import java.util.Iterator;

/**
 * A user's function over one whole partition (Spark's {@code mapPartitions}/{@code mapPartitionsWithIndex}):
 * it pulls the partition's rows from {@code rows} and returns its output rows, both streamed. Runs on the
 * embedded engine's worker threads, several partitions at once, so it must be thread-safe.
 */
@FunctionalInterface
public interface PartitionFunction {
    Iterator<Row> apply(int partition, Iterator<Row> rows);
}
