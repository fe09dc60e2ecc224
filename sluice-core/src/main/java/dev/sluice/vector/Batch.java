package dev.sluice.vector;

import java.util.Arrays;

/**
 * Up to {@link #DEFAULT_SIZE} rows of a partition as column vectors, one per output column. Immutable:
 * {@link #select} and {@link #slice} return views sharing the vectors.
 */
public final class Batch {
    public static final int DEFAULT_SIZE = 4096;

    private final ColumnVector[] columns;
    private final int rowCount;

    public Batch(ColumnVector[] columns, int rowCount) {
        for (ColumnVector c : columns) {
            if (c.size() != rowCount) {
                throw new IllegalArgumentException("column of " + c.size() + " rows in a batch of " + rowCount);
            }
        }
        this.columns = columns;
        this.rowCount = rowCount;
    }

    /** A batch of rows with no columns (what count() and column-less scans carry). */
    public static Batch ofRowCount(int rowCount) { return new Batch(new ColumnVector[0], rowCount); }

    public int rowCount() { return rowCount; }

    public int columnCount() { return columns.length; }

    public ColumnVector column(int i) { return columns[i]; }

    public ColumnVector[] columns() { return columns.clone(); }

    /** The rows {@code ids[0..count)}, in that order, as views. */
    public Batch select(int[] ids, int count) {
        if (count == rowCount) return this;
        ColumnVector[] out = new ColumnVector[columns.length];
        for (int i = 0; i < out.length; i++) out[i] = columns[i].select(ids, count);
        return new Batch(out, count);
    }

    public Batch slice(int offset, int length) {
        if (offset == 0 && length == rowCount) return this;
        ColumnVector[] out = new ColumnVector[columns.length];
        for (int i = 0; i < out.length; i++) out[i] = columns[i].slice(offset, length);
        return new Batch(out, length);
    }

    @Override public String toString() {
        return "Batch[" + rowCount + " rows, " + Arrays.toString(columns) + "]";
    }
}
