package dev.sluice.exec;

import dev.sluice.vector.ColumnVector;

/**
 * Where a window partition stands when it is cut between two chunks of a streamed (spilled, sorted) input:
 * the rows already emitted, the last one's rank and dense rank, and its sort key values (partition keys then
 * order keys, one row each), to tell whether the next chunk's first row is in the same partition, and its peer;
 * per function, the state a running aggregate has reached (null for the ranking functions).
 */
record WindowCarry(long rowsBefore, int rankBefore, int denseBefore, ColumnVector[] lastKeys, Object[] states) {
}
