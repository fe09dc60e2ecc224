package dev.sluice.vector;

/**
 * A vector resolved, once per batch, to the flat vector holding its values and the row of that vector each
 * of its rows reads: {@code base.row(rows[i])}, or {@code offset + i} when {@code rows} is null. Views
 * (slices, selections a filter made, dictionaries, constants) stack; typed loops resolve the stack here
 * once and then read the base's arrays directly, instead of calling through each view for every row.
 * A vector whose values do not live in one flat vector (a custom view) does not resolve: {@link #of}
 * returns null and the caller keeps its generic path.
 */
public final class FlatRows {
    private final FlatVector base;
    private final int[] rows;
    private final int offset;
    private final int size;

    private FlatRows(FlatVector base, int[] rows, int offset, int size) {
        this.base = base;
        this.rows = rows;
        this.offset = offset;
        this.size = size;
    }

    /** {@code v} resolved to its flat base, or null when it is not a stack of views over a flat vector. */
    public static FlatRows of(ColumnVector v) {
        int n = v.size();
        int[] rows = null;   // null: identity shifted by offset
        int offset = 0;
        ColumnVector at = v;
        while (!(at instanceof FlatVector)) {
            if (at instanceof SliceVector s) {
                if (rows == null) offset += s.map(0);
                else for (int i = 0; i < n; i++) rows[i] = s.map(rows[i]);
            } else if (at instanceof ConstantVector || at instanceof DictionaryVector) {
                MappedVector m = (MappedVector) at;
                int[] next = new int[n];
                for (int i = 0; i < n; i++) next[i] = m.map(rows == null ? offset + i : rows[i]);
                rows = next;
                offset = 0;
            } else {
                return null;
            }
            at = ((MappedVector) at).base;
        }
        return new FlatRows((FlatVector) at, rows, offset, n);
    }

    /** The flat vector holding the values. */
    public FlatVector base() { return base; }

    /** The number of rows of the resolved vector. */
    public int size() { return size; }

    /** The row of {@link #base} that row {@code i} reads. */
    public int row(int i) { return rows == null ? offset + i : rows[i]; }

    /** True when row {@code i} is null. */
    public boolean isNull(int i) { return base.isNull(row(i)); }

    /** True when no row can be null. */
    public boolean noNulls() { return !base.mayHaveNulls(); }

    /** The base rows as an array {@code [0, size)} (a fresh array when the rows are a range). */
    public int[] rowArray() {
        if (rows != null) return rows;
        int[] out = new int[size];
        for (int i = 0; i < size; i++) out[i] = offset + i;
        return out;
    }
}
