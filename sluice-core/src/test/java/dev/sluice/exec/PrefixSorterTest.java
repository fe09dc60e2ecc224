package dev.sluice.exec;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link PrefixSorter} against a stable comparison sort of the row ids (Java's, by key and then the ties). */
class PrefixSorterTest {

    /** The expected order: row ids stably sorted by signed key, equal keys by {@code tie}. */
    private static int[] reference(long[] keys, int rows, int[] tie) {
        return IntStream.range(0, rows).boxed()
                .sorted(Comparator.<Integer>comparingLong(i -> keys[i]).thenComparingInt(i -> tie[i]))
                .mapToInt(Integer::intValue).toArray();
    }

    private static int[] sort(long[] keys, int rows, int[] tie) {
        return PrefixSorter.sortedOrder(keys, rows, (a, b) -> Integer.compare(tie[a], tie[b]));
    }

    @Test
    void randomKeysOfEverySignAndWidth() {
        Random random = new Random(42);
        for (int rows : new int[] {0, 1, 2, 255, 256, 257, 1000, 40_000}) {
            long[] keys = new long[rows];
            int[] tie = new int[rows];
            for (int i = 0; i < rows; i++) {
                keys[i] = switch (i % 4) {
                    case 0 -> random.nextLong();
                    case 1 -> random.nextInt(100) - 50;
                    case 2 -> random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE;
                    default -> random.nextLong() & 0xFF00L;
                };
                tie[i] = random.nextInt(3);
            }
            assertThat(sort(keys, rows, tie)).as("rows %d", rows).containsExactly(reference(keys, rows, tie));
        }
    }

    @Test
    void equalKeysAndTiesKeepRowOrder() {
        Random random = new Random(7);
        int rows = 10_000;
        long[] keys = new long[rows];
        int[] tie = new int[rows];
        for (int i = 0; i < rows; i++) {
            keys[i] = random.nextInt(20) * 1_000_003L - 10_000_000L;   // many equal keys, spread over several bytes
            tie[i] = random.nextInt(2);
        }
        int[] order = sort(keys, rows, tie);
        assertThat(order).containsExactly(reference(keys, rows, tie));
        for (int i = 1; i < rows; i++) {
            if (keys[order[i - 1]] == keys[order[i]] && tie[order[i - 1]] == tie[order[i]]) {
                assertThat(order[i - 1]).isLessThan(order[i]);
            }
        }
    }

    @Test
    void oneKeyForEveryRowIsOrderedByTheTiesAlone() {
        int rows = 5_000;
        long[] keys = new long[rows];
        Arrays.fill(keys, -3);
        int[] tie = IntStream.range(0, rows).map(i -> (i * 7919) % 101).toArray();
        assertThat(sort(keys, rows, tie)).containsExactly(reference(keys, rows, tie));
    }

    @Test
    void onlyTheRowsAskedForAreSorted() {
        long[] keys = {5, 4, 3, 2, 1, -1, -2};
        int rows = 300;
        long[] longer = new long[rows + 10];
        for (int i = 0; i < longer.length; i++) longer[i] = keys[i % keys.length] * (i < rows ? 1 : -1000);
        int[] tie = new int[longer.length];
        int[] order = sort(longer, rows, tie);
        assertThat(order).hasSize(rows).containsExactly(reference(longer, rows, tie));
    }
}
