package dev.sluice;

import dev.sluice.types.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

import static dev.sluice.functions.col;
import static dev.sluice.functions.count;
import static dev.sluice.functions.dense_rank;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.rank;
import static dev.sluice.functions.row_number;
import static dev.sluice.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One window partition of a few hundred thousand rows under a budget far smaller than it: row_number, rank,
 * dense_rank and running aggregates only look back from their row, so the partition streams from the spilled
 * sort in chunks.
 */
class WindowStreamingTest {
    private static final int ROWS = 200_000;

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void rankingFunctionsStreamAPartitionLargerThanTheBudget(int parallelism) {
        // reference: rows ordered by (g NULLS FIRST, id); ranks over g alone
        long[][] byPosition = new long[ROWS][];
        for (int i = 0; i < ROWS; i++) byPosition[i] = new long[] {i % 97 == 0 ? Long.MIN_VALUE : SpillTestSupport.group(i), i};
        Arrays.sort(byPosition, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int[] rowNumber = new int[ROWS], rank = new int[ROWS], dense = new int[ROWS];
        int d = 0;
        for (int p = 0; p < ROWS; p++) {
            int id = (int) byPosition[p][1];
            rowNumber[id] = p + 1;
            boolean newPeers = p == 0 || byPosition[p][0] != byPosition[p - 1][0];
            if (newPeers) d++;
            rank[id] = newPeers ? p + 1 : rank[(int) byPosition[p - 1][1]];
            dense[id] = d;
        }
        SpillTestSupport.SpillCounter counter = new SpillTestSupport.SpillCounter();
        try (Sluice s = SpillTestSupport.session(parallelism, counter)) {
            List<Row> rows = SpillTestSupport.generated(s, ROWS, 1)
                    .withColumn("rn", row_number().over(Window.partitionBy(col("k")).orderBy(col("g"), col("id"))))
                    .withColumn("r", rank().over(Window.partitionBy(col("k")).orderBy(col("g"))))
                    .withColumn("dr", dense_rank().over(Window.partitionBy(col("k")).orderBy(col("g"))))
                    .select(col("id"), col("rn"), col("r"), col("dr")).collect();
            assertThat(rows).hasSize(ROWS);
            for (Row r : rows) {
                int id = (int) (long) (Long) r.get(0);
                assertThat(r.get(1)).as("row_number of %d", id).isEqualTo(rowNumber[id]);
                assertThat(r.get(2)).as("rank of %d", id).isEqualTo(rank[id]);
                assertThat(r.get(3)).as("dense_rank of %d", id).isEqualTo(dense[id]);
            }
            assertThat(counter.spilledBytes()).isPositive();
            assertThat(SpillTestSupport.pool(s).used()).isZero();
            assertThat(SpillTestSupport.pool(s).spills().liveFiles()).isZero();
        }
    }

    /** Running aggregates (ROWS, and RANGE whose frame ends with the row's peers) stream the same way. */
    @Test void runningAggregatesStreamAPartitionLargerThanTheBudget() {
        long[][] byPosition = new long[ROWS][];
        for (int i = 0; i < ROWS; i++) byPosition[i] = new long[] {i % 97 == 0 ? Long.MIN_VALUE : SpillTestSupport.group(i), i};
        Arrays.sort(byPosition, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        Long[] runningSum = new Long[ROWS];
        long[] rangeCount = new long[ROWS];
        Long sum = null;   // NULL until the frame holds a non-NULL g (the NULLs sort first)
        for (int p = 0; p < ROWS; p++) {
            if (byPosition[p][0] != Long.MIN_VALUE) sum = (sum == null ? 0 : sum) + byPosition[p][0];
            runningSum[(int) byPosition[p][1]] = sum;
        }
        for (int p = ROWS - 1, peersEnd = ROWS; p >= 0; p--) {   // RANGE: every row up to the last of its peers
            if (p < ROWS - 1 && byPosition[p][0] != byPosition[p + 1][0]) peersEnd = p + 1;
            rangeCount[(int) byPosition[p][1]] = peersEnd;
        }
        SpillTestSupport.SpillCounter counter = new SpillTestSupport.SpillCounter();
        try (Sluice s = SpillTestSupport.session(2, counter)) {
            List<Row> rows = SpillTestSupport.generated(s, ROWS, 1)
                    .withColumn("rs", sum(col("g")).over(Window.partitionBy(col("k")).orderBy(col("g"), col("id"))
                            .rowsBetween(Window.unboundedPreceding(), Window.currentRow())))
                    .withColumn("rc", count(lit(1)).over(Window.partitionBy(col("k")).orderBy(col("g"))))
                    .select(col("id"), col("rs"), col("rc")).collect();
            assertThat(rows).hasSize(ROWS);
            for (Row r : rows) {
                int id = (int) (long) (Long) r.get(0);
                assertThat(r.get(1)).as("running sum of %d", id).isEqualTo(runningSum[id]);
                assertThat(r.get(2)).as("running count (range) of %d", id).isEqualTo(rangeCount[id]);
            }
            assertThat(counter.spilledBytes()).isPositive();
            assertThat(SpillTestSupport.pool(s).used()).isZero();
        }
    }

    /**
     * A function of the whole partition (here its size) used to need the partition in memory: it now takes a first
     * pass over the spilled partition, then a second (more in {@code WindowStreamingFramesTest}).
     */
    @Test void aFunctionOfTheWholePartitionTakesTwoPasses() {
        SpillTestSupport.SpillCounter counter = new SpillTestSupport.SpillCounter();
        try (Sluice s = SpillTestSupport.session(1, counter)) {
            long matching = SpillTestSupport.generated(s, ROWS, 1)
                    .withColumn("n", count(lit(1)).over(Window.partitionBy(col("k")))).filter(col("n").equalTo(lit((long) ROWS))).count();
            assertThat(matching).isEqualTo(ROWS);
            assertThat(counter.spilledBytes()).isPositive();
            assertThat(SpillTestSupport.pool(s).spills().liveFiles()).isZero();
        }
    }
}
