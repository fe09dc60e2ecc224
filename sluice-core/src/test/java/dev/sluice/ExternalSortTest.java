package dev.sluice;

import dev.sluice.types.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/** orderBy and sortWithinPartitions on inputs 100 times the memory budget: sorted runs spill and merge back, stable. */
class ExternalSortTest {
    private static final long ROWS = 400_000;   // about 40 MB of rows against a 2 MB budget

    @ParameterizedTest
    @ValueSource(ints = {1, 7})
    void sortsFarMoreThanTheBudgetLikeAStableSort(int parallelism) {
        SpillTestSupport.SpillCounter counter = new SpillTestSupport.SpillCounter();
        try (Sluice s = SpillTestSupport.session(parallelism, counter)) {
            DataFrame df = SpillTestSupport.generated(s, ROWS, 50_000).orderBy(col("g").desc_nulls_first(), col("k"));
            long[] previous = {Long.MIN_VALUE};
            List<long[]> ids = new ArrayList<>();
            try (var it = df.select(col("id")).toLocalIterator()) {
                while (it.hasNext()) ids.add(new long[] {it.next().getLong(0)});
            }
            assertThat(ids).hasSize((int) ROWS);
            List<Long> expected = new ArrayList<>();
            for (long i = 0; i < ROWS; i++) expected.add(i);
            expected.sort(Comparator.<Long, Integer>comparing(i -> i % 97 == 0 ? null : SpillTestSupport.group(i),
                            Comparator.nullsFirst(Comparator.<Integer>reverseOrder()))
                    .thenComparing(i -> SpillTestSupport.key(i, 50_000), ExternalSortTest::utf8));
            for (int i = 0; i < ROWS; i++) assertThat(ids.get(i)[0]).as("row %d", i).isEqualTo(expected.get(i));
            assertThat(counter.spilledBytes()).isPositive();
            assertThat(SpillTestSupport.pool(s).used()).isZero();
            assertThat(SpillTestSupport.pool(s).spills().liveFiles()).isZero();
        }
    }

    /**
     * A repeating number without nulls first and a string second (M3's shape: latency desc, request id): the runs'
     * merges decide the number's ties by the string's 8-byte prefix ("key-" and four more bytes are shared by many
     * keys, equal keys fall back to input order), across spilled runs.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 7})
    void sortsARepeatingNumberThenAStringFarMoreThanTheBudgetLikeAStableSort(int parallelism) {
        SpillTestSupport.SpillCounter counter = new SpillTestSupport.SpillCounter();
        try (Sluice s = SpillTestSupport.session(parallelism, counter)) {
            DataFrame df = SpillTestSupport.generated(s, ROWS, 50_000).orderBy(col("v").desc(), col("k"));
            List<Long> ids = new ArrayList<>();
            try (var it = df.select(col("id")).toLocalIterator()) {
                while (it.hasNext()) ids.add(it.next().getLong(0));
            }
            List<Long> expected = new ArrayList<>();
            for (long i = 0; i < ROWS; i++) expected.add(i);
            expected.sort(Comparator.<Long, Double>comparing(SpillTestSupport::value, Comparator.reverseOrder())
                    .thenComparing(i -> SpillTestSupport.key(i, 50_000), ExternalSortTest::utf8));
            assertThat(ids).hasSize((int) ROWS);
            for (int i = 0; i < ROWS; i++) assertThat(ids.get(i)).as("row %d", i).isEqualTo(expected.get(i));
            assertThat(counter.spilledBytes()).isPositive();
            assertThat(SpillTestSupport.pool(s).spills().liveFiles()).isZero();
        }
    }

    private static int utf8(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(java.nio.charset.StandardCharsets.UTF_8), b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
