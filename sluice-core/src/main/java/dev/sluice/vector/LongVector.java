package dev.sluice.vector;

import dev.sluice.types.DataType;

import java.util.Arrays;

/** Flat bigint values, and microseconds: timestamp and timestamp_ntz (since the epoch), day-time interval. */
public final class LongVector extends FlatVector {
    private long[] values;

    public LongVector(DataType type, int capacity) {
        super(type, capacity);
        this.values = new long[this.capacity];
    }

    private LongVector(DataType type, long[] values) {
        super(type, values.length);
        this.values = values;
    }

    /**
     * A vector of {@code rows} rows over a builder's finished array, taken as it is instead of copied, row i null where
     * {@code nulls[i]}; a null row's slot must hold the placeholder (0). The caller gives up {@code values}.
     */
    public static LongVector adopt(DataType type, long[] values, boolean[] nulls, int rows) {
        LongVector v = new LongVector(type, values);
        v.adoptRows(nulls, rows);
        return v;
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

    /** As the per-row path, reading a flat source's array directly. */
    @Override public void appendRows(ColumnVector source, int[] rows, int from, int to) {
        FlatRows flat = FlatRows.of(source);
        if (flat == null || !(flat.base() instanceof LongVector base) || !flat.noNulls()) {
            super.appendRows(source, rows, from, to);
            return;
        }
        ensureCapacity(size + to - from);
        long[] src = base.values, dst = values;
        int out = size;
        for (int i = from; i < to; i++) dst[out++] = src[flat.row(rows[i])];
        size = out;
    }

    /** As the per-row path, reading the sources' arrays directly. */
    @Override public void appendInterleaved(ColumnVector[] sources, int[] which, int[] rows, int n) {
        int count = 0;
        for (int i = 0; i < n; i++) count = Math.max(count, which[i] + 1);
        if (!flatWithoutNulls(sources, count, LongVector.class)) {
            super.appendInterleaved(sources, which, rows, n);
            return;
        }
        ensureCapacity(size + n);
        long[] dst = values;
        int out = size;
        for (int i = 0; i < n; i++) dst[out++] = ((LongVector) sources[which[i]]).values[rows[i]];
        size = out;
    }

    @Override public void appendObject(Object value) {
        if (value == null) appendNull();
        else if (value instanceof java.time.Instant instant) append(Timestamps.toMicros(instant));
        else if (value instanceof java.time.LocalDateTime ldt) append(Timestamps.toMicros(ldt));
        else if (value instanceof java.time.Duration duration) append(Intervals.toMicros(duration));
        else if (value instanceof java.time.LocalTime time) append(time.toNanoOfDay());
        else append(((Number) value).longValue());
    }

    /** Appends {@code src[from, to)} in one copy, row i null where {@code nulls[i]} (builders' bulk path). */
    public void appendAll(long[] src, boolean[] nulls, int from, int to) {
        int n = to - from;
        ensureCapacity(size + n);
        System.arraycopy(src, from, values, size, n);
        for (int i = from; i < to; i++) {   // one pass for the placeholders and the null bits (markNulls was a second)
            if (nulls[i]) {
                values[size + i - from] = 0;   // null slots hold the placeholder, as appendNull
                markNull(size + i - from);
            }
        }
        size += n;
    }

    /**
     * Appends {@code n} values stored little-endian in {@code bytes} from {@code offset} in one bulk copy, row i null where
     * {@code nulls[i]} ({@code nulls} may be null: none). A null's stored value must be the placeholder 0 (spill blocks).
     */
    public void appendLittleEndian(byte[] bytes, int offset, int n, boolean[] nulls) {
        ensureCapacity(size + n);
        java.nio.ByteBuffer.wrap(bytes, offset, 8 * n).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .asLongBuffer().get(values, size, n);
        if (nulls != null) markNulls(nulls, 0, n);
        size += n;
    }

    @Override protected void appendNullSlot() { values[size] = 0; }

    @Override protected void grow(int newCapacity) { values = Arrays.copyOf(values, newCapacity); }
}
