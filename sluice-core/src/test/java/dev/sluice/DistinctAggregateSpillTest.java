package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.sluice.functions.col;
import static dev.sluice.functions.count;
import static dev.sluice.functions.countDistinct;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.max;
import static dev.sluice.functions.sum_distinct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code count(DISTINCT)} of one group over far more distinct values than the budget holds: the distinct
 * aggregates run as two aggregations (rewrite_distinct_aggregates), which spill like any other, instead of one
 * group's set of values that must fit.
 */
class DistinctAggregateSpillTest {
    private static final long ROWS = 250_000;

    @ParameterizedTest
    @ValueSource(ints = {1, 7})
    void oneHugeGroupOfDistinctValuesSpills(int parallelism) {
        double maxV = Double.NEGATIVE_INFINITY;
        for (long i = 0; i < ROWS; i++) maxV = Math.max(maxV, SpillTestSupport.value(i));
        SpillTestSupport.SpillCounter counter = new SpillTestSupport.SpillCounter();
        try (Sluice s = SpillTestSupport.session(parallelism, counter)) {
            List<Row> rows = SpillTestSupport.generated(s, ROWS, 10)
                    .agg(countDistinct(col("id")).as("ids"), sum_distinct(col("id")).as("sum_ids"), count(lit(1)).as("n"), max(col("v")).as("mv"))
                    .collect();
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).get(0)).isEqualTo(ROWS);
            assertThat(rows.get(0).get(1)).isEqualTo(ROWS * (ROWS - 1) / 2);
            assertThat(rows.get(0).get(2)).isEqualTo(ROWS);
            assertThat(rows.get(0).get(3)).isEqualTo(maxV);
            assertThat(counter.spilledBytes()).isPositive();
            assertThat(SpillTestSupport.pool(s).used()).isZero();
            assertThat(SpillTestSupport.pool(s).spills().liveFiles()).isZero();
        }
    }

    @Test void perKeyDistinctCountsEqualTheOnePhaseResult() {
        Map<String, Set<Integer>> reference = new HashMap<>();
        for (long i = 0; i < ROWS; i++) {
            Set<Integer> set = reference.computeIfAbsent(SpillTestSupport.key(i, 10), k -> new HashSet<>());
            if (i % 97 != 0) set.add(SpillTestSupport.group(i));
        }
        SpillTestSupport.SpillCounter counter = new SpillTestSupport.SpillCounter();
        try (Sluice s = SpillTestSupport.session(3, counter)) {
            List<Row> rows = SpillTestSupport.generated(s, ROWS, 10).groupBy(col("k"))
                    .agg(countDistinct(col("g")).as("n"), sum_distinct(col("g")).as("s")).collect();
            assertThat(rows).hasSize(reference.size());
            for (Row r : rows) {
                Set<Integer> expected = reference.get((String) r.get(0));
                assertThat(r.get(1)).isEqualTo((long) expected.size());
                assertThat(r.get(2)).isEqualTo(expected.stream().mapToLong(Integer::longValue).sum());
            }
        }
    }

    /** Without the rewrite, the one group's set of values must fit: the reason for the rule. */
    @Test void withoutTheRewriteOneGroupsValuesMustFit() {
        try (Sluice s = Sluice.builder().parallelism(2).memoryBudget(SpillTestSupport.BUDGET).broadcastThreshold(-1)
                .disableRule("rewrite_distinct_aggregates").build()) {
            assertThatThrownBy(() -> SpillTestSupport.generated(s, ROWS, 10).agg(countDistinct(col("id"))).collect())
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MEMORY_EXHAUSTED));
        }
    }
}
