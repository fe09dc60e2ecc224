package dev.sluice.io.orc;

import dev.sluice.io.WriteBufferMemory;
import org.apache.hadoop.fs.Path;
import org.apache.orc.MemoryManager;

/**
 * ORC's memory-manager hook for one writer whose stripe is already sized to the task's memory budget
 * ({@link WriteBufferMemory}): it never scales the stripe. ORC's default manager is one per JVM, shares half the heap
 * between all writers outside Sluice's budget, and keys writers by path, while every Sluice writer writes the same
 * placeholder path into its own stream; so each writer gets its own manager, and the writer's own check (estimate
 * above the stripe size: flush the stripe) does the rest.
 */
final class OwnStripeMemoryManager implements MemoryManager {
    @Override public void addWriter(Path path, long requestedAllocation, Callback callback) {}

    @Override public void removeWriter(Path path) {}

    @Deprecated @Override public void addedRow(int rows) {}

    @Override public long checkMemory(long previousAllocation, Callback writer) { return previousAllocation; }
}
