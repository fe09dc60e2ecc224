package dev.sluice;

import dev.sluice.types.Row;

import java.util.Iterator;

/**
 * {@link DataFrame#foreachPartition}'s function, as Spark's Java {@code ForeachPartitionFunction}: called once per
 * partition on a worker thread with the partition's rows, streamed (open a connection once per partition, say).
 * Serializable as Spark's, so the Spark engine can ship it to its executors.
 */
@FunctionalInterface
public interface ForeachPartitionFunction extends java.io.Serializable {
    void call(Iterator<Row> rows) throws Exception;
}
