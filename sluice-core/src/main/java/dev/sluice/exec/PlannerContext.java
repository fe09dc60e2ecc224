package dev.sluice.exec;

import dev.sluice.memory.MemoryPool;

/** What the physical planner needs from the session: the memory pool and the execution settings. */
public record PlannerContext(MemoryPool memoryPool, int batchSize, int shufflePartitions, long broadcastThreshold) {
    public static PlannerContext defaults() {
        return new PlannerContext(new MemoryPool(MemoryPool.defaultBudget()), dev.sluice.vector.Batch.DEFAULT_SIZE, 2, 10L << 20);
    }
}
