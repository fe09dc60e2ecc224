package dev.sluice.io.parquet;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LongDictionary} numbers keys as a map in insertion order does: across its table's growth points, for keys
 * whose slots collide, for the keys an empty slot could be mistaken for (0, and ids' 0), for doubles' bit patterns
 * (each NaN pattern, 0.0 and -0.0 are different keys, as parquet-java's dictionary keeps them), after clears and
 * releases.
 */
class LongDictionaryTest {
    @Test void idsInInsertionOrderAcrossGrowth() {
        LongDictionary dictionary = new LongDictionary();
        SplittableRandom random = new SplittableRandom(3);
        for (int distinct : new int[] {1, 255, 256, 257, 16_384, 16_385, 131_072, 131_073}) {
            List<Long> keys = new ArrayList<>();
            for (int i = 0; i < distinct; i++) keys.add(i % 3 == 0 ? (long) i : random.nextLong());
            internLikeAMap(dictionary, keys, random);
            dictionary.clear();
        }
    }

    @Test void keysWhoseSlotsCollide() {
        // multiples of a large power of two differ only in high bits before the hash's mix; and a run of keys equal
        // in their low bits: the probe sequence must walk past occupied slots and wrap at the table's end
        List<Long> keys = new ArrayList<>();
        for (long i = 0; i < 5_000; i++) keys.add(i << 40);
        for (long i = 0; i < 5_000; i++) keys.add(i << 52 | 7);
        internLikeAMap(new LongDictionary(), keys, new SplittableRandom(4));
    }

    @Test void doublesBitPatternsAreKeys() {
        long[] special = {Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(-0.0),
                Double.doubleToRawLongBits(Double.NaN), 0x7ff8000000000001L, 0xfff8000000000000L, 0x7ff0000000000001L,
                Double.doubleToRawLongBits(Double.POSITIVE_INFINITY), Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY),
                Double.doubleToRawLongBits(Double.MIN_VALUE), Long.MIN_VALUE, Long.MAX_VALUE, -1L, 1L};
        List<Long> keys = new ArrayList<>();
        for (long k : special) keys.add(k);
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 20_000; i++) keys.add(Double.doubleToRawLongBits(Math.round(random.nextDouble() * 300_000) / 100.0));
        LongDictionary dictionary = new LongDictionary();
        internLikeAMap(dictionary, keys, random);
        assertThat(dictionary.intern(Double.doubleToRawLongBits(0.0))).isNotEqualTo(dictionary.intern(Double.doubleToRawLongBits(-0.0)));
    }

    @Test void clearAndReleaseStartOver() {
        LongDictionary dictionary = new LongDictionary();
        SplittableRandom random = new SplittableRandom(6);
        for (int round = 0; round < 4; round++) {
            List<Long> keys = new ArrayList<>();
            int distinct = round % 2 == 0 ? 40_000 : 100;
            for (int i = 0; i < distinct; i++) keys.add(random.nextLong(1_000_000));
            internLikeAMap(dictionary, keys, random);
            if (round % 2 == 0) dictionary.clear();
            else dictionary.release();
            assertThat(dictionary.size()).isZero();
        }
    }

    /** Interns {@code keys} and, between them, random repeats of earlier ones, checking each id and the keys by id. */
    private static void internLikeAMap(LongDictionary dictionary, List<Long> keys, SplittableRandom random) {
        Map<Long, Integer> expected = new HashMap<>();
        List<Long> byId = new ArrayList<>();
        for (long key : keys) {
            Integer id = expected.get(key);
            if (id == null) {
                expected.put(key, byId.size());
                byId.add(key);
            }
            assertThat(dictionary.intern(key)).as("key %x", key).isEqualTo(expected.get(key));
            assertThat(dictionary.size()).isEqualTo(byId.size());
            long again = byId.get(random.nextInt(byId.size()));
            assertThat(dictionary.intern(again)).as("repeat %x", again).isEqualTo(expected.get(again));
        }
        for (int id = 0; id < byId.size(); id++) assertThat(dictionary.key(id)).isEqualTo(byId.get(id));
    }
}
