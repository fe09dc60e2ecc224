package dev.sluice;

import dev.sluice.types.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.sluice.functions.col;
import static dev.sluice.functions.count;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.row_number;
import static dev.sluice.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

/** Window functions over partitions whose rows together are far larger than the budget: sorted runs spill and are processed from disk. */
class WindowSpillTest {
    private static final long ROWS = 300_000;
    private static final long KEYS = 20_000;

    @ParameterizedTest
    @ValueSource(ints = {1, 7})
    void rowNumberAndRunningCountsFromSpilledSortedInput(int parallelism) {
        // reference: per key, the id of the row with the highest v (ties: lowest id), and the row count
        Map<String, long[]> best = new HashMap<>();
        for (long i = 0; i < ROWS; i++) {
            String k = SpillTestSupport.key(i, KEYS);
            double v = SpillTestSupport.value(i);
            long[] b = best.get(k);
            if (b == null) best.put(k, new long[] {i, Double.doubleToLongBits(v), 1});
            else {
                b[2]++;
                if (v > Double.longBitsToDouble(b[1])) {
                    b[0] = i;
                    b[1] = Double.doubleToLongBits(v);
                }
            }
        }
        SpillTestSupport.SpillCounter counter = new SpillTestSupport.SpillCounter();
        try (Sluice s = SpillTestSupport.session(parallelism, counter)) {
            WindowSpec w = Window.partitionBy(col("k")).orderBy(col("v").desc(), col("id"));
            List<Row> firsts = SpillTestSupport.generated(s, ROWS, KEYS)
                    .withColumn("rn", row_number().over(w))
                    .withColumn("n", count(lit(1)).over(Window.partitionBy(col("k"))))
                    .filter(col("rn").equalTo(1))
                    .select(col("k"), col("id"), col("n")).collect();
            assertThat(firsts).hasSize(best.size());
            for (Row r : firsts) {
                long[] b = best.get((String) r.get(0));
                assertThat(r.get(1)).as("key %s", r.get(0)).isEqualTo(b[0]);
                assertThat(r.get(2)).isEqualTo(b[2]);
            }
            assertThat(counter.spilledBytes()).isPositive();
            assertThat(SpillTestSupport.pool(s).used()).isZero();
            assertThat(SpillTestSupport.pool(s).spills().liveFiles()).isZero();
        }
    }
}
