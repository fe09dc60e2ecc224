package dev.sluice.exec;

import dev.sluice.vector.ColumnVector;

/**
 * Where a window partition stands when it is cut between two chunks of a streamed (spilled, sorted) input:
 * the rows already emitted, the last emitted one's rank and dense rank, and its sort key values (partition keys
 * then order keys, one row each), to tell whether the next chunk's first row is in the same partition, and its
 * peer; per function, the state its frame has reached ({@link RunningState} for a running frame, null for the
 * others). After a first pass over the whole partition ({@link WindowStreamNeeds#twoPass}) it also holds the
 * partition's size ({@code partitionRows}, -1 when unknown) and, per function whose frame is the whole partition,
 * that frame's state ({@code wholeStates}, null entries for the others).
 */
record WindowCarry(long rowsBefore, int rankBefore, int denseBefore, ColumnVector[] lastKeys, Object[] states,
                   long partitionRows, Object[] wholeStates) {

    /** The state a running frame carries: its accumulator and how many rows of the partition it has added. */
    record RunningState(Object accumulator, long added) {}

    /** Before the first row of a partition whose first pass is done. */
    static WindowCarry firstPass(ColumnVector[] firstKeys, int functions, long partitionRows, Object[] wholeStates) {
        return new WindowCarry(0, 0, 0, firstKeys, new Object[functions], partitionRows, wholeStates);
    }

    /** The same partition's totals, for the next state. */
    WindowCarry next(long rows, int rank, int dense, ColumnVector[] keys, Object[] nextStates) {
        return new WindowCarry(rows, rank, dense, keys, nextStates, partitionRows, wholeStates);
    }
}
