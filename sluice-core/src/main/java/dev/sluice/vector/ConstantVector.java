package dev.sluice.vector;

import dev.sluice.types.DataType;

/** One value repeated {@code size} times: a view of row 0 of a one-row vector. */
public final class ConstantVector extends MappedVector {
    private final int size;

    private ConstantVector(ColumnVector single, int size) {
        super(single);
        this.size = size;
    }

    /** {@code value} as a Java value of {@code type} (see {@link dev.sluice.types.Row}), null for NULL. */
    public static ConstantVector of(DataType type, Object value, int size) {
        FlatVector single = Vectors.allocate(type, 1);
        single.appendObject(value);
        return new ConstantVector(single, size);
    }

    /** Row {@code row} of {@code source}, repeated. */
    public static ConstantVector repeat(ColumnVector source, int row, int size) {
        FlatVector single = Vectors.allocate(source.type(), 1);
        single.appendFrom(source, row);
        return new ConstantVector(single, size);
    }

    @Override int map(int row) { return 0; }

    @Override ColumnVector remap(ColumnVector otherBase) { return new ConstantVector(otherBase, size); }

    @Override public int size() { return size; }

    @Override public Encoding encoding() { return Encoding.CONSTANT; }

    public boolean isNullConstant() { return base.isNull(0); }

    @Override public ColumnVector slice(int offset, int length) { return new ConstantVector(base, length); }

    @Override public ColumnVector select(int[] ids, int count) { return new ConstantVector(base, count); }
}
