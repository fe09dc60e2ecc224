package dev.sluice;

import dev.sluice.io.WriteMemory;
import dev.sluice.memory.Reservation;

/**
 * A write task's {@link WriteMemory}: its reservation in the engine's memory pool. A writer that is refused
 * buffers less (a smaller row group) rather than having other operators spilled or waiting, so
 * {@link #tryReserve} only takes what the pool has now, and at most {@code share}: the writers of the tasks
 * running at once hold at most half the budget between them, leaving the rest to the operators feeding them (a
 * write reservation cannot spill, so without a cap the first task to open a file could take the whole pool and
 * the others would wait for it until they fail).
 */
record PoolWriteMemory(Reservation reservation, long share) implements WriteMemory {
    /** The share of each of {@code tasks} write tasks running at once in a pool of {@code budget} bytes. */
    static long shareOf(long budget, int tasks) { return budget / (2L * Math.max(1, tasks)); }

    @Override public boolean tryReserve(long bytes) {
        return reservation.bytes() + bytes <= share && reservation.tryGrowNow(bytes);
    }

    @Override public void reserve(long bytes) { reservation.grow(bytes); }

    @Override public void release(long bytes) { reservation.shrink(bytes); }
}
