package dev.sluice.types;

/** Fixed-point decimal with {@code precision} digits, {@code scale} of them after the point (Spark: max 38). */
public record DecimalType(int precision, int scale) implements DataType {
    public static final int MAX_PRECISION = 38;
    public static final DecimalType SYSTEM_DEFAULT = new DecimalType(38, 18);
    public static final DecimalType USER_DEFAULT = new DecimalType(10, 0);
    /** The most digits whose every unscaled value fits a long (Spark's Decimal.MAX_LONG_DIGITS). */
    public static final int MAX_LONG_DIGITS = 18;

    public DecimalType {
        if (precision < 1 || precision > MAX_PRECISION) {
            throw new IllegalArgumentException("decimal precision must be in 1.." + MAX_PRECISION + ", got " + precision);
        }
        if (scale < 0 || scale > precision) {
            throw new IllegalArgumentException("decimal scale must be in 0.." + precision + ", got " + scale);
        }
    }

    /** Spark's bounded constructor: clamps precision to 38 (used by type coercion). */
    public static DecimalType bounded(int precision, int scale) {
        return new DecimalType(Math.min(precision, MAX_PRECISION), Math.min(scale, Math.min(precision, MAX_PRECISION)));
    }

    /** True when values are held as unscaled longs (precision at most {@link #MAX_LONG_DIGITS}), not BigDecimal. */
    public boolean fitsInLong() { return precision <= MAX_LONG_DIGITS; }

    @Override public String simpleString() { return "decimal(" + precision + "," + scale + ")"; }
    @Override public String sql() { return "DECIMAL(" + precision + "," + scale + ")"; }
    @Override public String toString() { return simpleString(); }
}
