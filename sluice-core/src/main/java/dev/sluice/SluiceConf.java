package dev.sluice;

import java.util.Set;

/**
 * Session settings. {@code ansi} follows Spark 4's default (true); {@code maxSplitBytes} is how big a piece
 * of a file one task reads; {@code inferenceSampleSize} how many records schema inference reads (0 = all).
 */
public record SluiceConf(int parallelism, int batchSize, boolean ansi, long maxSplitBytes, int inferenceSampleSize,
                         Set<String> disabledRules) {
    public static final long DEFAULT_MAX_SPLIT_BYTES = 32L << 20;
    public static final int DEFAULT_INFERENCE_SAMPLE = 1000;

    public SluiceConf {
        if (parallelism < 1) throw new IllegalArgumentException("parallelism must be >= 1");
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be >= 1");
        if (maxSplitBytes < 1024) throw new IllegalArgumentException("maxSplitBytes must be >= 1024");
        if (inferenceSampleSize < 0) throw new IllegalArgumentException("inferenceSampleSize must be >= 0");
        disabledRules = Set.copyOf(disabledRules);
    }

    public static SluiceConf defaults() {
        return new SluiceConf(Runtime.getRuntime().availableProcessors(), dev.sluice.vector.Batch.DEFAULT_SIZE, true,
                DEFAULT_MAX_SPLIT_BYTES, DEFAULT_INFERENCE_SAMPLE, Set.of());
    }
}
