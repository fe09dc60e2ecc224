package dev.sluice.connect;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.DecimalVector;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteOrder;

/**
 * Decimal values in and out of Arrow's 128-bit little-endian decimal vectors. A value whose unscaled form fits a
 * long (every decimal of at most 18 digits) is written as that long, sign-extended into the 16 bytes, and read back
 * from the two halves of its slot: no BigInteger or byte-array reversal per value, which Arrow's BigDecimal setter
 * and getter do. Anything wider goes through those.
 */
final class ArrowDecimals {
    private ArrowDecimals() {}

    /** The halves of a slot are read as native longs: only where that is Arrow's little-endian order. */
    static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    /** Sets row {@code i} to {@code value} at the vector's scale (an error if that would need rounding, as before). */
    static void set(DecimalVector v, int i, BigDecimal value) {
        int scale = v.getScale();
        if (value.scale() == scale && value.precision() <= 18) {
            v.setSafe(i, dev.sluice.vector.DecimalVector.unscaledOf(value, scale));   // compact: no BigInteger
        } else {
            v.setSafe(i, value.setScale(scale, RoundingMode.UNNECESSARY));
        }
    }

    /** Row {@code i} (not null) as a BigDecimal at the vector's scale. */
    static BigDecimal get(DecimalVector v, int i) {
        if (LITTLE_ENDIAN) {
            ArrowBuf data = v.getDataBuffer();
            long offset = (long) i * DecimalVector.TYPE_WIDTH;
            long low = data.getLong(offset), high = data.getLong(offset + 8);
            if (high == low >> 63) return BigDecimal.valueOf(low, v.getScale());   // the value fits a long
        }
        return v.getObject(i);
    }
}
