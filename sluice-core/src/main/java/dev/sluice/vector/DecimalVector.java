package dev.sluice.vector;

import dev.sluice.types.DecimalType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/** Flat decimal values, each held at the type's scale. */
public final class DecimalVector extends FlatVector {
    private BigDecimal[] values;
    private final int scale;

    public DecimalVector(DecimalType type, int capacity) {
        super(type, capacity);
        this.values = new BigDecimal[this.capacity];
        this.scale = type.scale();
    }

    @Override public BigDecimal getDecimal(int row) { return values[row]; }

    /** Appends a value already checked to fit the type's precision; its scale is set to the type's. */
    public void append(BigDecimal value) {
        ensureCapacity(size + 1);
        values[size++] = value.scale() == scale ? value : value.setScale(scale, RoundingMode.HALF_UP);
    }

    @Override public void appendFrom(ColumnVector source, int row) {
        if (source.isNull(row)) appendNull();
        else append(source.getDecimal(row));
    }

    @Override public void appendObject(Object value) {
        if (value == null) appendNull();
        else append(value instanceof BigDecimal d ? d : new BigDecimal(value.toString()));
    }

    @Override protected void appendNullSlot() { values[size] = null; }

    @Override protected void grow(int newCapacity) { values = Arrays.copyOf(values, newCapacity); }

    @Override protected void clearValues() { Arrays.fill(values, null); }
}
