package dev.sluice.exec;

import dev.sluice.memory.MemoryPool;

/**
 * What the physical planner needs from the session: the memory pool and the execution settings
 * ({@code maxSplitBytes}: how many bytes of small files one scan task packs together).
 */
public record PlannerContext(MemoryPool memoryPool, int batchSize, int shufflePartitions, long broadcastThreshold,
                             long maxSplitBytes) {
    public PlannerContext(MemoryPool memoryPool, int batchSize, int shufflePartitions, long broadcastThreshold) {
        this(memoryPool, batchSize, shufflePartitions, broadcastThreshold, dev.sluice.io.FileSplitter.DEFAULT_MAX_SPLIT_BYTES);
    }

    public static PlannerContext defaults() {
        return new PlannerContext(new MemoryPool(MemoryPool.defaultBudget()), dev.sluice.vector.Batch.DEFAULT_SIZE, 2, 10L << 20);
    }
}
