package dev.sluice.vector;

import java.math.BigDecimal;

/** A view whose row i is row {@link #map(int)} of a base vector; every getter forwards. */
abstract class MappedVector extends ColumnVector {
    protected final ColumnVector base;

    MappedVector(ColumnVector base) {
        super(base.type());
        this.base = base;
    }

    abstract int map(int row);

    /** The same mapping over another base (used for struct children). */
    abstract ColumnVector remap(ColumnVector otherBase);

    @Override public boolean isNull(int row) { return base.isNull(map(row)); }
    @Override public boolean mayHaveNulls() { return base.mayHaveNulls(); }
    @Override public boolean getBoolean(int row) { return base.getBoolean(map(row)); }
    @Override public int getInt(int row) { return base.getInt(map(row)); }
    @Override public long getLong(int row) { return base.getLong(map(row)); }
    @Override public float getFloat(int row) { return base.getFloat(map(row)); }
    @Override public double getDouble(int row) { return base.getDouble(map(row)); }
    @Override public BigDecimal getDecimal(int row) { return base.getDecimal(map(row)); }
    @Override public byte[] bytesArray(int row) { return base.bytesArray(map(row)); }
    @Override public int bytesStart(int row) { return base.bytesStart(map(row)); }
    @Override public int bytesLength(int row) { return base.bytesLength(map(row)); }
    @Override public int arrayOffset(int row) { return base.arrayOffset(map(row)); }
    @Override public int arrayLength(int row) { return base.arrayLength(map(row)); }
    @Override public ColumnVector elements() { return base.elements(); }
    @Override public ColumnVector mapValues() { return base.mapValues(); }
    @Override public ColumnVector child(int field) { return remap(base.child(field)); }
}
