package dev.sluice.vector;

import dev.sluice.types.DataType;

import java.util.Arrays;

/**
 * A vector that owns its values, one slot per row, with a validity bitmap (bit set = null). Built by
 * appending; once handed to an operator it is read-only.
 */
public abstract class FlatVector extends ColumnVector {
    protected int size;
    protected int capacity;
    private long[] nulls = new long[0];
    private boolean hasNulls;

    protected FlatVector(DataType type, int capacity) {
        super(type);
        this.capacity = Math.max(capacity, 4);
    }

    @Override public final int size() { return size; }

    @Override public final Encoding encoding() { return Encoding.FLAT; }

    @Override public final boolean isNull(int row) {
        return hasNulls && (row >>> 6) < nulls.length && (nulls[row >>> 6] & (1L << row)) != 0;
    }

    @Override public final boolean mayHaveNulls() { return hasNulls; }

    /** Appends a null slot (nested vectors also append a slot to their children to stay aligned). */
    public void appendNull() {
        ensureCapacity(size + 1);
        markNull(size);
        appendNullSlot();
        size++;
    }

    /**
     * Empties the vector and keeps its arrays, to be filled again: for an owner's private buffer that nothing else
     * reads any more (a spill block once it is written), never for a vector handed on in a batch.
     */
    public final void clear() {
        size = 0;
        if (hasNulls) Arrays.fill(nulls, 0L);
        hasNulls = false;
        clearValues();
    }

    /** Resets what a subclass keeps beyond the slots (byte positions, children) when the vector is cleared. */
    protected void clearValues() { }

    /**
     * Shrinks the arrays to the rows held, dropping the spare capacity that appending left (up to half again for
     * slots, up to twice for string bytes): for a vector that is about to be buffered for long (an exchange's
     * bucket), so that what it holds is what its reservation counts. Its values stay as they are.
     */
    public final void trimToSize() {
        int rows = Math.max(size, 4);
        if (capacity > rows) {
            grow(rows);
            capacity = rows;
        }
        int words = (size + 63) >>> 6;
        if (nulls.length > words) nulls = Arrays.copyOf(nulls, words);
        trimValues();
    }

    /** Shrinks what a subclass keeps beyond the slots (string bytes, children) to what it holds. */
    protected void trimValues() { }

    /** Appends the value of {@code source}'s row (null included); the types must match. */
    public abstract void appendFrom(ColumnVector source, int row);

    /**
     * Appends {@code source}'s rows {@code rows[from, to)} in that order, as {@link #appendFrom} of each (a partition's
     * share of a batch gathered into a spill block); subclasses copy without a call per row where they can.
     */
    public void appendRows(ColumnVector source, int[] rows, int from, int to) {
        for (int i = from; i < to; i++) appendFrom(source, rows[i]);
    }

    /**
     * Appends row {@code rows[i]} of {@code sources[which[i]]} for i in {@code [0, n)}, in that order, as
     * {@link #appendFrom} of each (a k-way merge's output batch gathered from its runs' blocks); subclasses copy
     * from the sources' arrays without a call per row when every source is a flat vector of their class without nulls.
     */
    public void appendInterleaved(ColumnVector[] sources, int[] which, int[] rows, int n) {
        for (int i = 0; i < n; i++) appendFrom(sources[which[i]], rows[i]);
    }

    /** True when {@code sources[0, count)} are all of class {@code type} and none holds a null. */
    protected static boolean flatWithoutNulls(ColumnVector[] sources, int count, Class<? extends FlatVector> type) {
        for (int s = 0; s < count; s++) {
            ColumnVector v = sources[s];
            if (v.getClass() != type || ((FlatVector) v).hasNulls) return false;
        }
        return true;
    }

    /** Appends a Java value ({@link dev.sluice.types.Row} mapping); null appends a null. */
    public abstract void appendObject(Object value);

    /** Writes the placeholder value of a null slot at index {@link #size}; capacity is ensured. */
    protected abstract void appendNullSlot();

    /** Grows the value arrays to hold at least {@code newCapacity} rows. */
    protected abstract void grow(int newCapacity);

    protected final void ensureCapacity(int needed) {
        if (needed > capacity) {
            int newCapacity = Math.max(needed, capacity + (capacity >> 1) + 1);
            grow(newCapacity);
            capacity = newCapacity;
        }
    }

    /**
     * Makes a new, empty vector hold {@code rows} rows of arrays it adopted from a builder, row i null where
     * {@code nulls[i]} ({@code nulls} may be null: none); for the {@code adopt} factories. Fails when the slots are fewer.
     */
    protected final void adoptRows(boolean[] nulls, int rows) {
        if (size != 0 || rows > capacity || rows < 0) throw new IllegalArgumentException("adopting " + rows + " rows into " + capacity + " slots");
        if (nulls != null) markNulls(nulls, 0, rows);
        size = rows;
    }

    /**
     * Marks row {@code size() + (i - from)} null for every {@code nulls[i]} with i in [from, to): the null
     * marks of a bulk append, called before {@link #size} moves on.
     */
    protected final void markNulls(boolean[] nulls, int from, int to) {
        for (int i = from; i < to; i++) {
            if (nulls[i]) markNull(size + i - from);
        }
    }

    protected final void markNull(int row) {
        int word = row >>> 6;
        if (word >= nulls.length) nulls = Arrays.copyOf(nulls, Math.max(word + 1, nulls.length * 2));
        nulls[word] |= 1L << row;
        hasNulls = true;
    }
}
