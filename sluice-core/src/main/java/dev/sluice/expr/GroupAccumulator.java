package dev.sluice.expr;

import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;

/**
 * The mutable state of one aggregate function for many groups, numbered 0..n-1 by the operator's hash
 * table. Used by one thread. Group ids only grow: {@link #ensureGroups} is called before rows of a new
 * group arrive. Primitive states live in primitive arrays indexed by group id (no boxing per row).
 */
public interface GroupAccumulator {
    /** Makes room for groups {@code 0 .. groups-1} (new ones start empty). */
    void ensureGroups(int groups);

    /** Adds rows {@code 0 .. rowCount-1}: row r belongs to group {@code groupIds[r]}; {@code inputs} are the evaluated inputs. */
    void update(ColumnVector[] inputs, int[] groupIds, int rowCount);

    /** Merges partial states (columns as {@link AggregateFunction#stateTypes}), row r into group {@code groupIds[r]}. */
    void merge(ColumnVector[] states, int[] groupIds, int rowCount);

    /** Appends group {@code group}'s partial state, one value to each of {@code out}. */
    void writeState(int group, FlatVector[] out);

    /** Appends group {@code group}'s final value to {@code out}. */
    void writeResult(int group, FlatVector out);

    /** A rough size of the state in bytes, for the operator's memory reservation. */
    long estimatedBytes();

    /**
     * Empties every group, keeping the state's arrays (so an operator can reuse the accumulator for another table
     * without allocating it again); false when this accumulator cannot, and then it is unchanged. After a true, groups
     * start empty as new ones do, and {@link #estimatedBytes} still counts what is kept.
     */
    default boolean clear() { return false; }
}
