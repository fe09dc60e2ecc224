package dev.sluice.expr.agg;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.DecimalType;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Precision checks of decimal aggregate results. */
final class Decimals {
    private Decimals() {}

    /**
     * Whether {@code value} (at {@code type}'s scale) has at most the type's integral digits. When it does not:
     * NUMERIC_VALUE_OUT_OF_RANGE under ANSI, else false (the caller returns NULL), as Spark.
     */
    static boolean fits(BigDecimal value, DecimalType type, boolean ansi, String what) {
        BigDecimal scaled = value.setScale(type.scale(), RoundingMode.HALF_UP);
        if (scaled.precision() - scaled.scale() <= type.precision() - type.scale() || scaled.signum() == 0) return true;
        if (ansi) {
            throw SluiceException.of(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE).with("value", scaled.toPlainString())
                    .with("type", type.simpleString() + " (in " + what + ")").build();
        }
        return false;
    }
}
