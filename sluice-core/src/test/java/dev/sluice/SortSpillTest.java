package dev.sluice;

import dev.sluice.types.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A global sort of far more rows than the memory budget holds: hundreds of spilled runs, merged in passes on
 * the workers before the output partitions merge what is left. The result must be the stable sort of the input
 * (ties keep input order), as a naive in-memory sort gives.
 */
class SortSpillTest {
    private static final long ROWS = 200_000;

    @ParameterizedTest
    @ValueSource(ints = {1, 7})
    void manySpilledRunsMergeIntoAStableSort(int parallelism) {
        SpillTestSupport.SpillCounter counter = new SpillTestSupport.SpillCounter();
        try (Sluice s = SpillTestSupport.session(parallelism, counter)) {
            // g has 1,000 values and v 100,000: many ties on (g, v), which must keep the input (id) order
            List<Row> rows = SpillTestSupport.generated(s, ROWS, 1000)
                    .orderBy(col("g"), col("v").desc())
                    .select(col("id"))
                    .collect();
            List<Long> expected = new ArrayList<>();
            for (long i = 0; i < ROWS; i++) expected.add(i);
            // g is NULL on every 97th row: first, as ascending puts nulls
            expected.sort(Comparator.<Long>comparingInt(i -> i % 97 == 0 ? -1 : SpillTestSupport.group(i))
                    .thenComparing(i -> -SpillTestSupport.value(i)));   // List.sort is stable
            List<Long> actual = new ArrayList<>(rows.size());
            for (Row r : rows) actual.add((Long) r.get(0));
            assertThat(actual).isEqualTo(expected);
            assertThat(counter.spilledBytes()).isGreaterThan(0);
        }
    }
}
