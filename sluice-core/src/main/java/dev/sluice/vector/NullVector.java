package dev.sluice.vector;

import dev.sluice.types.DataTypes;

/** A column of type void: every row is null. */
public final class NullVector extends FlatVector {
    public NullVector(int capacity) { super(DataTypes.NULL, capacity); }

    @Override public void appendFrom(ColumnVector source, int row) { appendNull(); }

    @Override public void appendObject(Object value) { appendNull(); }

    @Override protected void appendNullSlot() { }

    @Override protected void grow(int newCapacity) { }
}
