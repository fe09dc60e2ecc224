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
    private final int[] rows;    // null: row i reads offset + step * i
    private final int offset;
    private final int step;      // 1, or 0 for a constant (every row reads one row, no array)
    private final int size;

    private FlatRows(FlatVector base, int[] rows, int offset, int step, int size) {
        this.base = base;
        this.rows = rows;
        this.offset = offset;
        this.step = step;
        this.size = size;
    }

    /** {@code v} resolved to its flat base, or null when it is not a stack of views over a flat vector. */
    public static FlatRows of(ColumnVector v) {
        int n = v.size();
        int[] rows = null;   // a selection's own ids (read-only) until a lower level maps them: then our copy
        boolean owned = false;
        int offset = 0, step = 1;
        ColumnVector at = v;
        while (!(at instanceof FlatVector)) {
            if (!(at instanceof SliceVector || at instanceof DictionaryVector || at instanceof ConstantVector)) return null;
            MappedVector m = (MappedVector) at;
            if (rows != null) {
                if (!owned) {
                    rows = java.util.Arrays.copyOf(rows, n);
                    owned = true;
                }
                if (at instanceof SliceVector) {
                    int shift = m.map(0);
                    for (int i = 0; i < n; i++) rows[i] += shift;
                } else {
                    for (int i = 0; i < n; i++) rows[i] = m.map(rows[i]);
                }
            } else if (step == 0 || at instanceof ConstantVector) {
                offset = m.map(offset);   // every row reads the same row
                step = 0;
            } else if (at instanceof SliceVector) {
                offset = m.map(offset);   // still a range
            } else if (offset == 0) {
                rows = ((DictionaryVector) at).ids();   // the common case, a filter's selection: no copy
            } else {
                rows = java.util.Arrays.copyOfRange(((DictionaryVector) at).ids(), offset, offset + n);
                owned = true;
            }
            at = m.base;
        }
        return new FlatRows((FlatVector) at, rows, offset, step, n);
    }

    /** The flat vector holding the values. */
    public FlatVector base() { return base; }

    /** The number of rows of the resolved vector. */
    public int size() { return size; }

    /** The row of {@link #base} that row {@code i} reads. */
    public int row(int i) { return rows == null ? offset + step * i : rows[i]; }

    /** True when row {@code i} is null. */
    public boolean isNull(int i) { return base.isNull(row(i)); }

    /** True when no row can be null. */
    public boolean noNulls() { return !base.mayHaveNulls(); }

    /** True when every row reads one row of the base (a constant). */
    public boolean constant() { return rows == null && step == 0; }

    /** The base row of each row as an array (read-only), or null when the rows are a range or a constant. */
    public int[] ids() { return rows; }

    /** The base rows as an array {@code [0, size)}; read-only (a fresh array unless a selection made one). */
    public int[] rowArray() {
        if (rows != null) return rows;
        int[] out = new int[size];
        for (int i = 0; i < size; i++) out[i] = offset + step * i;
        return out;
    }
}
