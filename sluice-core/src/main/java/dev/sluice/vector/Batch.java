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
        return gather(ids, count);
    }

    /**
     * The rows {@code ids[0..count)}, in that order, any row any number of times (an explode repeating its
     * parent rows), as views. Columns that are views through one selection (a filter's, shared by all its
     * columns) get one composed selection between them instead of one each.
     */
    public Batch gather(int[] ids, int count) {
        ColumnVector[] out = new ColumnVector[columns.length];
        int[] sharedIds = null, composed = null;
        for (int i = 0; i < out.length; i++) {
            if (columns[i] instanceof DictionaryVector d) {
                if (d.ids() != sharedIds) {
                    sharedIds = d.ids();
                    composed = compose(sharedIds, ids, count);
                }
                out[i] = new DictionaryVector(d.base(), composed, count);
            } else {
                out[i] = columns[i].select(ids, count);
            }
        }
        return new Batch(out, count);
    }

    /**
     * The selection every column is a view through (a filter's: each column a {@link DictionaryVector} with one ids
     * array), or null when some column is not, or they do not share it, or there are no columns. With it, a caller that
     * repeats rows (an explode) can write the selected rows itself and wrap them with {@link #throughSelection},
     * instead of {@link #gather} composing them in a second loop.
     */
    public int[] sharedSelection() {
        int[] shared = null;
        for (ColumnVector c : columns) {
            if (!(c instanceof DictionaryVector d) || (shared != null && d.ids() != shared)) return null;
            shared = d.ids();
        }
        return shared;
    }

    /**
     * The rows of the columns' shared base vectors listed in {@code baseRows[0..count)}, as views: what {@link #gather}
     * returns for {@code ids} when {@code baseRows[r] == sharedSelection()[ids[r]]}. Only for a batch with a
     * {@link #sharedSelection}.
     */
    public Batch throughSelection(int[] baseRows, int count) {
        ColumnVector[] out = new ColumnVector[columns.length];
        for (int i = 0; i < out.length; i++) out[i] = new DictionaryVector(((DictionaryVector) columns[i]).base(), baseRows, count);
        return new Batch(out, count);
    }

    /**
     * {@code selection[ids[r]]} for r in [0, count). A method of its own, so that the JIT compiles this loop alone
     * rather than {@link #gather} with every column's {@code select} inlined around it.
     */
    private static int[] compose(int[] selection, int[] ids, int count) {
        int[] composed = new int[count];
        for (int r = 0; r < count; r++) composed[r] = selection[ids[r]];
        return composed;
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
