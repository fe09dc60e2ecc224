package dev.sluice;

import dev.sluice.io.WriteMemory;
import dev.sluice.memory.Reservation;

/**
 * A write task's {@link WriteMemory}: its reservation in the engine's memory pool. A writer that is refused
 * buffers less (a smaller row group) rather than having other operators spilled or waiting, so
 * {@link #tryReserve} only takes what the pool has now.
 */
record PoolWriteMemory(Reservation reservation) implements WriteMemory {
    @Override public boolean tryReserve(long bytes) { return reservation.tryGrowNow(bytes); }

    @Override public void reserve(long bytes) { reservation.grow(bytes); }

    @Override public void release(long bytes) { reservation.shrink(bytes); }
}
