package dev.sluice;

import java.util.Set;

/**
 * Session settings. {@code ansi} follows Spark 4's default (true); {@code maxSplitBytes} is how big a piece of
 * a file one task reads; {@code inferenceSampleSize} how many records schema inference reads (0 = all);
 * {@code memoryBudget} the bytes blocking operators may hold together; {@code shufflePartitions} how many
 * partitions an exchange produces; {@code broadcastThreshold} the estimated size under which a join side is
 * broadcast instead of shuffled; {@code sessionTimeZone} Spark's {@code spark.sql.session.timeZone} (default, as
 * Spark: the JVM's zone).
 */
public record SluiceConf(int parallelism, int batchSize, boolean ansi, long maxSplitBytes, int inferenceSampleSize,
                         Set<String> disabledRules, long memoryBudget, int shufflePartitions, long broadcastThreshold,
                         java.time.ZoneId sessionTimeZone) {
    public static final long DEFAULT_MAX_SPLIT_BYTES = 32L << 20;
    public static final int DEFAULT_INFERENCE_SAMPLE = 1000;
    public static final long DEFAULT_BROADCAST_THRESHOLD = 10L << 20;

    public SluiceConf {
        if (parallelism < 1) throw new IllegalArgumentException("parallelism must be >= 1");
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be >= 1");
        if (maxSplitBytes < 1024) throw new IllegalArgumentException("maxSplitBytes must be >= 1024");
        if (inferenceSampleSize < 0) throw new IllegalArgumentException("inferenceSampleSize must be >= 0");
        if (memoryBudget < 1) throw new IllegalArgumentException("memoryBudget must be >= 1");
        if (shufflePartitions < 1) throw new IllegalArgumentException("shufflePartitions must be >= 1");
        disabledRules = Set.copyOf(disabledRules);
        java.util.Objects.requireNonNull(sessionTimeZone, "sessionTimeZone");
    }

    public static SluiceConf defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new SluiceConf(cores, dev.sluice.vector.Batch.DEFAULT_SIZE, true, DEFAULT_MAX_SPLIT_BYTES,
                DEFAULT_INFERENCE_SAMPLE, Set.of(), dev.sluice.memory.MemoryPool.defaultBudget(), Math.max(2, cores),
                DEFAULT_BROADCAST_THRESHOLD, java.time.ZoneId.systemDefault());
    }

    public SluiceConf withAnsi(boolean value) {
        return new SluiceConf(parallelism, batchSize, value, maxSplitBytes, inferenceSampleSize, disabledRules, memoryBudget,
                shufflePartitions, broadcastThreshold, sessionTimeZone);
    }

    public SluiceConf withShufflePartitions(int value) {
        return new SluiceConf(parallelism, batchSize, ansi, maxSplitBytes, inferenceSampleSize, disabledRules, memoryBudget,
                value, broadcastThreshold, sessionTimeZone);
    }

    public SluiceConf withBroadcastThreshold(long value) {
        return new SluiceConf(parallelism, batchSize, ansi, maxSplitBytes, inferenceSampleSize, disabledRules, memoryBudget,
                shufflePartitions, value, sessionTimeZone);
    }

    public SluiceConf withSessionTimeZone(java.time.ZoneId value) {
        return new SluiceConf(parallelism, batchSize, ansi, maxSplitBytes, inferenceSampleSize, disabledRules, memoryBudget,
                shufflePartitions, broadcastThreshold, value);
    }
}
