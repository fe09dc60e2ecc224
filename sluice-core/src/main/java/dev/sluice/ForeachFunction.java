package dev.sluice;

import dev.sluice.types.Row;

/** {@link DataFrame#foreach}'s function, as Spark's Java {@code ForeachFunction}: called for every row on a worker thread. */
@FunctionalInterface
public interface ForeachFunction {
    void call(Row row) throws Exception;
}
