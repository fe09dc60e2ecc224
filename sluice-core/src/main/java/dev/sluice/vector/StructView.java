package dev.sluice.vector;

import dev.sluice.types.StructType;

/** A non-null struct column made of existing column vectors, without copying them ({@code struct(a, b)}). */
public final class StructView extends ColumnVector {
    private final ColumnVector[] children;
    private final int size;

    public StructView(StructType type, ColumnVector[] children, int size) {
        super(type);
        this.children = children.clone();
        this.size = size;
    }

    @Override public int size() { return size; }

    @Override public Encoding encoding() { return Encoding.FLAT; }

    @Override public boolean isNull(int row) { return false; }

    @Override public boolean mayHaveNulls() { return false; }

    @Override public ColumnVector child(int field) { return children[field]; }
}
