package dev.sluice.memory;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The session's memory budget for blocking operators (aggregation tables, join build sides, sort buffers,
 * exchange buffers). Operators reserve before they grow; a refused reservation is a clear MEMORY_EXHAUSTED
 * error naming the operator, never an OutOfMemoryError. (Spilling to disk will hook in where reservations
 * are refused, without changing the operators' shape.)
 */
public final class MemoryPool {
    private final long budget;
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();

    public MemoryPool(long budgetBytes) {
        if (budgetBytes <= 0) throw new IllegalArgumentException("memory budget must be positive");
        this.budget = budgetBytes;
    }

    /** The default budget: 60% of the JVM's maximum heap. */
    public static long defaultBudget() { return (long) (Runtime.getRuntime().maxMemory() * 0.6); }

    public long budget() { return budget; }

    public long used() { return used.get(); }

    /** The highest reserved total seen, for the job report. */
    public long peak() { return peak.get(); }

    /** A new, empty reservation for one operator instance; close it to give everything back. */
    public Reservation newReservation(String owner) { return new Reservation(this, owner); }

    void acquire(long bytes, String owner) {
        while (true) {
            long current = used.get();
            long next = current + bytes;
            if (next > budget) {
                throw SluiceException.of(ErrorCode.MEMORY_EXHAUSTED)
                        .with("reason", owner + " needs " + bytes + " more bytes, but " + current + " of the "
                                + budget + "-byte budget are in use")
                        .build();
            }
            if (used.compareAndSet(current, next)) {
                peak.accumulateAndGet(next, Math::max);
                return;
            }
        }
    }

    void release(long bytes) { used.addAndGet(-bytes); }
}
