package dev.sluice.vector;

/**
 * Row i is row {@code ids[i]} of {@code base}: a dictionary-encoded column, or the rows a filter kept.
 * Selecting from a dictionary vector composes the ids instead of stacking views.
 */
public final class DictionaryVector extends MappedVector {
    private final int[] ids;
    private final int count;

    public DictionaryVector(ColumnVector base, int[] ids, int count) {
        super(base);
        this.ids = ids;
        this.count = count;
    }

    @Override int map(int row) { return ids[row]; }

    /** The base row of each row (read-only; at least {@link #size} long). */
    int[] ids() { return ids; }

    @Override ColumnVector remap(ColumnVector otherBase) { return new DictionaryVector(otherBase, ids, count); }

    @Override public int size() { return count; }

    @Override public Encoding encoding() { return Encoding.DICTIONARY; }

    public ColumnVector base() { return base; }

    @Override public ColumnVector select(int[] rows, int n) {
        int[] composed = new int[n];
        for (int i = 0; i < n; i++) composed[i] = ids[rows[i]];
        return new DictionaryVector(base, composed, n);
    }
}
