package dev.sluice.io.parquet;

import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridValuesWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DefinitionLevels} against parquet-java's RLE / bit-packing hybrid levels writer (bit width 1): the same
 * bytes for every page and the same buffered size after every run (the page cuts depend on it), over pages of
 * random runs (single levels, runs shorter and longer than 8, runs written in one call or level by level).
 */
class DefinitionLevelsTest {
    @ParameterizedTest @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
    void encodesAsParquetJava(int seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        RunLengthBitPackingHybridValuesWriter expected =
                new RunLengthBitPackingHybridValuesWriter(1, 64, 1 << 20, HeapByteBufferAllocator.getInstance());
        DefinitionLevels actual = new DefinitionLevels();
        for (int page = 0; page < 20; page++) {
            int runs = random.nextInt(1, 400);
            for (int r = 0; r < runs; r++) {
                int level = random.nextInt(3) == 0 ? 0 : 1;
                int length = switch (random.nextInt(4)) {
                    case 0 -> 1;
                    case 1 -> random.nextInt(1, 9);
                    case 2 -> random.nextInt(8, 40);
                    default -> random.nextInt(1, 5000);
                };
                for (int i = 0; i < length; i++) expected.writeInteger(level);
                if (random.nextBoolean()) actual.writeRepeated(level, length);
                else for (int i = 0; i < length; i++) actual.write(level);
                assertThat(actual.bufferedSize()).as("page %d run %d", page, r).isEqualTo(expected.getBufferedSize());
            }
            assertThat(actual.toBytes().toByteArray()).as("page %d", page).isEqualTo(expected.getBytes().toByteArray());
            assertThat(actual.encoding()).isEqualTo(expected.getEncoding());
            expected.reset();
            actual.reset();
        }
    }
}
