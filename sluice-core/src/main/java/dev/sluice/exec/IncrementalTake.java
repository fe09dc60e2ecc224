package dev.sluice.exec;

/**
 * How far ahead a global limit starts its input partitions: Spark's incremental take
 * ({@code SparkPlan.executeTake}) as a pipeline instead of rounds. The first partition runs alone
 * ({@code spark.sql.limit.initialNumPartitions} = 1), so a limit that the first partition satisfies reads
 * nothing else. After that, with {@code finished} partitions read to the end: when they gave no row, try
 * {@value #SCALE_UP} times as many ({@code spark.sql.limit.scaleUpFactor}); otherwise estimate from the rows per
 * partition how many more are needed, with 50% to spare, at least one and at most {@value #SCALE_UP} times as
 * many. Never more than the workers can run ahead of the reader: their buffers are what bounds the memory.
 */
record IncrementalTake(long limit, int maxAhead) implements OrderedStream.Lookahead {
    static final int SCALE_UP = 4;

    IncrementalTake {
        if (limit < 0) throw new IllegalArgumentException("limit must be >= 0, got " + limit);
        if (maxAhead < 0) throw new IllegalArgumentException("maxAhead must be >= 0, got " + maxAhead);
    }

    @Override public int startUpTo(int finished, long rows) {
        if (finished == 0) return 1;
        long toTry = rows == 0
                ? (long) finished * SCALE_UP
                : Math.min(Math.max((long) Math.ceil(1.5 * limit * finished / rows) - finished, 1), (long) finished * SCALE_UP);
        long ahead = Math.min(toTry - 1, maxAhead);   // the reader's own partition is one of those to try
        return (int) Math.min(finished + 1 + ahead, Integer.MAX_VALUE);
    }
}
