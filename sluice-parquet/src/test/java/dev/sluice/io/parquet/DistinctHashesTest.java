package dev.sluice.io.parquet;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link DistinctHashes} says which hashes it saw, as a set does, across growth, 0 and clears, and fills at its cap. */
class DistinctHashesTest {
    @Test void addsAsASetUntilFull() {
        DistinctHashes hashes = new DistinctHashes();
        SplittableRandom random = new SplittableRandom(5);
        for (int round = 0; round < 3; round++) {
            HashSet<Long> expected = new HashSet<>();
            while (!hashes.full()) {
                long h = random.nextInt(4) == 0 ? random.nextInt(2_000) : random.nextLong();
                assertThat(hashes.add(h)).isEqualTo(expected.add(h == 0 ? 1 : h));
            }
            assertThat(expected).hasSize(DistinctHashes.MAX_SLOTS / 4 * 3);
            hashes.clear();
            assertThat(hashes.full()).isFalse();
            assertThat(hashes.add(expected.iterator().next())).isTrue();
            hashes.clear();
        }
    }
}
