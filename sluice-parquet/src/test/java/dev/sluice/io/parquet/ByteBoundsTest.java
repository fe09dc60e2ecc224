package dev.sluice.io.parquet;

import org.apache.parquet.column.statistics.BinaryStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ByteBounds#compare} reads eight bytes at a time: its sign must be {@link Arrays#compareUnsigned}'s for values
 * that differ in any byte (below and above 0x80), share a prefix, or end at their array's end; and the bounds it
 * keeps must be parquet-java's statistics of the same values.
 */
class ByteBoundsTest {
    @Test void compareHasTheSignOfArraysCompareUnsigned() {
        SplittableRandom random = new SplittableRandom(5);
        byte[] a = new byte[40];
        byte[] b = new byte[40];
        for (int round = 0; round < 200_000; round++) {
            int aLength = random.nextInt(30);
            int bLength = random.nextInt(30);
            int aStart = random.nextInt(a.length - aLength + 1);
            int bStart = random.nextInt(b.length - bLength + 1);
            random.nextBytes(a);
            int common = Math.min(aLength, bLength);
            int same = random.nextInt(common + 1);   // a shared prefix, often the whole shorter value
            if (random.nextBoolean()) same = common;
            System.arraycopy(a, aStart, b, bStart, same);
            if (same < common && random.nextInt(4) == 0) b[bStart + same] = (byte) (a[aStart + same] ^ 0x80);
            int expected = Integer.signum(Arrays.compareUnsigned(a, aStart, aStart + aLength, b, bStart, bStart + bLength));
            assertThat(Integer.signum(ByteBounds.compare(a, aStart, aLength, b, bStart, bLength)))
                    .as("round %d: %d bytes at %d against %d at %d", round, aLength, aStart, bLength, bStart).isEqualTo(expected);
            assertThat(Integer.signum(ByteBounds.compare(b, bStart, bLength, a, aStart, aLength))).isEqualTo(-expected);
        }
    }

    @Test void boundsAreTheStatisticsOfTheValuesOffered() {
        PrimitiveType type = Types.required(PrimitiveType.PrimitiveTypeName.BINARY).named("b");
        SplittableRandom random = new SplittableRandom(9);
        for (int round = 0; round < 2_000; round++) {
            byte[] values = new byte[64];
            random.nextBytes(values);
            for (int i = 0; i < values.length; i++) values[i] = (byte) (values[i] & 0x83);   // few bytes: prefixes and ties
            Statistics<?> expected = Statistics.createStats(type);
            Statistics<?> actual = Statistics.createStats(type);
            ByteBounds bounds = new ByteBounds();
            int count = 1 + random.nextInt(20);
            for (int i = 0; i < count; i++) {
                int length = random.nextInt(12);
                int start = random.nextInt(values.length - length + 1);
                ((BinaryStatistics) expected).updateStats(Binary.fromConstantByteArray(values, start, length));
                bounds.offer(values, start, length);
            }
            bounds.moveInto(actual);
            assertThat(actual.genericGetMin()).as("round %d", round).isEqualTo(expected.genericGetMin());
            assertThat(actual.genericGetMax()).as("round %d", round).isEqualTo(expected.genericGetMax());
            bounds.moveInto(actual);   // nothing offered since: unchanged
            assertThat(actual.genericGetMax()).isEqualTo(expected.genericGetMax());
        }
    }
}
