package dev.sluice.expr.fn;

import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.vector.Vectors;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** XXH64 with seed 42 against Spark 4.1.1's xxhash64(...) (which hashes as its HyperLogLog++ does). */
class SparkHashesTest {
    private static long hash(DataType type, Object value) {
        return SparkHashes.xxhash64(type, Vectors.of(type, Arrays.asList(value)), 0, 42L);
    }

    @Test void matchesSparkForEachKindOfValue() {
        assertThat(hash(DataTypes.INT, 1)).isEqualTo(-6698625589789238999L);
        assertThat(hash(DataTypes.LONG, 1L)).isEqualTo(-7001672635703045582L);
        assertThat(hash(DataTypes.STRING, "abc")).isEqualTo(1423657621850124518L);
        assertThat(hash(DataTypes.STRING, "")).isEqualTo(-7444071767201028348L);
        assertThat(hash(DataTypes.STRING, "abcdefghijklmnopqrstuvwxyz0123456789")).isEqualTo(2724237963427677065L);
        assertThat(hash(DataTypes.DOUBLE, 1.5)).isEqualTo(7738255526519901366L);
        assertThat(hash(DataTypes.DOUBLE, -0.0)).isEqualTo(-5252525462095825812L);
        assertThat(hash(DataTypes.DOUBLE, 0.0)).isEqualTo(-5252525462095825812L);
        assertThat(hash(DataTypes.decimal(10, 2), new BigDecimal("1.50"))).isEqualTo(-6873856301616164681L);
        assertThat(hash(DataTypes.BOOLEAN, true)).isEqualTo(-6698625589789238999L);
        assertThat(hash(DataTypes.FLOAT, 1.0f)).isEqualTo(700633588856507837L);
    }

    @Test void nullKeepsTheSeed() {
        assertThat(hash(DataTypes.INT, null)).isEqualTo(42L);
    }
}
