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
