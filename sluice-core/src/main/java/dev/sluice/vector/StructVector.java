package dev.sluice.vector;

import dev.sluice.types.Row;
import dev.sluice.types.StructType;

/**
 * Flat struct values: one child vector per field, aligned with the rows (a null struct still has a
 * slot, null, in each child). Build a row by appending to every child, then {@link #finishRow()}.
 */
public final class StructVector extends FlatVector {
    private final FlatVector[] children;

    public StructVector(StructType type, FlatVector[] children, int capacity) {
        super(type, capacity);
        this.children = children;
    }

    @Override public ColumnVector child(int field) { return children[field]; }

    public FlatVector writableChild(int field) { return children[field]; }

    public int fieldCount() { return children.length; }

    /** Closes a row whose fields were appended to the children directly. */
    public void finishRow() {
        ensureCapacity(size + 1);
        size++;
    }

    /** Closes {@code count} rows whose fields were appended to the children directly (bulk builders). */
    public void finishRows(int count) {
        ensureCapacity(size + count);
        size += count;
    }

    /**
     * Closes rows {@code [from, to)} of a bulk builder whose fields were appended to the children directly, row i null
     * where {@code nulls[i]}; the children must hold a null at every such row, as {@link #appendNull} leaves them.
     */
    public void finishRows(boolean[] nulls, int from, int to) {
        int n = to - from;
        ensureCapacity(size + n);
        markNulls(nulls, from, to);
        size += n;
    }

    @Override protected void appendNullSlot() {
        for (FlatVector child : children) child.appendNull();
    }

    @Override public void appendFrom(ColumnVector source, int row) {
        if (source.isNull(row)) {
            appendNull();
            return;
        }
        for (int f = 0; f < children.length; f++) children[f].appendFrom(source.child(f), row);
        finishRow();
    }

    @Override public void appendObject(Object value) {
        if (value == null) {
            appendNull();
            return;
        }
        Row row = (Row) value;
        for (int f = 0; f < children.length; f++) children[f].appendObject(row.get(f));
        finishRow();
    }

    @Override protected void grow(int newCapacity) { }

    @Override protected void clearValues() { for (FlatVector c : children) c.clear(); }

    @Override protected void trimValues() { for (FlatVector c : children) c.trimToSize(); }
}
