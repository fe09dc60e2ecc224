/**
 * The memory budget of blocking operators and the place their state goes when it does not fit: the
 * {@link dev.sluice.memory.MemoryPool} (fair shares, spill requests, bounded waits), reservations, the
 * {@link dev.sluice.memory.SpillManager} (private per-session directories, cleanup) and the spill file format
 * ({@link dev.sluice.memory.BatchCodec} blocks compressed with LZ4). Depends on {@code error}, {@code types}
 * and {@code vector}; knows nothing of operators or plans.
 */
package dev.sluice.memory;
