package dev.sluice.vector;

import dev.sluice.types.DataType;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Flat string (UTF-8) or binary values: one byte buffer plus end offsets. */
public final class BytesVector extends FlatVector {
    private int[] ends;
    private byte[] data;
    private int dataSize;

    public BytesVector(DataType type, int capacity) {
        this(type, capacity, capacity * 16);
    }

    public BytesVector(DataType type, int capacity, int byteCapacity) {
        super(type, capacity);
        this.ends = new int[this.capacity];
        this.data = new byte[Math.max(byteCapacity, 16)];
    }

    private BytesVector(DataType type, byte[] data, int[] ends) {
        super(type, ends.length);
        this.ends = ends;
        this.data = data;
    }

    /**
     * A vector of {@code rows} rows over a builder's finished buffers, taken as they are instead of copied:
     * {@code data[0, dataSize)} with end offsets {@code ends} (laid out as this class keeps them; a null row's end is
     * the previous end), row i null where {@code nulls[i]} ({@code nulls} may be null: none). The caller gives up
     * {@code data} and {@code ends}.
     */
    public static BytesVector adopt(DataType type, byte[] data, int dataSize, int[] ends, boolean[] nulls, int rows) {
        if (ends.length < 4 || rows > ends.length || dataSize > data.length) throw new IllegalArgumentException("buffers too small");
        BytesVector v = new BytesVector(type, data, ends);
        v.dataSize = dataSize;
        if (nulls != null) v.markNulls(nulls, 0, rows);
        v.size = rows;
        return v;
    }

    @Override public byte[] bytesArray(int row) { return data; }

    @Override public int bytesStart(int row) { return row == 0 ? 0 : ends[row - 1]; }

    @Override public int bytesLength(int row) { return ends[row] - (row == 0 ? 0 : ends[row - 1]); }

    @Override protected void clearValues() { dataSize = 0; }

    @Override protected void trimValues() {
        if (data.length > Math.max(dataSize, 16)) data = Arrays.copyOf(data, Math.max(dataSize, 16));
    }

    public void append(byte[] bytes, int offset, int length) {
        ensureCapacity(size + 1);
        ensureBytes(length);
        System.arraycopy(bytes, offset, data, dataSize, length);
        dataSize += length;
        ends[size++] = dataSize;
    }

    public void append(byte[] bytes) { append(bytes, 0, bytes.length); }

    public void append(String value) { append(value.getBytes(StandardCharsets.UTF_8)); }

    /**
     * Appends a value written directly into the buffer: call {@link #reserve}, write into
     * {@link #buffer()} from {@link #writePosition()}, then {@link #commit} the number of bytes written.
     */
    public void reserve(int bytes) { ensureBytes(bytes); }

    public byte[] buffer() { return data; }

    public int writePosition() { return dataSize; }

    public void commit(int written) {
        ensureCapacity(size + 1);
        dataSize += written;
        ends[size++] = dataSize;
    }

    @Override public void appendFrom(ColumnVector source, int row) {
        if (source.isNull(row)) appendNull();
        else append(source.bytesArray(row), source.bytesStart(row), source.bytesLength(row));
    }

    /** As the per-row path, with room made once and the bytes copied straight from a flat source's buffer. */
    @Override public void appendRows(ColumnVector source, int[] rows, int from, int to) {
        FlatRows flat = FlatRows.of(source);
        if (flat == null || !(flat.base() instanceof BytesVector base) || !flat.noNulls()) {
            super.appendRows(source, rows, from, to);
            return;
        }
        int[] srcEnds = base.ends;
        byte[] src = base.data;
        long bytes = 0;
        for (int i = from; i < to; i++) {
            int r = flat.row(rows[i]);
            bytes += srcEnds[r] - (r == 0 ? 0 : srcEnds[r - 1]);
        }
        if (bytes > Integer.MAX_VALUE - 16) throw new IllegalStateException("string vector over 2 GB");
        ensureCapacity(size + to - from);
        ensureBytes((int) bytes);
        byte[] dst = data;
        int at = dataSize, n = size;
        for (int i = from; i < to; i++) {
            int r = flat.row(rows[i]);
            int start = r == 0 ? 0 : srcEnds[r - 1], length = srcEnds[r] - start;
            System.arraycopy(src, start, dst, at, length);
            at += length;
            ends[n++] = at;
        }
        dataSize = at;
        size = n;
    }

    /** As the per-row path, with room made once and the bytes copied straight from the sources' buffers. */
    @Override public void appendInterleaved(ColumnVector[] sources, int[] which, int[] rows, int n) {
        int count = 0;
        for (int i = 0; i < n; i++) count = Math.max(count, which[i] + 1);
        if (!flatWithoutNulls(sources, count, BytesVector.class)) {
            super.appendInterleaved(sources, which, rows, n);
            return;
        }
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            int[] e = ((BytesVector) sources[which[i]]).ends;
            int r = rows[i];
            bytes += e[r] - (r == 0 ? 0 : e[r - 1]);
        }
        if (bytes > Integer.MAX_VALUE - 16) throw new IllegalStateException("string vector over 2 GB");
        ensureCapacity(size + n);
        ensureBytes((int) bytes);
        byte[] dst = data;
        int at = dataSize, out = size;
        for (int i = 0; i < n; i++) {
            BytesVector src = (BytesVector) sources[which[i]];
            int r = rows[i];
            int start = r == 0 ? 0 : src.ends[r - 1], length = src.ends[r] - start;
            System.arraycopy(src.data, start, dst, at, length);
            at += length;
            ends[out++] = at;
        }
        dataSize = at;
        size = out;
    }

    @Override public void appendObject(Object value) {
        if (value == null) appendNull();
        else if (value instanceof byte[] b) append(b);
        else if (value instanceof dev.sluice.types.CalendarInterval ci) append(ci.toBytes());
        else append(value.toString());
    }

    /**
     * Appends rows [from, to) of a buffer laid out as this one ({@code data} with end offsets {@code ends}, the
     * first row starting at 0) in one copy, row i null where {@code nulls[i]} (builders' bulk path).
     */
    public void appendAll(byte[] src, int[] srcEnds, boolean[] nulls, int from, int to) {
        int n = to - from;
        ensureCapacity(size + n);
        int start = from == 0 ? 0 : srcEnds[from - 1];
        int bytes = (to == 0 ? 0 : srcEnds[to - 1]) - start;
        ensureBytes(bytes);
        System.arraycopy(src, start, data, dataSize, bytes);
        int shift = dataSize - start;
        for (int i = from; i < to; i++) {   // one pass for the ends and the null bits (markNulls was a second)
            ends[size + i - from] = srcEnds[i] + shift;
            if (nulls[i]) markNull(size + i - from);
        }
        dataSize += bytes;
        size += n;
    }

    @Override protected void appendNullSlot() { ends[size] = dataSize; }

    @Override protected void grow(int newCapacity) { ends = Arrays.copyOf(ends, newCapacity); }

    private void ensureBytes(int extra) {
        long needed = (long) dataSize + extra;
        if (needed > data.length) {
            if (needed > Integer.MAX_VALUE - 16) throw new IllegalStateException("string vector over 2 GB");
            data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(needed, data.length * 2L)));
        }
    }
}
