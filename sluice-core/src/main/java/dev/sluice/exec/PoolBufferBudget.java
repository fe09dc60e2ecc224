package dev.sluice.exec;

import dev.sluice.io.BufferBudget;
import dev.sluice.memory.MemoryPool;
import dev.sluice.memory.Reservation;

/** Reader buffers charged to the session's memory pool: a refused charge waits for others to spill, then says no. */
final class PoolBufferBudget implements BufferBudget {
    private final MemoryPool pool;

    PoolBufferBudget(MemoryPool pool) { this.pool = pool; }

    @Override public Charge open(String owner) {
        Reservation reservation = pool.newReservation(owner);
        return new Charge() {
            @Override public boolean tryGrow(long bytes) { return reservation.tryGrow(bytes); }

            @Override public long bytes() { return reservation.bytes(); }

            @Override public void close() { reservation.close(); }
        };
    }

    @Override public String describe() {
        return "the session's memory budget of " + pool.budget() + " bytes (" + pool.used() + " in use)";
    }
}
