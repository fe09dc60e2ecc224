package dev.sluice.vector;

/** Rows {@code [offset, offset + length)} of a base vector, without copying. */
public final class SliceVector extends MappedVector {
    private final int offset;
    private final int length;

    SliceVector(ColumnVector base, int offset, int length) {
        super(base);
        if (offset < 0 || length < 0 || offset + length > base.size()) {
            throw new IndexOutOfBoundsException("slice [" + offset + ", " + (offset + length) + ") of " + base.size() + " rows");
        }
        this.offset = offset;
        this.length = length;
    }

    @Override int map(int row) { return offset + row; }

    @Override ColumnVector remap(ColumnVector otherBase) { return new SliceVector(otherBase, offset, length); }

    @Override public int size() { return length; }

    @Override public Encoding encoding() { return Encoding.SLICE; }

    @Override public ColumnVector slice(int from, int count) {
        return count == length && from == 0 ? this : new SliceVector(base, offset + from, count);
    }
}
