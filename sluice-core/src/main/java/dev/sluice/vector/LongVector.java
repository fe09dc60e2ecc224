package dev.sluice.vector;

import dev.sluice.types.DataType;

import java.util.Arrays;

/** Flat bigint (and timestamp: microseconds since the epoch) values. */
public final class LongVector extends FlatVector {
    private long[] values;

    public LongVector(DataType type, int capacity) {
        super(type, capacity);
        this.values = new long[this.capacity];
    }

    @Override public long getLong(int row) { return values[row]; }

    /** The backing array; rows [0, size()) are valid. */
    public long[] values() { return values; }

    public void append(long value) {
        ensureCapacity(size + 1);
        values[size++] = value;
    }

    /** Sets the value of a row already appended (used by operators filling a fresh vector). */
    public void set(int row, long value) { values[row] = value; }

    @Override public void appendFrom(ColumnVector source, int row) {
        if (source.isNull(row)) appendNull();
        else append(source.getLong(row));
    }

    @Override public void appendObject(Object value) {
        if (value == null) appendNull();
        else if (value instanceof java.time.Instant instant) append(Timestamps.toMicros(instant));
        else append(((Number) value).longValue());
    }

    @Override protected void appendNullSlot() { values[size] = 0; }

    @Override protected void grow(int newCapacity) { values = Arrays.copyOf(values, newCapacity); }
}
