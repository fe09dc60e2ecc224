package dev.sluice.vector;

import dev.sluice.types.DataType;

import java.util.Arrays;

/** Flat boolean values. */
public final class BooleanVector extends FlatVector {
    private boolean[] values;

    public BooleanVector(DataType type, int capacity) {
        super(type, capacity);
        this.values = new boolean[this.capacity];
    }

    private BooleanVector(DataType type, boolean[] values) {
        super(type, values.length);
        this.values = values;
    }

    /**
     * A vector of {@code rows} rows over a builder's finished array, taken as it is instead of copied, row i null where
     * {@code nulls[i]}; a null row's slot must hold the placeholder (false). The caller gives up {@code values}.
     */
    public static BooleanVector adopt(DataType type, boolean[] values, boolean[] nulls, int rows) {
        BooleanVector v = new BooleanVector(type, values);
        v.adoptRows(nulls, rows);
        return v;
    }

    @Override public boolean getBoolean(int row) { return values[row]; }

    /** The backing array; rows [0, size()) are valid. */
    public boolean[] values() { return values; }

    public void append(boolean value) {
        ensureCapacity(size + 1);
        values[size++] = value;
    }

    /**
     * Appends {@code n} rows holding false, whose values a kernel then writes through {@link #values()} in a loop of its
     * own (no capacity check per row).
     */
    public void appendFalse(int n) {
        ensureCapacity(size + n);
        Arrays.fill(values, size, size + n, false);
        size += n;
    }

    /** Sets the value of a row already appended (used by operators filling a fresh vector). */
    public void set(int row, boolean value) { values[row] = value; }

    @Override public void appendFrom(ColumnVector source, int row) {
        if (source.isNull(row)) appendNull();
        else append(source.getBoolean(row));
    }

    @Override public void appendObject(Object value) {
        if (value == null) appendNull();
        else append((Boolean) value);
    }

    /** Appends {@code src[from, to)} in one copy, row i null where {@code nulls[i]} (builders' bulk path). */
    public void appendAll(boolean[] src, boolean[] nulls, int from, int to) {
        int n = to - from;
        ensureCapacity(size + n);
        System.arraycopy(src, from, values, size, n);
        for (int i = from; i < to; i++) {   // one pass for the placeholders and the null bits (markNulls was a second)
            if (nulls[i]) {
                values[size + i - from] = false;   // null slots hold the placeholder, as appendNull
                markNull(size + i - from);
            }
        }
        size += n;
    }

    @Override protected void appendNullSlot() { values[size] = false; }

    @Override protected void grow(int newCapacity) { values = Arrays.copyOf(values, newCapacity); }
}
