package dev.sluice.vector;

import dev.sluice.types.ArrayType;

import java.util.Arrays;
import java.util.List;

/**
 * Flat array values: row i holds elements {@code [end(i-1), end(i))} of one elements vector.
 * Build a row by appending its elements to {@link #writableElements()}, then {@link #finishRow()}.
 */
public final class ArrayVector extends FlatVector {
    private final FlatVector elements;
    private int[] ends;

    public ArrayVector(ArrayType type, FlatVector elements, int capacity) {
        super(type, capacity);
        this.elements = elements;
        this.ends = new int[this.capacity];
    }

    private ArrayVector(ArrayType type, FlatVector elements, int[] ends) {
        super(type, ends.length);
        this.elements = elements;
        this.ends = ends;
    }

    /**
     * A vector of {@code rows} rows over a builder's finished end offsets, taken as they are instead of copied: row i
     * holds {@code elements} {@code [ends[i-1], ends[i])} (a null row's end is the previous end), null where
     * {@code nulls[i]}. The caller gives up {@code ends} and {@code elements}.
     */
    public static ArrayVector adopt(ArrayType type, FlatVector elements, int[] ends, boolean[] nulls, int rows) {
        if (rows > 0 && ends[rows - 1] != elements.size()) throw new IllegalArgumentException("ends past the elements");
        ArrayVector v = new ArrayVector(type, elements, ends);
        v.adoptRows(nulls, rows);
        return v;
    }

    @Override public int arrayOffset(int row) { return row == 0 ? 0 : ends[row - 1]; }

    @Override public int arrayLength(int row) { return ends[row] - arrayOffset(row); }

    @Override public ColumnVector elements() { return elements; }

    /** The end offsets, read-only: row i holds elements {@code [ends[i-1], ends[i])} (0 for i = 0); a null row's end is the previous end. */
    public int[] endOffsets() { return ends; }

    public FlatVector writableElements() { return elements; }

    public void finishRow() {
        ensureCapacity(size + 1);
        ends[size++] = elements.size();
    }

    /**
     * Closes rows whose elements were appended directly, row i ending at {@code elementEnds[i] + shift} for i in
     * [from, to) (bulk builders).
     */
    public void finishRows(int[] elementEnds, int from, int to, int shift) {
        ensureCapacity(size + to - from);
        for (int i = from; i < to; i++) ends[size++] = elementEnds[i] + shift;
    }

    @Override protected void appendNullSlot() { ends[size] = elements.size(); }

    @Override public void appendFrom(ColumnVector source, int row) {
        if (source.isNull(row)) {
            appendNull();
            return;
        }
        ColumnVector sourceElements = source.elements();
        int offset = source.arrayOffset(row), length = source.arrayLength(row);
        for (int i = 0; i < length; i++) elements.appendFrom(sourceElements, offset + i);
        finishRow();
    }

    @Override public void appendObject(Object value) {
        if (value == null) {
            appendNull();
            return;
        }
        for (Object element : (List<?>) value) elements.appendObject(element);
        finishRow();
    }

    @Override protected void grow(int newCapacity) { ends = Arrays.copyOf(ends, newCapacity); }

    @Override protected void clearValues() { elements.clear(); }

    @Override protected void trimValues() { elements.trimToSize(); }
}
