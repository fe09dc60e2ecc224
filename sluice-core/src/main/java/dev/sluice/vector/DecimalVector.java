package dev.sluice.vector;

import dev.sluice.error.SluiceException;
import dev.sluice.types.DecimalType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * Flat decimal values at the type's scale. A type of at most 18 digits ({@link DecimalType#fitsInLong()}) holds
 * each value as its unscaled long ({@code 12.34} in decimal(5,2) is 1234), read with {@link #getLong} or the array
 * {@link #unscaledValues()}; wider types hold BigDecimals. {@link #getDecimal} reads either form.
 */
public final class DecimalVector extends FlatVector {
    private final int scale;
    private final boolean compact;
    private long[] unscaled;         // compact: the values; else null
    private BigDecimal[] values;     // wide: the values; else null

    public DecimalVector(DecimalType type, int capacity) {
        super(type, capacity);
        this.scale = type.scale();
        this.compact = type.fitsInLong();
        if (compact) unscaled = new long[this.capacity];
        else values = new BigDecimal[this.capacity];
    }

    /** True when the values are unscaled longs (the type has at most 18 digits). */
    public boolean compact() { return compact; }

    /** The unscaled values of a compact vector; rows [0, size()) are valid, null rows hold 0. */
    public long[] unscaledValues() {
        if (!compact) throw unsupported("unscaledValues");
        return unscaled;
    }

    /** The unscaled value of a compact vector's row. */
    @Override public long getLong(int row) {
        if (!compact) throw unsupported("getLong");
        return unscaled[row];
    }

    @Override public BigDecimal getDecimal(int row) {
        return compact ? BigDecimal.valueOf(unscaled[row], scale) : values[row];
    }

    /** Appends a value already checked to fit the type's precision; its scale is set to the type's (HALF_UP). */
    public void append(BigDecimal value) {
        if (compact) {
            appendUnscaled(unscaledOf(value, scale));
            return;
        }
        ensureCapacity(size + 1);
        values[size++] = value.scale() == scale ? value : value.setScale(scale, RoundingMode.HALF_UP);
    }

    /** Appends the unscaled value of a compact vector's row (the value is {@code unscaled / 10^scale}). */
    public void appendUnscaled(long value) {
        if (!compact) {
            append(BigDecimal.valueOf(value, scale));
            return;
        }
        ensureCapacity(size + 1);
        unscaled[size++] = value;
    }

    /** Appends unscaled {@code src[from, to)} in one copy, row i null where {@code nulls[i]} (compact only). */
    public void appendAllUnscaled(long[] src, boolean[] nulls, int from, int to) {
        if (!compact) throw unsupported("appendAllUnscaled");
        int n = to - from;
        ensureCapacity(size + n);
        System.arraycopy(src, from, unscaled, size, n);
        for (int i = from; i < to; i++) {
            if (nulls[i]) unscaled[size + i - from] = 0;   // null slots hold the placeholder, as appendNull
        }
        markNulls(nulls, from, to);
        size += n;
    }

    /**
     * The unscaled long of {@code value} at {@code scale} (rounded HALF_UP); an internal error when it needs more
     * than a long, which a value checked against a type of at most 18 digits never does.
     */
    public static long unscaledOf(BigDecimal value, int scale) {
        BigDecimal scaled = value.scale() == scale ? value : value.setScale(scale, RoundingMode.HALF_UP);
        try {
            return scaled.scaleByPowerOfTen(scale).longValueExact();   // scale 0 and compact: no BigInteger
        } catch (ArithmeticException e) {
            throw SluiceException.internal("decimal " + value.toPlainString() + " does not fit an unscaled long");
        }
    }

    @Override public void appendFrom(ColumnVector source, int row) {
        if (source.isNull(row)) appendNull();
        else if (compact && source.type() instanceof DecimalType d && d.fitsInLong() && d.scale() == scale) {
            appendUnscaled(source.getLong(row));
        } else {
            append(source.getDecimal(row));
        }
    }

    @Override public void appendObject(Object value) {
        if (value == null) appendNull();
        else append(value instanceof BigDecimal d ? d : new BigDecimal(value.toString()));
    }

    @Override protected void appendNullSlot() {
        if (compact) unscaled[size] = 0;
        else values[size] = null;
    }

    @Override protected void grow(int newCapacity) {
        if (compact) unscaled = Arrays.copyOf(unscaled, newCapacity);
        else values = Arrays.copyOf(values, newCapacity);
    }

    @Override protected void clearValues() {
        if (!compact) Arrays.fill(values, null);
    }
}
