package dev.sluice.expr;

import dev.sluice.types.DecimalType;

/** Spark's result types for decimal arithmetic, with precision-loss adjustment (the default). */
public final class DecimalRules {
    private static final int MINIMUM_ADJUSTED_SCALE = 6;

    private DecimalRules() {}

    public static DecimalType add(DecimalType a, DecimalType b) {
        int scale = Math.max(a.scale(), b.scale());
        int range = Math.max(a.precision() - a.scale(), b.precision() - b.scale());
        return adjust(range + scale + 1, scale);
    }

    public static DecimalType multiply(DecimalType a, DecimalType b) {
        return adjust(a.precision() + b.precision() + 1, a.scale() + b.scale());
    }

    public static DecimalType divide(DecimalType a, DecimalType b) {
        int scale = Math.max(MINIMUM_ADJUSTED_SCALE, a.scale() + b.precision() + 1);
        int precision = a.precision() - a.scale() + b.scale() + scale;
        return adjust(precision, scale);
    }

    public static DecimalType remainder(DecimalType a, DecimalType b) {
        int scale = Math.max(a.scale(), b.scale());
        int precision = Math.min(a.precision() - a.scale(), b.precision() - b.scale()) + scale;
        return adjust(precision, scale);
    }

    /** The smallest decimal holding every value of an integral type (Spark's forType). */
    public static DecimalType forIntegral(dev.sluice.types.DataType t) {
        if (t instanceof dev.sluice.types.ByteType) return new DecimalType(3, 0);
        if (t instanceof dev.sluice.types.ShortType) return new DecimalType(5, 0);
        if (t instanceof dev.sluice.types.IntegerType) return new DecimalType(10, 0);
        if (t instanceof dev.sluice.types.LongType) return new DecimalType(20, 0);
        throw new IllegalArgumentException("not integral: " + t);
    }

    /** Spark's adjustPrecisionScale: keep the integral digits, give up scale down to 6. */
    static DecimalType adjust(int precision, int scale) {
        if (precision <= DecimalType.MAX_PRECISION) return new DecimalType(precision, scale);
        int integral = precision - scale;
        int minScale = Math.min(scale, MINIMUM_ADJUSTED_SCALE);
        int adjustedScale = Math.max(DecimalType.MAX_PRECISION - integral, minScale);
        return new DecimalType(DecimalType.MAX_PRECISION, adjustedScale);
    }
}
