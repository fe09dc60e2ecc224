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

import static dev.sluice.functions.avg;
import static dev.sluice.functions.col;
import static dev.sluice.functions.count;
import static dev.sluice.functions.countDistinct;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.max;
import static dev.sluice.functions.sum;
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

    /**
     * Two distinct groups of one group, each with far more distinct values than the budget holds, beside other
     * aggregates (sum, avg, count, max): the Expand rewrite, whose two aggregations spill. Before it, several distinct
     * groups ran the one-phase accumulator and failed with MEMORY_EXHAUSTED.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 7})
    void severalDistinctGroupsOfOneHugeGroupSpill(int parallelism) {
        double maxV = Double.NEGATIVE_INFINITY, sumV = 0;
        long nonNullG = 0;
        Set<Integer> groups = new HashSet<>();
        for (long i = 0; i < ROWS; i++) {
            maxV = Math.max(maxV, SpillTestSupport.value(i));
            sumV += SpillTestSupport.value(i);
            if (i % 97 != 0) {
                nonNullG++;
                groups.add(SpillTestSupport.group(i));
            }
        }
        SpillTestSupport.SpillCounter counter = new SpillTestSupport.SpillCounter();
        try (Sluice s = SpillTestSupport.session(parallelism, counter)) {
            List<Row> rows = SpillTestSupport.generated(s, ROWS, 10)
                    .agg(countDistinct(col("id")).as("ids"), countDistinct(col("id").plus(1)).as("next_ids"), countDistinct(col("g")).as("gs"),
                            sum(col("v")).as("sv"), avg(col("v")).as("av"), count(col("g")).as("ng"), max(col("v")).as("mv"))
                    .collect();
            assertThat(rows).hasSize(1);
            Row r = rows.get(0);
            assertThat(r.get(0)).isEqualTo(ROWS);
            assertThat(r.get(1)).isEqualTo(ROWS);
            assertThat(r.get(2)).isEqualTo((long) groups.size());
            assertThat((Double) r.get(3)).isCloseTo(sumV, org.assertj.core.data.Offset.offset(1e-6 * sumV));
            assertThat((Double) r.get(4)).isCloseTo(sumV / ROWS, org.assertj.core.data.Offset.offset(1e-6 * sumV / ROWS));
            assertThat(r.get(5)).isEqualTo(nonNullG);
            assertThat(r.get(6)).isEqualTo(maxV);
            assertThat(counter.spilledBytes()).isPositive();
            assertThat(SpillTestSupport.pool(s).used()).isZero();
            assertThat(SpillTestSupport.pool(s).spills().liveFiles()).isZero();
        }
    }

    /** Per key, two distinct groups and other aggregates equal a reference computed row by row. */
    @Test void perKeySeveralDistinctGroupsEqualTheReference() {
        Map<String, Set<Integer>> gs = new HashMap<>();
        Map<String, Set<Long>> ids = new HashMap<>();
        Map<String, Long> counts = new HashMap<>();
        for (long i = 0; i < ROWS; i++) {
            String k = SpillTestSupport.key(i, 10);
            Set<Integer> set = gs.computeIfAbsent(k, x -> new HashSet<>());
            if (i % 97 != 0) set.add(SpillTestSupport.group(i));
            ids.computeIfAbsent(k, x -> new HashSet<>()).add(i / 3);
            counts.merge(k, 1L, Long::sum);
        }
        SpillTestSupport.SpillCounter counter = new SpillTestSupport.SpillCounter();
        try (Sluice s = SpillTestSupport.session(3, counter)) {
            List<Row> rows = SpillTestSupport.generated(s, ROWS, 10).groupBy(col("k"))
                    .agg(countDistinct(col("g")).as("n"), sum_distinct(col("g")).as("s"), countDistinct(col("id").divide(3).cast("bigint")).as("thirds"),
                            count(lit(1)).as("rows")).collect();
            assertThat(rows).hasSize(gs.size());
            for (Row r : rows) {
                String k = (String) r.get(0);
                assertThat(r.get(1)).isEqualTo((long) gs.get(k).size());
                assertThat(r.get(2)).isEqualTo(gs.get(k).stream().mapToLong(Integer::longValue).sum());
                assertThat(r.get(3)).isEqualTo((long) ids.get(k).size());
                assertThat(r.get(4)).isEqualTo(counts.get(k));
            }
            assertThat(counter.spilledBytes()).isPositive();
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
