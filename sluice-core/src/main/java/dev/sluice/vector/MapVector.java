package dev.sluice.vector;

import dev.sluice.types.MapType;

import java.util.Arrays;
import java.util.Map;

/**
 * Flat map values: row i holds entries {@code [end(i-1), end(i))} of a keys vector and a values vector.
 * Build a row by appending to both, then {@link #finishRow()}.
 */
public final class MapVector extends FlatVector {
    private final FlatVector keys;
    private final FlatVector values;
    private int[] ends;

    public MapVector(MapType type, FlatVector keys, FlatVector values, int capacity) {
        super(type, capacity);
        this.keys = keys;
        this.values = values;
        this.ends = new int[this.capacity];
    }

    @Override public int arrayOffset(int row) { return row == 0 ? 0 : ends[row - 1]; }

    @Override public int arrayLength(int row) { return ends[row] - arrayOffset(row); }

    @Override public ColumnVector elements() { return keys; }

    @Override public ColumnVector mapValues() { return values; }

    public FlatVector writableKeys() { return keys; }

    public FlatVector writableValues() { return values; }

    public void finishRow() {
        ensureCapacity(size + 1);
        ends[size++] = keys.size();
    }

    @Override protected void appendNullSlot() { ends[size] = keys.size(); }

    @Override public void appendFrom(ColumnVector source, int row) {
        if (source.isNull(row)) {
            appendNull();
            return;
        }
        ColumnVector sourceKeys = source.elements(), sourceValues = source.mapValues();
        int offset = source.arrayOffset(row), length = source.arrayLength(row);
        for (int i = 0; i < length; i++) {
            keys.appendFrom(sourceKeys, offset + i);
            values.appendFrom(sourceValues, offset + i);
        }
        finishRow();
    }

    @Override public void appendObject(Object value) {
        if (value == null) {
            appendNull();
            return;
        }
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
            keys.appendObject(e.getKey());
            values.appendObject(e.getValue());
        }
        finishRow();
    }

    @Override protected void grow(int newCapacity) { ends = Arrays.copyOf(ends, newCapacity); }

    @Override protected void clearValues() {
        keys.clear();
        values.clear();
    }

    @Override protected void trimValues() {
        keys.trimToSize();
        values.trimToSize();
    }
}
