package dev.sluice;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Map;

import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shuffled hash joins whose build side is far larger than the memory budget: both sides go to hash
 * partitions on disk (grace hash join) and every join type gives the naive reference's row count.
 */
class JoinSpillTest {
    private static final long ROWS = 200_000;
    private static final long LEFT_KEYS = 100_000;
    private static final long RIGHT_KEYS = 150_000;

    private static Map<String, Long> counts(long keys) {
        Map<String, Long> out = new HashMap<>();
        for (long i = 0; i < ROWS; i++) out.merge(SpillTestSupport.key(i, keys), 1L, Long::sum);
        return out;
    }

    @ParameterizedTest
    @CsvSource({"1, inner", "7, inner", "1, left_outer", "7, full_outer", "1, right_outer", "7, left_semi", "1, left_anti"})
    void joinsBuildSidesFarLargerThanTheBudget(int parallelism, String joinType) {
        Map<String, Long> left = counts(LEFT_KEYS);
        Map<String, Long> right = counts(RIGHT_KEYS);
        long inner = 0, leftOnly = 0, rightOnly = 0, semi = 0;
        for (Map.Entry<String, Long> e : left.entrySet()) {
            Long r = right.get(e.getKey());
            if (r == null) leftOnly += e.getValue();
            else {
                inner += e.getValue() * r;
                semi += e.getValue();
            }
        }
        for (Map.Entry<String, Long> e : right.entrySet()) if (!left.containsKey(e.getKey())) rightOnly += e.getValue();
        long expected = switch (joinType) {
            case "inner" -> inner;
            case "left_outer" -> inner + leftOnly;
            case "right_outer" -> inner + rightOnly;
            case "full_outer" -> inner + leftOnly + rightOnly;
            case "left_semi" -> semi;
            default -> leftOnly;
        };
        SpillTestSupport.SpillCounter counter = new SpillTestSupport.SpillCounter();
        try (Sluice s = SpillTestSupport.session(parallelism, counter)) {
            DataFrame l = s.read(new SpillTestSupport.Generated(ROWS, LEFT_KEYS, 8192)).select(col("id"), col("k"), col("pad"));
            DataFrame r = s.read(new SpillTestSupport.Generated(ROWS, RIGHT_KEYS, 8192)).select(col("id").alias("rid"), col("k").alias("rk"));
            DataFrame joined = l.join(r, col("k").equalTo(col("rk")), joinType);
            assertThat(joined.count()).isEqualTo(expected);
            assertThat(counter.spilledBytes()).isPositive();
            assertThat(SpillTestSupport.pool(s).used()).isZero();
            assertThat(SpillTestSupport.pool(s).spills().liveFiles()).isZero();
        }
    }
}
