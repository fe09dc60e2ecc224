package dev.sluice;

import dev.sluice.types.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static dev.sluice.functions.avg;
import static dev.sluice.functions.col;
import static dev.sluice.functions.collect_list;
import static dev.sluice.functions.count;
import static dev.sluice.functions.first_value;
import static dev.sluice.functions.last_value;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.max;
import static dev.sluice.functions.min;
import static dev.sluice.functions.nth_value;
import static dev.sluice.functions.stddev;
import static dev.sluice.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Frames from a row (or rows around it, or its peers) to UNBOUNDED FOLLOWING over one window partition far larger
 * than a 1 MiB budget: computed from the spilled partition by a reverse pass, they give the values of a reference
 * computed here and exactly those of the same query in memory (which recomputes each row's frame).
 */
class WindowSuffixFramesTest {
    private static final int ROWS = 20_000;
    private static final long UNBOUNDED_FOLLOWING = Window.unboundedFollowing();

    /** The rows in window order (g NULLS FIRST, then id): their ids, g values (null for NULL) and v values. */
    private static final long[] ID = new long[ROWS];
    private static final Integer[] G = new Integer[ROWS];
    private static final double[] V = new double[ROWS];

    static {
        long[][] byPosition = new long[ROWS][];
        for (int i = 0; i < ROWS; i++) byPosition[i] = new long[] {i % 97 == 0 ? Long.MIN_VALUE : SpillTestSupport.group(i), i};
        Arrays.sort(byPosition, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        for (int p = 0; p < ROWS; p++) {
            ID[p] = byPosition[p][1];
            G[p] = byPosition[p][0] == Long.MIN_VALUE ? null : (int) byPosition[p][0];
            V[p] = SpillTestSupport.value(ID[p]);
        }
    }

    private static WindowSpec ordered() { return Window.partitionBy(col("k")).orderBy(col("g"), col("id")); }

    private static WindowSpec byG() { return Window.partitionBy(col("k")).orderBy(col("g")); }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void suffixFramesStreamFromTheSpilledPartition(int parallelism) {
        Function<DataFrame, DataFrame> query = df -> df
                .withColumn("c", count(col("g")).over(ordered().rowsBetween(0, UNBOUNDED_FOLLOWING)))
                .withColumn("s", sum(col("g")).over(ordered().rowsBetween(-2, UNBOUNDED_FOLLOWING)))
                .withColumn("mn", min(col("g")).over(ordered().rowsBetween(3, UNBOUNDED_FOLLOWING)))
                .withColumn("fv", first_value(col("id")).over(ordered().rowsBetween(1, UNBOUNDED_FOLLOWING)))
                .withColumn("lv", last_value(col("g"), true).over(ordered().rowsBetween(0, UNBOUNDED_FOLLOWING)))
                .withColumn("mx", max(col("v")).over(byG().rangeBetween(Window.currentRow(), UNBOUNDED_FOLLOWING)))
                .withColumn("cr", count(lit(1)).over(byG().rangeBetween(Window.currentRow(), UNBOUNDED_FOLLOWING)))
                .select(col("id"), col("c"), col("s"), col("mn"), col("fv"), col("lv"), col("mx"), col("cr"));
        Map<Long, Row> rows = streamed(query, parallelism);
        // suffix values of the reference, from the last row back
        long[] count = new long[ROWS + 1];
        Long[] sum = new Long[ROWS + 1];
        Integer[] min = new Integer[ROWS + 1];
        Integer[] lastNonNull = new Integer[ROWS + 1];
        double[] maxV = new double[ROWS + 1];
        maxV[ROWS] = Double.NEGATIVE_INFINITY;
        for (int p = ROWS - 1; p >= 0; p--) {
            count[p] = count[p + 1] + (G[p] == null ? 0 : 1);
            sum[p] = G[p] == null ? sum[p + 1] : (sum[p + 1] == null ? 0 : sum[p + 1]) + G[p];
            min[p] = G[p] == null ? min[p + 1] : min[p + 1] == null ? G[p] : Math.min(min[p + 1], G[p]);
            lastNonNull[p] = lastNonNull[p + 1] != null ? lastNonNull[p + 1] : G[p];
            maxV[p] = Math.max(maxV[p + 1], V[p]);
        }
        int[] peerStart = new int[ROWS];
        for (int p = 0; p < ROWS; p++) peerStart[p] = p > 0 && java.util.Objects.equals(G[p], G[p - 1]) ? peerStart[p - 1] : p;
        for (int p = 0; p < ROWS; p++) {
            Row r = rows.get(ID[p]);
            assertThat(r.get(1)).as("count from %d", p).isEqualTo(count[p]);
            assertThat(r.get(2)).as("sum from 2 rows before %d", p).isEqualTo(sum[Math.max(0, p - 2)]);
            assertThat(r.get(3)).as("min from 3 rows after %d", p).isEqualTo(min[Math.min(ROWS, p + 3)]);
            assertThat(r.get(4)).as("first_value from the row after %d", p).isEqualTo(p + 1 < ROWS ? ID[p + 1] : null);
            assertThat(r.get(5)).as("last_value ignoring nulls from %d", p).isEqualTo(lastNonNull[p]);
            assertThat(r.get(6)).as("max from the peers of %d", p).isEqualTo(maxV[peerStart[p]]);
            assertThat(r.get(7)).as("rows from the peers of %d", p).isEqualTo((long) (ROWS - peerStart[p]));
        }
        assertSameInMemory(query, rows, parallelism);
    }

    /** nth_value over suffix frames (ROWS from an offset, from the row's peers; NULLs counted or ignored). */
    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void nthValueOverSuffixFramesStreams(int parallelism) {
        Function<DataFrame, DataFrame> query = df -> df
                .withColumn("n1", nth_value(col("g"), 3).over(ordered().rowsBetween(0, UNBOUNDED_FOLLOWING)))
                .withColumn("n2", nth_value(col("g"), 2, true).over(ordered().rowsBetween(-2, UNBOUNDED_FOLLOWING)))
                .withColumn("n3", nth_value(col("id"), 5).over(byG().rangeBetween(Window.currentRow(), UNBOUNDED_FOLLOWING)))
                .withColumn("n4", nth_value(col("g"), 40, true).over(ordered().rowsBetween(3, UNBOUNDED_FOLLOWING)))
                .select(col("id"), col("n1"), col("n2"), col("n3"), col("n4"));
        Map<Long, Row> rows = streamed(query, parallelism);
        int[] peerStart = new int[ROWS];
        for (int p = 0; p < ROWS; p++) peerStart[p] = p > 0 && java.util.Objects.equals(G[p], G[p - 1]) ? peerStart[p - 1] : p;
        for (int p = 0; p < ROWS; p++) {
            Row r = rows.get(ID[p]);
            assertThat(r.get(1)).as("3rd from %d", p).isEqualTo(p + 2 < ROWS ? G[p + 2] : null);
            assertThat(r.get(2)).as("2nd non-null from 2 rows before %d", p).isEqualTo(nthNonNull(Math.max(0, p - 2), 2));
            assertThat(r.get(3)).as("5th from the peers of %d", p).isEqualTo(peerStart[p] + 4 < ROWS ? ID[peerStart[p] + 4] : null);
            assertThat(r.get(4)).as("40th non-null from 3 rows after %d", p).isEqualTo(nthNonNull(Math.min(ROWS, p + 3), 40));
        }
        assertSameInMemory(query, rows, parallelism);
    }

    /** The n-th non-NULL g from position {@code from} on, or null. */
    private static Integer nthNonNull(int from, int n) {
        for (int p = from; p < ROWS; p++) if (G[p] != null && --n == 0) return G[p];
        return null;
    }

    /**
     * RANGE frames from a value offset before the row to UNBOUNDED FOLLOWING (ascending and descending, NULL keys
     * first or last) stream by the reverse pass: a row's value is out once the pass reaches a row below its bound.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void rangeFramesFromAValueOffsetStream(int parallelism) {
        WindowSpec asc = Window.partitionBy(col("k")).orderBy(col("g"));
        WindowSpec desc = Window.partitionBy(col("k")).orderBy(col("g").desc_nulls_last());
        Function<DataFrame, DataFrame> query = df -> df
                .withColumn("c", count(lit(1)).over(asc.rangeBetween(-3, UNBOUNDED_FOLLOWING)))
                .withColumn("mn", min(col("id")).over(asc.rangeBetween(-1, UNBOUNDED_FOLLOWING)))
                .withColumn("cd", count(lit(1)).over(desc.rangeBetween(-2, UNBOUNDED_FOLLOWING)))
                .withColumn("nv", nth_value(col("g"), 2).over(desc.rangeBetween(-5, UNBOUNDED_FOLLOWING)))
                .select(col("id"), col("c"), col("mn"), col("cd"), col("nv"));
        Map<Long, Row> rows = streamed(query, parallelism);
        // the reference: g NULLS FIRST ascending; a row's frame is every row from the first non-null g >= g - offset
        // (a NULL g: from the first NULL, i.e. every row); descending NULLS LAST: rows with g <= g + offset, then the NULLs
        int nulls = 0;
        while (nulls < ROWS && G[nulls] == null) nulls++;
        long[] minIdFrom = new long[ROWS + 1];
        minIdFrom[ROWS] = Long.MAX_VALUE;
        for (int p = ROWS - 1; p >= 0; p--) minIdFrom[p] = Math.min(minIdFrom[p + 1], ID[p]);
        for (int p = 0; p < ROWS; p++) {
            Row r = rows.get(ID[p]);
            Integer g = G[p];
            long ascFrom3 = g == null ? 0 : firstAtLeast(nulls, g - 3);
            long ascFrom1 = g == null ? 0 : firstAtLeast(nulls, g - 1);
            assertThat(r.get(1)).as("count asc from g - 3 at %d", p).isEqualTo(ROWS - ascFrom3);
            assertThat(r.get(2)).as("min id asc from g - 1 at %d", p).isEqualTo(minIdFrom[(int) ascFrom1]);
            assertThat(r.get(3)).as("count desc from g + 2 at %d", p).isEqualTo(g == null ? (long) nulls : countAtMost(nulls, g + 2) + nulls);
            Integer second = g == null ? null : secondDesc(nulls, g + 5);   // a NULL's frame is the NULLs
            assertThat(r.get(4)).as("2nd desc from g + 5 at %d", p).isEqualTo(second);
        }
        assertSameInMemory(query, rows, parallelism);
    }

    /** The first position (among the non-null g from {@code nulls} on, ascending) whose g is at least {@code bound}. */
    private static int firstAtLeast(int nulls, int bound) {
        int p = nulls;
        while (p < ROWS && G[p] < bound) p++;
        return p;
    }

    /** How many non-null g are at most {@code bound}. */
    private static long countAtMost(int nulls, int bound) { return firstAtLeast(nulls, bound + 1) - nulls; }

    /** The 2nd g in descending order (NULLS LAST) among the rows with g at most {@code bound}, then the NULLs. */
    private static Integer secondDesc(int nulls, int bound) {
        int atMost = (int) countAtMost(nulls, bound);   // non-null rows with g <= bound: positions [nulls, nulls + atMost) ascending
        if (atMost >= 2) return G[nulls + atMost - 2];
        return null;   // fewer than 2 non-null: the 2nd is a NULL (or there is none)
    }

    /**
     * Functions a reverse pass would round differently (a floating-point sum, an average, a variance) and a RANGE
     * frame starting after the row stream too: each row's frame is accumulated forward from its start, chunk by
     * chunk, as in memory; the values are exactly those of the in-memory path (and a reference for the sum).
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void otherSuffixFramesAreRecomputedFromEachRowsStart(int parallelism) {
        Function<DataFrame, DataFrame> query = df -> df
                .withColumn("s", sum(col("v")).over(ordered().rowsBetween(-1, UNBOUNDED_FOLLOWING)))
                .withColumn("a", avg(col("v")).over(byG().rangeBetween(Window.currentRow(), UNBOUNDED_FOLLOWING)))
                .withColumn("sd", stddev(col("v")).over(byG().rangeBetween(-2, UNBOUNDED_FOLLOWING)))
                .withColumn("fv", first_value(col("id")).over(byG().rangeBetween(3, UNBOUNDED_FOLLOWING)))
                .select(col("id"), col("s"), col("a"), col("sd"), col("fv"));
        Map<Long, Row> rows = streamed(query, parallelism);
        for (int p = 0; p < ROWS; p += 7) {   // the sum, in window order from the frame's start, as in memory
            double sum = 0;
            for (int q = Math.max(0, p - 1); q < ROWS; q++) sum += V[q];
            assertThat(rows.get(ID[p]).get(1)).as("sum from the row before %d", p).isEqualTo(sum);
        }
        assertSameInMemory(query, rows, parallelism);
    }

    /**
     * The same partition with a suffix of a collecting aggregate (its state grows with the frame: not streamed)
     * does not fit: so the queries above did stream their partition.
     */
    @org.junit.jupiter.api.Test void theSamePartitionDoesNotFitInMemory() {
        try (Sluice s = SpillTestSupport.session(1, new SpillTestSupport.SpillCounter())) {
            DataFrame df = SpillTestSupport.generated(s, ROWS, 1);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> df.withColumn("r", collect_list(col("v")).over(ordered().rowsBetween(0, UNBOUNDED_FOLLOWING)))
                            .filter(col("r").isNull()).count())
                    .isInstanceOfSatisfying(dev.sluice.error.SluiceException.class, e -> {
                        assertThat(e.code()).isEqualTo(dev.sluice.error.ErrorCode.MEMORY_EXHAUSTED);
                        assertThat(e.fact("reason")).contains("collect_list(v)");
                    });
            assertThat(SpillTestSupport.pool(s).used()).isZero();
            assertThat(SpillTestSupport.pool(s).spills().liveFiles()).isZero();
        }
    }

    /** Runs the query on the generated rows (one window partition) under the tiny budget; rows by id. */
    private static Map<Long, Row> streamed(Function<DataFrame, DataFrame> query, int parallelism) {
        SpillTestSupport.SpillCounter counter = new SpillTestSupport.SpillCounter();
        try (Sluice s = SpillTestSupport.session(parallelism, counter)) {
            List<Row> rows = query.apply(SpillTestSupport.generated(s, ROWS, 1)).collect();
            assertThat(rows).hasSize(ROWS);
            assertThat(counter.spilledBytes()).isPositive();
            assertThat(SpillTestSupport.pool(s).used()).isZero();
            assertThat(SpillTestSupport.pool(s).spills().liveFiles()).isZero();
            Map<Long, Row> byId = new HashMap<>();
            for (Row r : rows) byId.put((Long) r.get(0), r);
            return byId;
        }
    }

    /** The same query with memory enough for the partition: the in-memory path gives exactly the same values. */
    private static void assertSameInMemory(Function<DataFrame, DataFrame> query, Map<Long, Row> streamed, int parallelism) {
        try (Sluice s = Sluice.builder().parallelism(parallelism).shufflePartitions(Math.max(2, parallelism)).build()) {
            List<Row> rows = query.apply(SpillTestSupport.generated(s, ROWS, 1)).collect();
            assertThat(rows).hasSize(ROWS);
            for (Row r : rows) {
                Row other = streamed.get((Long) r.get(0));
                for (int c = 1; c < r.size(); c++) assertThat(other.get(c)).as("column %d of id %s", c, r.get(0)).isEqualTo(r.get(c));
            }
        }
    }
}
