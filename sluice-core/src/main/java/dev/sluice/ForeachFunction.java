package dev.sluice;

import dev.sluice.types.Row;

/**
 * {@link DataFrame#foreach}'s function, as Spark's Java {@code ForeachFunction}: called for every row on a worker thread.
 * Serializable as Spark's, so the Spark engine can ship it to its executors.
 */
@FunctionalInterface
public interface ForeachFunction extends java.io.Serializable {
    void call(Row row) throws Exception;
}
