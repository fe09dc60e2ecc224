package dev.sluice.connect;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The long path of {@link ArrowDecimals} writes the bytes Arrow's BigDecimal setter writes and reads its values back. */
class ArrowDecimalsTest {
    /** Values of {@code precision} digits at {@code scale}: both ends, zero, ±1, the long's edges when they fit, random. */
    private static List<BigDecimal> values(int precision, int scale, SplittableRandom random) {
        BigInteger max = BigInteger.TEN.pow(precision).subtract(BigInteger.ONE);
        List<BigInteger> unscaled = new ArrayList<>(List.of(max, max.negate(), BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE.negate()));
        for (BigInteger edge : List.of(BigInteger.valueOf(Long.MAX_VALUE), BigInteger.valueOf(Long.MIN_VALUE))) {
            for (int d = -1; d <= 1; d++) {
                BigInteger u = edge.add(BigInteger.valueOf(d));
                if (u.abs().compareTo(max) <= 0) unscaled.add(u);
            }
        }
        for (int n = 0; n < 200; n++) {
            BigInteger u = new BigInteger(max.bitLength() + 1, new java.util.Random(random.nextLong())).mod(max.add(BigInteger.ONE));
            if (random.nextInt(3) == 0) u = u.divide(BigInteger.TEN.pow(random.nextInt(precision)));
            unscaled.add(random.nextBoolean() ? u : u.negate());
        }
        List<BigDecimal> out = new ArrayList<>();
        for (BigInteger u : unscaled) out.add(new BigDecimal(u, scale));
        return out;
    }

    @Test
    void writesArrowsBytesAndReadsTheValuesBackAtEveryPrecision() {
        SplittableRandom random = new SplittableRandom(31);
        try (BufferAllocator allocator = Allocators.root().newChildAllocator("test", 0, Long.MAX_VALUE)) {
            for (int precision = 1; precision <= 38; precision++) {
                for (int scale : new int[] {0, precision / 2, precision}) {
                    List<BigDecimal> values = values(precision, scale, random);
                    FieldType type = FieldType.nullable(new ArrowType.Decimal(precision, scale, 128));
                    try (DecimalVector ours = new DecimalVector("ours", type, allocator);
                         DecimalVector arrows = new DecimalVector("arrows", type, allocator)) {
                        for (int i = 0; i < values.size(); i++) {
                            ArrowDecimals.set(ours, i, values.get(i));
                            arrows.setSafe(i, values.get(i));
                        }
                        ours.setValueCount(values.size());
                        arrows.setValueCount(values.size());
                        for (int i = 0; i < values.size(); i++) {
                            assertThat(ours.get(i).nioBuffer()).as("(%d,%d) %s", precision, scale, values.get(i))
                                    .isEqualTo(arrows.get(i).nioBuffer());
                            assertThat(ArrowDecimals.get(arrows, i)).as("(%d,%d)", precision, scale).isEqualTo(arrows.getObject(i))
                                    .isEqualTo(values.get(i));
                        }
                    }
                }
            }
        }
    }

    @Test
    void aValueOfAnotherScaleIsSetOnlyWhenExact() {
        try (BufferAllocator allocator = Allocators.root().newChildAllocator("test", 0, Long.MAX_VALUE);
             DecimalVector v = new DecimalVector("v", FieldType.nullable(new ArrowType.Decimal(10, 2, 128)), allocator)) {
            ArrowDecimals.set(v, 0, new BigDecimal("-1.5"));
            v.setValueCount(1);
            assertThat(ArrowDecimals.get(v, 0)).isEqualTo(new BigDecimal("-1.50"));
            assertThatThrownBy(() -> ArrowDecimals.set(v, 1, new BigDecimal("1.234").setScale(3, RoundingMode.UNNECESSARY)))
                    .isInstanceOf(ArithmeticException.class);
        }
    }
}
