package dev.sluice.vector;

import dev.sluice.types.DataType;

import java.util.Arrays;

/** Flat float values. */
public final class FloatVector extends FlatVector {
    private float[] values;

    public FloatVector(DataType type, int capacity) {
        super(type, capacity);
        this.values = new float[this.capacity];
    }

    @Override public float getFloat(int row) { return values[row]; }

    /** The backing array; rows [0, size()) are valid. */
    public float[] values() { return values; }

    public void append(float value) {
        ensureCapacity(size + 1);
        values[size++] = value;
    }

    /** Sets the value of a row already appended (used by operators filling a fresh vector). */
    public void set(int row, float value) { values[row] = value; }

    @Override public void appendFrom(ColumnVector source, int row) {
        if (source.isNull(row)) appendNull();
        else append(source.getFloat(row));
    }

    @Override public void appendObject(Object value) {
        if (value == null) appendNull();
        else append(((Number) value).floatValue());
    }

    @Override protected void appendNullSlot() { values[size] = 0; }

    @Override protected void grow(int newCapacity) { values = Arrays.copyOf(values, newCapacity); }
}
