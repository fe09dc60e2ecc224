package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.Row;
import org.junit.jupiter.api.Test;
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
import static dev.sluice.functions.cume_dist;
import static dev.sluice.functions.first_value;
import static dev.sluice.functions.lag;
import static dev.sluice.functions.last_value;
import static dev.sluice.functions.lead;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.max;
import static dev.sluice.functions.min;
import static dev.sluice.functions.nth_value;
import static dev.sluice.functions.ntile;
import static dev.sluice.functions.percent_rank;
import static dev.sluice.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One window partition of 60,000 rows under a 1 MiB budget, with the functions that look around their row
 * (lag/lead, sliding ROWS frames), pick a row (first/last/nth_value) or need the whole partition (its size, a
 * whole-partition frame): each streams from the spilled sort, and gives the values of a reference computed here
 * and exactly those of the same query in memory.
 */
class WindowStreamingFramesTest {
    private static final int ROWS = 60_000;
    private static final long UNBOUNDED_PRECEDING = Window.unboundedPreceding();
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

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void lagLeadAndPickedValuesStream(int parallelism) {
        Function<DataFrame, DataFrame> query = df -> df
                .withColumn("lag", lag(col("id"), 1500, -1L).over(ordered()))
                .withColumn("lead", lead(col("g"), 3).over(ordered()))
                .withColumn("fv", first_value(col("v")).over(ordered().rowsBetween(UNBOUNDED_PRECEDING, Window.currentRow())))
                .withColumn("lv", last_value(col("g"), true).over(ordered()))
                .withColumn("nv", nth_value(col("v"), 3).over(ordered()))
                .withColumn("ahead", last_value(col("id")).over(ordered().rowsBetween(UNBOUNDED_PRECEDING, 2)))
                .select(col("id"), col("lag"), col("lead"), col("fv"), col("lv"), col("nv"), col("ahead"));
        Map<Long, Row> rows = streamed(query, parallelism, 1);
        Integer lastNonNull = null;
        for (int p = 0; p < ROWS; p++) {
            if (G[p] != null) lastNonNull = G[p];
            Row r = rows.get(ID[p]);
            assertThat(r.get(1)).as("lag at %d", p).isEqualTo(p >= 1500 ? ID[p - 1500] : -1L);
            assertThat(r.get(2)).as("lead at %d", p).isEqualTo(p + 3 < ROWS ? G[p + 3] : null);
            assertThat(r.get(3)).as("first_value at %d", p).isEqualTo(V[0]);
            assertThat(r.get(4)).as("last_value ignoring nulls at %d", p).isEqualTo(lastNonNull);
            assertThat(r.get(5)).as("nth_value at %d", p).isEqualTo(p >= 2 ? V[2] : null);
            assertThat(r.get(6)).as("last_value 2 rows ahead at %d", p).isEqualTo(ID[Math.min(ROWS - 1, p + 2)]);
        }
        assertSameInMemory(query, rows, parallelism, 1);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void slidingRowsFramesStream(int parallelism) {
        Function<DataFrame, DataFrame> query = df -> df
                .withColumn("s", sum(col("g")).over(ordered().rowsBetween(-3, 2)))
                .withColumn("c", count(col("g")).over(ordered().rowsBetween(-3, 2)))
                .withColumn("mn", min(col("g")).over(ordered().rowsBetween(-3, 2)))
                .withColumn("mx", max(col("v")).over(ordered().rowsBetween(-3, 2)))
                .withColumn("a", avg(col("v")).over(ordered().rowsBetween(-3, 2)))
                .withColumn("wide", sum(col("g")).over(ordered().rowsBetween(-500, 10)))
                .withColumn("before", first_value(col("id")).over(ordered().rowsBetween(-2, -1)))
                .select(col("id"), col("s"), col("c"), col("mn"), col("mx"), col("a"), col("wide"), col("before"));
        Map<Long, Row> rows = streamed(query, parallelism, 1);
        for (int p = 0; p < ROWS; p++) {
            Row r = rows.get(ID[p]);
            long s = 0, c = 0;
            Integer mn = null;
            Double mx = null;
            for (int q = Math.max(0, p - 3); q <= Math.min(ROWS - 1, p + 2); q++) {
                mx = mx == null ? V[q] : Math.max(mx, V[q]);
                if (G[q] == null) continue;
                s += G[q];
                c++;
                mn = mn == null ? G[q] : Math.min(mn, G[q]);
            }
            assertThat(r.get(1)).as("sum at %d", p).isEqualTo(c == 0 ? null : s);
            assertThat(r.get(2)).as("count at %d", p).isEqualTo(c);
            assertThat(r.get(3)).as("min at %d", p).isEqualTo(mn);
            assertThat(r.get(4)).as("max at %d", p).isEqualTo(mx);
            assertThat((Double) r.get(5)).as("avg at %d", p).isCloseTo(averageV(p - 3, p + 2), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(r.get(7)).as("first_value of the two rows before %d", p).isEqualTo(p == 0 ? null : ID[Math.max(0, p - 2)]);
        }
        long wide = 0;   // a sliding sum: add the row entering the frame, take off the one leaving it
        int nonNull = 0;
        for (int q = 0; q <= Math.min(ROWS - 1, 10); q++) if (G[q] != null) { wide += G[q]; nonNull++; }
        for (int p = 0; p < ROWS; p++) {
            assertThat(rows.get(ID[p]).get(6)).as("sum over 500 rows before to 10 after, at %d", p).isEqualTo(nonNull == 0 ? null : wide);
            int in = p + 11, out = p - 500;
            if (in < ROWS && G[in] != null) { wide += G[in]; nonNull++; }
            if (out >= 0 && G[out] != null) { wide -= G[out]; nonNull--; }
        }
        assertSameInMemory(query, rows, parallelism, 1);
    }

    private static double averageV(int from, int to) {
        double sum = 0;
        int n = 0;
        for (int q = Math.max(0, from); q <= Math.min(ROWS - 1, to); q++) {
            sum += V[q];
            n++;
        }
        return sum / n;
    }

    /** The whole partition's frames and its size: a first pass over the spilled partition, then a second. */
    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void wholePartitionFramesAndSizeTakeTwoPasses(int parallelism) {
        Function<DataFrame, DataFrame> query = df -> df
                .withColumn("total", sum(col("g")).over(Window.partitionBy(col("k"))))
                .withColumn("n", count(lit(1)).over(Window.partitionBy(col("k"))))
                .withColumn("mx", max(col("v")).over(ordered().rowsBetween(UNBOUNDED_PRECEDING, UNBOUNDED_FOLLOWING)))
                .withColumn("lastId", last_value(col("id")).over(ordered().rowsBetween(UNBOUNDED_PRECEDING, UNBOUNDED_FOLLOWING)))
                .withColumn("nt", ntile(7).over(ordered()))
                .withColumn("pr", percent_rank().over(Window.partitionBy(col("k")).orderBy(col("g"))))
                .withColumn("cd", cume_dist().over(Window.partitionBy(col("k")).orderBy(col("g"))))
                .withColumn("lastPeer", last_value(col("id")).over(Window.partitionBy(col("k")).orderBy(col("g"))))
                .select(col("id"), col("total"), col("n"), col("mx"), col("lastId"), col("nt"), col("pr"), col("cd"), col("lastPeer"));
        Map<Long, Row> rows = streamed(query, parallelism, 1);
        long total = 0;
        double maxV = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < ROWS; p++) {
            if (G[p] != null) total += G[p];
            maxV = Math.max(maxV, V[p]);
        }
        int[] peerStart = new int[ROWS], peerEnd = new int[ROWS];
        for (int p = 0; p < ROWS; p++) peerStart[p] = p > 0 && java.util.Objects.equals(G[p], G[p - 1]) ? peerStart[p - 1] : p;
        for (int p = ROWS - 1; p >= 0; p--) peerEnd[p] = p < ROWS - 1 && java.util.Objects.equals(G[p], G[p + 1]) ? peerEnd[p + 1] : p + 1;
        int perBucket = ROWS / 7, bigBuckets = ROWS % 7;
        for (int p = 0; p < ROWS; p++) {
            Row r = rows.get(ID[p]);
            assertThat(r.get(1)).as("whole sum at %d", p).isEqualTo(total);
            assertThat(r.get(2)).as("partition size at %d", p).isEqualTo((long) ROWS);
            assertThat(r.get(3)).as("whole max at %d", p).isEqualTo(maxV);
            assertThat(r.get(4)).as("whole last_value at %d", p).isEqualTo(ID[ROWS - 1]);
            int bucket = p < bigBuckets * (perBucket + 1) ? p / (perBucket + 1) + 1 : bigBuckets + (p - bigBuckets * (perBucket + 1)) / perBucket + 1;
            assertThat(r.get(5)).as("ntile at %d", p).isEqualTo(bucket);
            assertThat(r.get(6)).as("percent_rank at %d", p).isEqualTo(peerStart[p] / (double) (ROWS - 1));
            assertThat(r.get(7)).as("cume_dist at %d", p).isEqualTo(peerEnd[p] / (double) ROWS);
            assertThat(r.get(8)).as("last_value of the peers (RANGE) at %d", p).isEqualTo(ID[peerEnd[p] - 1]);
        }
        assertSameInMemory(query, rows, parallelism, 1);
    }

    /**
     * Three window partitions each far larger than the budget, one after another in a task's sorted stream: each
     * is cut, counted in its own first pass (the rows read past its end wait for the next), and continued alone.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void severalLargePartitionsOneAfterAnother(int parallelism) {
        WindowSpec byG = Window.partitionBy(col("k")).orderBy(col("g"), col("id"));
        Function<DataFrame, DataFrame> query = df -> df
                .withColumn("n", count(lit(1)).over(Window.partitionBy(col("k"))))
                .withColumn("nt", ntile(5).over(byG))
                .withColumn("lag", lag(col("id"), 7).over(byG))
                .withColumn("lead", lead(col("id"), 9).over(byG))
                .withColumn("run", sum(col("g")).over(byG))
                .withColumn("slide", max(col("v")).over(byG.rowsBetween(-4, 4)))
                .withColumn("cd", cume_dist().over(Window.partitionBy(col("k")).orderBy(col("g"))))
                .select(col("id"), col("n"), col("nt"), col("lag"), col("lead"), col("run"), col("slide"), col("cd"), col("k"));
        Map<Long, Row> rows = streamed(query, parallelism, 3);
        Map<String, Long> sizes = new HashMap<>();
        for (long i = 0; i < ROWS; i++) sizes.merge(SpillTestSupport.key(i, 3), 1L, Long::sum);
        assertThat(sizes).hasSize(3);
        for (Row r : rows.values()) assertThat(r.get(1)).isEqualTo(sizes.get((String) r.get(8)));
        assertSameInMemory(query, rows, parallelism, 3);
    }

    /** RANGE frames with value offsets keep and read ahead the rows whose order key is within the offsets. */
    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void rangeFramesWithValueOffsetsStream(int parallelism) {
        WindowSpec byG = Window.partitionBy(col("k")).orderBy(col("g"));
        Function<DataFrame, DataFrame> query = df -> df
                .withColumn("s", sum(col("g")).over(byG.rangeBetween(-2, 1)))
                .withColumn("c", count(lit(1)).over(byG.rangeBetween(UNBOUNDED_PRECEDING, -3)))
                .withColumn("fv", first_value(col("id")).over(byG.rangeBetween(Window.currentRow(), 4)))
                .withColumn("desc", max(col("v")).over(Window.partitionBy(col("k")).orderBy(col("g").desc()).rangeBetween(-1, 3)))
                .select(col("id"), col("s"), col("c"), col("fv"), col("desc"));
        Map<Long, Row> rows = streamed(query, parallelism, 1);
        long[] count = new long[1000];
        long nulls = 0;
        for (int p = 0; p < ROWS; p++) if (G[p] == null) nulls++; else count[G[p]]++;
        for (int p = 0; p < ROWS; p++) {
            Row r = rows.get(ID[p]);
            Integer g = G[p];
            long sum = 0, below = nulls;
            if (g != null) {
                for (int x = Math.max(0, g - 2); x <= Math.min(999, g + 1); x++) sum += x * count[x];
                for (int x = 0; x <= g - 3; x++) below += count[x];
            }
            int peerStart = p;
            while (peerStart > 0 && java.util.Objects.equals(G[peerStart - 1], g)) peerStart--;
            assertThat(r.get(1)).as("sum of g within [g-2, g+1] at %d", p).isEqualTo(g == null ? null : sum);
            assertThat(r.get(2)).as("count up to g-3 at %d", p).isEqualTo(below);
            assertThat(r.get(3)).as("first_value within [g, g+4] at %d", p).isEqualTo(ID[peerStart]);
        }
        assertSameInMemory(query, rows, parallelism, 1);
    }

    /**
     * A frame that cannot be computed as a stream over a partition larger than the budget, or an offset whose rows
     * do not fit: a coded error naming the function, not a heap OutOfMemoryError.
     */
    @Test void aFrameThatCannotStreamFailsNamingTheFunction() {
        try (Sluice s = SpillTestSupport.session(2, new SpillTestSupport.SpillCounter())) {
            DataFrame df = SpillTestSupport.generated(s, ROWS, 1);
            // a collecting aggregate over a suffix frame: its value is as large as the frame (RANGE frames from a value
            // offset and floating-point sums over suffix frames stream now: WindowSuffixFramesTest)
            assertThatThrownBy(() -> df.withColumn("r", collect_list(col("v")).over(Window.partitionBy(col("k")).orderBy(col("g")).rangeBetween(-10, UNBOUNDED_FOLLOWING)))
                    .filter(col("r").isNull()).count())
                    .isInstanceOfSatisfying(SluiceException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.MEMORY_EXHAUSTED);
                        assertThat(e.fact("reason")).contains("collect_list(v)");
                    });
            // streams, but the rows it looks back at are far more than the budget holds
            assertThatThrownBy(() -> df.withColumn("r", lag(col("id"), 50_000).over(ordered())).filter(col("r").isNull()).count())
                    .isInstanceOfSatisfying(SluiceException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.MEMORY_EXHAUSTED);
                        assertThat(e.fact("reason")).contains("lag(id, 50000");
                    });
            assertThat(SpillTestSupport.pool(s).used()).isZero();
            assertThat(SpillTestSupport.pool(s).spills().liveFiles()).isZero();
        }
    }

    /** Runs the query on the generated rows ({@code keys} window partitions) under the tiny budget; rows by id. */
    private static Map<Long, Row> streamed(Function<DataFrame, DataFrame> query, int parallelism, long keys) {
        SpillTestSupport.SpillCounter counter = new SpillTestSupport.SpillCounter();
        try (Sluice s = SpillTestSupport.session(parallelism, counter)) {
            List<Row> rows = query.apply(SpillTestSupport.generated(s, ROWS, keys)).collect();
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
    private static void assertSameInMemory(Function<DataFrame, DataFrame> query, Map<Long, Row> streamed, int parallelism, long keys) {
        try (Sluice s = Sluice.builder().parallelism(parallelism).shufflePartitions(Math.max(2, parallelism)).build()) {
            List<Row> rows = query.apply(SpillTestSupport.generated(s, ROWS, keys)).collect();
            assertThat(rows).hasSize(ROWS);
            for (Row r : rows) {
                Row other = streamed.get((Long) r.get(0));
                for (int c = 1; c < r.size(); c++) assertThat(other.get(c)).as("column %d of id %s", c, r.get(0)).isEqualTo(r.get(c));
            }
        }
    }
}
