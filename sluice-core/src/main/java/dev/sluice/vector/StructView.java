package dev.sluice.vector;

import dev.sluice.types.StructType;

/**
 * A struct column made of existing column vectors, without copying them: {@code struct(a, b)} (never null),
 * or a struct narrowed to some of its fields (null where {@code nulls} is null).
 */
public final class StructView extends ColumnVector {
    private final ColumnVector[] children;
    private final int size;
    private final ColumnVector nulls;

    public StructView(StructType type, ColumnVector[] children, int size) { this(type, children, size, null); }

    /** A struct whose row i is null when {@code nulls} row i is (children must be null there too). */
    public StructView(StructType type, ColumnVector[] children, int size, ColumnVector nulls) {
        super(type);
        this.children = children.clone();
        this.size = size;
        this.nulls = nulls;
    }

    /** {@code source} (a struct) keeping only the fields of {@code target}, matched by name, recursively. */
    public static ColumnVector narrow(ColumnVector source, dev.sluice.types.DataType target) {
        if (source.type().equals(target) || !(target instanceof StructType t) || !(source.type() instanceof StructType s)) {
            return source;
        }
        ColumnVector[] kids = new ColumnVector[t.size()];
        for (int i = 0; i < kids.length; i++) {
            kids[i] = narrow(source.child(s.indexOf(t.field(i).name())), t.field(i).dataType());
        }
        return new StructView(t, kids, source.size(), source);
    }

    @Override public int size() { return size; }

    @Override public Encoding encoding() { return Encoding.FLAT; }

    @Override public boolean isNull(int row) { return nulls != null && nulls.isNull(row); }

    @Override public boolean mayHaveNulls() { return nulls != null && nulls.mayHaveNulls(); }

    @Override public ColumnVector child(int field) { return children[field]; }
}
