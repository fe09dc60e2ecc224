package dev.sluice;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Map;

import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/** intersect / except (distinct and ALL) with a right side far larger than the budget: both sides go to hash partitions on disk. */
class SetOperationSpillTest {
    private static final long ROWS = 200_000;

    private static Map<String, Long> multiset(long keys) {
        Map<String, Long> out = new HashMap<>();
        for (long i = 0; i < ROWS; i++) out.merge(SpillTestSupport.key(i, keys) + "|" + (i % 97 == 0 ? null : SpillTestSupport.group(i) % 2), 1L, Long::sum);
        return out;
    }

    @ParameterizedTest
    @CsvSource({"1, intersect", "7, intersect", "1, except", "7, exceptAll", "1, intersectAll"})
    void setOperationsSpillBothSides(int parallelism, String op) {
        Map<String, Long> left = multiset(60_000);
        Map<String, Long> right = multiset(90_000);
        long expected = 0;
        for (Map.Entry<String, Long> e : left.entrySet()) {
            long r = right.getOrDefault(e.getKey(), 0L);
            expected += switch (op) {
                case "intersect" -> r > 0 ? 1 : 0;
                case "except" -> r > 0 ? 0 : 1;
                case "intersectAll" -> Math.min(e.getValue(), r);
                default -> Math.max(0, e.getValue() - r);
            };
        }
        SpillTestSupport.SpillCounter counter = new SpillTestSupport.SpillCounter();
        try (Sluice s = SpillTestSupport.session(parallelism, counter)) {
            DataFrame l = s.read(new SpillTestSupport.Generated(ROWS, 60_000, 8192)).select(col("k"), col("g").mod(2).alias("m"));
            DataFrame r = s.read(new SpillTestSupport.Generated(ROWS, 90_000, 8192)).select(col("k"), col("g").mod(2).alias("m"));
            DataFrame result = switch (op) {
                case "intersect" -> l.intersect(r);
                case "except" -> l.except(r);
                case "intersectAll" -> l.intersectAll(r);
                default -> l.exceptAll(r);
            };
            assertThat(result.count()).isEqualTo(expected);
            assertThat(counter.spilledBytes()).isPositive();
            assertThat(SpillTestSupport.pool(s).used()).isZero();
            assertThat(SpillTestSupport.pool(s).spills().liveFiles()).isZero();
        }
    }

    /**
     * An except whose right side fits but whose emitted (distinct) left rows do not: they are kept in the right
     * side's table, grown with a spillable reservation, and the operator turns to grace hashing when refused. Before,
     * a second table of emitted rows grew with a waiting, non-spillable reservation: MEMORY_EXHAUSTED.
     */
    @ParameterizedTest
    @CsvSource({"1", "3"})
    void exceptWhoseEmittedRowsDoNotFitSpills(int parallelism) {
        long keys = 60_000;
        java.util.Set<String> expected = new java.util.HashSet<>();
        java.util.Set<String> onRight = new java.util.HashSet<>();
        for (long i = 0; i < ROWS; i++) {
            Integer g = i % 97 == 0 ? null : SpillTestSupport.group(i);   // as the generated input's g
            expected.add(SpillTestSupport.key(i, keys) + "|" + g);
            if (g != null && g < 5) onRight.add(SpillTestSupport.key(i, keys) + "|" + g);
        }
        expected.removeAll(onRight);
        SpillTestSupport.SpillCounter counter = new SpillTestSupport.SpillCounter();
        try (Sluice s = SpillTestSupport.session(parallelism, counter)) {
            DataFrame l = s.read(new SpillTestSupport.Generated(ROWS, keys, 8192)).select(col("k"), col("g"));
            DataFrame r = s.read(new SpillTestSupport.Generated(ROWS, keys, 8192)).select(col("k"), col("g")).filter(col("g").lt(5));
            assertThat(l.except(r).count()).isEqualTo(expected.size());
            assertThat(counter.spilledBytes()).isPositive();
            assertThat(SpillTestSupport.pool(s).used()).isZero();
            assertThat(SpillTestSupport.pool(s).spills().liveFiles()).isZero();
        }
    }
}
