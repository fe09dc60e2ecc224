package dev.sluice;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.sluice.functions.col;
import static dev.sluice.functions.count;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Skew: one join key, group or window partition with more rows than the whole memory budget (inputs over
 * 100 times the budget, 256 KiB). Each operator falls back to a way that finishes on disk instead of failing
 * with MEMORY_EXHAUSTED, and gives the naive reference's result.
 */
class SkewSpillTest {
    static final long BUDGET = 256 * 1024;
    private static final long HOT_ROWS = 600_000;
    private static final long PROBE_ROWS = 2_000;

    static Sluice session(int parallelism, SpillTestSupport.SpillCounter counter) {
        return Sluice.builder().parallelism(parallelism).shufflePartitions(Math.max(2, parallelism)).memoryBudget(BUDGET)
                .batchSize(1024).broadcastThreshold(-1).listener(counter).build();
    }

    /**
     * The right side has one key ("key-0") on all its rows (with their pads, about 50 bytes each: 100+ times
     * the budget); the left side has a few rows with that key among 2,000.
     */
    @ParameterizedTest
    @CsvSource({"1, inner", "7, inner", "1, left_outer", "7, full_outer", "1, right_outer", "7, left_semi", "1, left_anti"})
    void joinsOneKeyWithMoreRowsThanTheBudget(int parallelism, String joinType) {
        long hot = 0;
        for (long i = 0; i < PROBE_ROWS; i++) if (SpillTestSupport.key(i, 1000).equals("key-0")) hot++;
        long inner = hot * HOT_ROWS;
        long expected = switch (joinType) {
            case "inner" -> inner;
            case "left_outer", "full_outer" -> inner + PROBE_ROWS - hot;
            case "right_outer" -> hot == 0 ? HOT_ROWS : inner;
            case "left_semi" -> hot;
            default -> PROBE_ROWS - hot;
        };
        assertThat(hot).isPositive();
        SpillTestSupport.SpillCounter counter = new SpillTestSupport.SpillCounter();
        try (Sluice s = session(parallelism, counter)) {
            // the same size estimate on both sides, so the shuffled join builds the right (hot) side
            DataFrame l = s.read(new SpillTestSupport.Generated(HOT_ROWS, 1000, 8192)).filter(col("id").lt(PROBE_ROWS))
                    .select(col("id"), col("k"));
            DataFrame r = s.read(new SpillTestSupport.Generated(HOT_ROWS, 1, 8192)).filter(col("id").lt(HOT_ROWS))
                    .select(col("id").alias("rid"), col("k").alias("rk"), col("pad").alias("rpad"));
            DataFrame joined = l.join(r, col("k").equalTo(col("rk")), joinType);
            long rows = joinType.startsWith("left_s") || joinType.startsWith("left_a") ? joined.count()
                    : joined.agg(count(functions.lit(1)).alias("n"), count(col("rpad")).alias("padded")).collect().get(0).getLong(0);
            assertThat(rows).isEqualTo(expected);
            assertThat(counter.spilledBytes()).isPositive();
            assertThat(SpillTestSupport.pool(s).used()).isZero();
            assertThat(SpillTestSupport.pool(s).spills().liveFiles()).isZero();
        }
    }

    /** A broadcast hint on a side 100+ times the budget, all one key: the broadcast goes to disk and still joins. */
    @ParameterizedTest
    @CsvSource({"1, inner", "7, left_outer", "7, left_anti"})
    void aBroadcastSideLargerThanTheBudgetFallsBackToDisk(int parallelism, String joinType) {
        long hot = 0;
        for (long i = 0; i < PROBE_ROWS; i++) if (SpillTestSupport.key(i, 1000).equals("key-0")) hot++;
        long expected = switch (joinType) {
            case "inner" -> hot * HOT_ROWS;
            case "left_outer" -> hot * HOT_ROWS + PROBE_ROWS - hot;
            default -> PROBE_ROWS - hot;
        };
        SpillTestSupport.SpillCounter counter = new SpillTestSupport.SpillCounter();
        try (Sluice s = session(parallelism, counter)) {
            DataFrame l = s.read(new SpillTestSupport.Generated(PROBE_ROWS, 1000, 512)).select(col("id"), col("k"));
            DataFrame r = s.read(new SpillTestSupport.Generated(HOT_ROWS, 1, 8192))
                    .select(col("id").alias("rid"), col("k").alias("rk"), col("pad").alias("rpad"));
            DataFrame joined = l.join(functions.broadcast(r), col("k").equalTo(col("rk")), joinType);
            assertThat(joined.explainString("simple")).contains("BroadcastHashJoinExec");
            long rows = joinType.equals("left_anti") ? joined.count()
                    : joined.agg(count(col("rpad")).alias("padded"), count(functions.lit(1)).alias("n")).collect().get(0).getLong(1);
            assertThat(rows).isEqualTo(expected);
            assertThat(counter.spilledBytes()).isPositive();
            assertThat(SpillTestSupport.pool(s).used()).isZero();
            assertThat(SpillTestSupport.pool(s).spills().liveFiles()).isZero();
        }
    }

    /**
     * Set operations over inputs 100+ times the budget where one row has most of the copies (70%) beside 40,000
     * distinct keys and NULLs: a distinct row is one table entry with a count, so the hot row never outgrows a pair;
     * the distinct rows beside it split into pairs, level after level, until they fit.
     */
    @ParameterizedTest
    @CsvSource({"1, intersect", "7, intersect", "1, except", "7, except", "1, intersectAll", "7, intersectAll",
                "1, exceptAll", "7, exceptAll"})
    void setOperationsWithOneRowHoldingMostCopies(int parallelism, String op) {
        long rows = 200_000;
        java.util.Map<String, Long> left = new java.util.HashMap<>(), right = new java.util.HashMap<>();
        for (long i = 0; i < rows; i++) {
            left.merge(skewedRow(i, 40_000), 1L, Long::sum);
            if (i % 3 != 0) right.merge(skewedRow(i, 30_000), 1L, Long::sum);
        }
        long expected = 0;
        for (var e : left.entrySet()) {
            long r = right.getOrDefault(e.getKey(), 0L);
            expected += switch (op) {
                case "intersect" -> r > 0 ? 1 : 0;
                case "except" -> r > 0 ? 0 : 1;
                case "intersectAll" -> Math.min(e.getValue(), r);
                default -> Math.max(0, e.getValue() - r);
            };
        }
        SpillTestSupport.SpillCounter counter = new SpillTestSupport.SpillCounter();
        try (Sluice s = session(parallelism, counter)) {
            DataFrame l = skewed(s.read(new SpillTestSupport.Generated(rows, 40_000, 8192)));
            DataFrame r = skewed(s.read(new SpillTestSupport.Generated(rows, 30_000, 8192)).filter(col("id").mod(3).notEqual(0)));
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

    /** Row i as {@link #skewed} makes it: the hot row for 70% of the rows, else (k, g mod 2) with a NULL now and then. */
    private static String skewedRow(long i, long keys) {
        if (i % 10 < 7) return "hot|0";
        return SpillTestSupport.key(i, keys) + "|" + (i % 97 == 0 ? null : SpillTestSupport.group(i) % 2);
    }

    private static DataFrame skewed(DataFrame generated) {
        return generated.select(
                functions.when(col("id").mod(10).lt(7), functions.lit("hot")).otherwise(col("k")).alias("k"),
                functions.when(col("id").mod(10).lt(7), functions.lit(0)).otherwise(col("g").mod(2)).alias("m"));
    }
}
