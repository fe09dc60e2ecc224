package dev.sluice.io.parquet;

import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DictionaryIds} against parquet-java's RLE / bit-packing hybrid encoder fed one id at a time (what the
 * flat writers used before, and what parquet-java's dictionary writer does): the same bytes for pages of random
 * runs at every bit width from 0 to 32, including runs of exactly 7, 8 and 9, bit-packed runs longer than 63
 * groups, pages ending inside a group, inside an RLE run and on a group's end, and empty pages.
 */
class DictionaryIdsTest {
    @ParameterizedTest @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
    void encodesAsParquetJava(int seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        DictionaryIds actual = new DictionaryIds();
        for (int page = 0; page < 200; page++) {
            int bitWidth = page % 33;
            long limit = 1L << bitWidth;
            int[] ids = new int[random.nextInt(0, 3000)];
            int n = 0;
            while (n < ids.length) {
                int value = (int) random.nextLong(limit);
                int length = switch (random.nextInt(5)) {
                    case 0 -> 1;
                    case 1 -> random.nextInt(7, 10);
                    case 2 -> random.nextInt(1, 9);
                    case 3 -> random.nextInt(8, 40);
                    default -> random.nextInt(1, 600);
                };
                for (int i = 0; i < length && n < ids.length; i++) ids[n++] = random.nextInt(8) == 0 ? (int) random.nextLong(limit) : value;
            }
            assertThat(actual.encode(ids, ids.length, bitWidth).toByteArray())
                    .as("page %d, width %d, %d ids", page, bitWidth, ids.length)
                    .isEqualTo(parquetJava(ids, bitWidth));
        }
    }

    @Test
    void longBitPackedRunsAndRunsAtTheEnd() throws IOException {
        DictionaryIds actual = new DictionaryIds();
        int[] distinct = new int[63 * 8 * 3 + 5];
        for (int i = 0; i < distinct.length; i++) distinct[i] = i % 1000;
        int[] endsInRun = Arrays.copyOf(distinct, distinct.length + 20);
        Arrays.fill(endsInRun, distinct.length, endsInRun.length, 7);
        int[] groupEnd = Arrays.copyOf(distinct, 64 * 8);
        int[] constant = new int[100_000];
        for (int[] ids : new int[][] {distinct, endsInRun, groupEnd, constant, new int[0], {0}, {1, 1, 1, 1, 1, 1, 1, 1}}) {
            for (int width : new int[] {10, 17, 32}) {
                assertThat(actual.encode(ids, ids.length, width).toByteArray()).isEqualTo(parquetJava(ids, width));
            }
        }
        assertThat(actual.encode(constant, constant.length, 0).toByteArray()).isEqualTo(parquetJava(constant, 0));
    }

    /**
     * Pages of mostly distinct ids (whole groups bit-packed straight from the ids) with runs of 7, 8 and 9 equal ids
     * now and then, starting on a group's first id or inside a group, one equal to the id before it, at every width.
     */
    @ParameterizedTest @ValueSource(ints = {0, 1, 2, 3})
    void mostlyDistinctIdsWithRunsOnAndOffGroupStarts(int seed) throws IOException {
        SplittableRandom random = new SplittableRandom(100 + seed);
        DictionaryIds actual = new DictionaryIds();
        for (int bitWidth = 1; bitWidth <= 32; bitWidth++) {
            long limit = 1L << bitWidth;
            int[] ids = new int[random.nextInt(1, 6000)];
            int n = 0;
            while (n < ids.length) {
                if (random.nextInt(40) == 0) {
                    int length = random.nextInt(7, 10);
                    int value = random.nextBoolean() && n > 0 ? ids[n - 1] : (int) random.nextLong(limit);
                    for (int i = 0; i < length && n < ids.length; i++) ids[n++] = value;
                } else {
                    ids[n++] = (int) random.nextLong(limit);
                }
            }
            assertThat(actual.encode(ids, ids.length, bitWidth).toByteArray())
                    .as("width %d, %d ids", bitWidth, ids.length)
                    .isEqualTo(parquetJava(ids, bitWidth));
        }
    }

    /** The bit width byte, then parquet-java's encoding of {@code ids} given one at a time. */
    private static byte[] parquetJava(int[] ids, int bitWidth) throws IOException {
        RunLengthBitPackingHybridEncoder encoder =
                new RunLengthBitPackingHybridEncoder(bitWidth, 64, 1 << 20, HeapByteBufferAllocator.getInstance());
        for (int id : ids) encoder.writeInt(id);
        byte[] runs = encoder.toBytes().toByteArray();
        byte[] page = new byte[runs.length + 1];
        page[0] = (byte) bitWidth;
        System.arraycopy(runs, 0, page, 1, runs.length);
        encoder.close();
        return page;
    }
}
