package dev.sluice;

import dev.sluice.types.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.sluice.functions.approx_count_distinct;
import static dev.sluice.functions.col;
import static dev.sluice.functions.collect_list;
import static dev.sluice.functions.collect_set;
import static dev.sluice.functions.count;
import static dev.sluice.functions.countDistinct;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.max;
import static dev.sluice.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Aggregations, distinct and dropDuplicates with far more groups than the memory budget holds: partial
 * tables flush, final tables spill hash partitions and merge them back; results equal a naive reference.
 */
@SuppressWarnings("unchecked")
class AggregateSpillTest {
    private static final long ROWS = 300_000;
    private static final long KEYS = 100_000;

    /** Per key: count, sum, max, the distinct non-null g values, the ids. */
    private static final class Expected {
        long count;
        double sum;
        double max = Double.NEGATIVE_INFINITY;
        final Set<Integer> groups = new HashSet<>();
        final List<Long> ids = new ArrayList<>();
    }

    private static Map<String, Expected> reference() {
        Map<String, Expected> out = new HashMap<>();
        for (long i = 0; i < ROWS; i++) {
            Expected e = out.computeIfAbsent(SpillTestSupport.key(i, KEYS), k -> new Expected());
            e.count++;
            double v = SpillTestSupport.value(i);
            e.sum += v;
            e.max = Math.max(e.max, v);
            if (i % 97 != 0) e.groups.add(SpillTestSupport.group(i));
            e.ids.add(i);
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7})
    void groupsFarMoreKeysThanTheBudgetHolds(int parallelism) {
        Map<String, Expected> expected = reference();
        Map<Object, Object> approxWithoutSpilling = new HashMap<>();
        try (Sluice roomy = Sluice.builder().parallelism(parallelism).build()) {
            for (Row r : SpillTestSupport.generated(roomy, ROWS, KEYS).groupBy("k").agg(approx_count_distinct("g")).collect()) {
                approxWithoutSpilling.put(r.get(0), r.get(1));
            }
        }
        SpillTestSupport.SpillCounter counter = new SpillTestSupport.SpillCounter();
        try (Sluice s = SpillTestSupport.session(parallelism, counter)) {
            DataFrame df = SpillTestSupport.generated(s, ROWS, KEYS).groupBy("k")
                    .agg(count(lit(1)), sum("v"), max("v"), countDistinct("g"), collect_list("id"), collect_set("g"),
                            approx_count_distinct("g"));
            List<Row> rows = df.collect();
            assertThat(rows).hasSize(expected.size());
            for (Row r : rows) {
                Expected e = expected.get((String) r.get(0));
                assertThat(e).as("key %s", r.get(0)).isNotNull();
                assertThat(r.get(1)).isEqualTo(e.count);
                assertThat((Double) r.get(2)).isCloseTo(e.sum, within(1e-6));
                assertThat(r.get(3)).isEqualTo(e.max);
                assertThat(r.get(4)).isEqualTo((long) e.groups.size());
                assertThat((List<Object>) r.get(5)).containsExactlyInAnyOrderElementsOf(e.ids);
                assertThat((List<Object>) r.get(6)).containsExactlyInAnyOrderElementsOf(e.groups);
                assertThat(r.get(7)).isEqualTo(approxWithoutSpilling.get(r.get(0)));   // the same sketch, however it was merged
            }
            assertThat(counter.spilledBytes()).isPositive();
            assertThat(SpillTestSupport.pool(s).used()).isZero();
            assertThat(SpillTestSupport.pool(s).spills().liveFiles()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7})
    void distinctAndDropDuplicatesSpill(int parallelism) {
        Set<String> pairs = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (long i = 0; i < ROWS; i++) {
            String k = SpillTestSupport.key(i, KEYS);
            pairs.add(k + "|" + (i % 97 == 0 ? null : SpillTestSupport.group(i) % 3));
            keys.add(k);
        }
        SpillTestSupport.SpillCounter counter = new SpillTestSupport.SpillCounter();
        try (Sluice s = SpillTestSupport.session(parallelism, counter)) {
            DataFrame df = SpillTestSupport.generated(s, ROWS, KEYS);
            assertThat(df.select(col("k"), col("g").mod(3).alias("m")).distinct().count()).isEqualTo(pairs.size());
            long spilledByDistinct = counter.spilledBytes();
            assertThat(spilledByDistinct).isPositive();
            List<Row> firsts = df.dropDuplicates("k").collect();
            assertThat(firsts).hasSize(keys.size());
            Set<String> seen = new HashSet<>();
            for (Row r : firsts) {
                assertThat(seen.add((String) r.get(1))).isTrue();
                assertThat(SpillTestSupport.key((Long) r.get(0), KEYS)).isEqualTo(r.get(1));   // a real row of that key
            }
            assertThat(counter.spilledBytes()).isGreaterThan(spilledByDistinct);
            assertThat(SpillTestSupport.pool(s).used()).isZero();
            assertThat(SpillTestSupport.pool(s).spills().liveFiles()).isZero();
        }
    }
}
