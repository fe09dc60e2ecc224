package dev.sluice;

import dev.sluice.exec.ExchangeExec;
import dev.sluice.exec.ExecNode;
import dev.sluice.exec.JobListener;
import dev.sluice.exec.Metered;
import dev.sluice.exec.OperatorMetrics;
import dev.sluice.types.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shuffled joins at a 1 MiB budget (exchanges spilled, grace partitions, or a build side that fits beside a probe side
 * read back from the exchange's spill) give the same rows, column by column, as the same join in memory, for every join
 * type at parallelism 1 and 7 ({@link JoinSpillTest} compares row counts only).
 */
class JoinSpillRowsTest {
    private static final long ROWS = 120_000;

    /** Spill bytes of the exchanges (index 0) and of the joins (index 1) of the queries the counter saw. */
    private static long[] spillBytes(List<ExecNode> roots) {
        long[] out = new long[2];
        for (ExecNode r : roots) walk(r, out);
        return out;
    }

    private static void walk(ExecNode node, long[] out) {
        OperatorMetrics m = Metered.metricsOf(node);
        if (m != null && Metered.unwrap(node) instanceof ExchangeExec) out[0] += m.spillBytes();
        if (m != null && Metered.unwrap(node).describe().startsWith("ShuffledHashJoinExec")) out[1] += m.spillBytes();
        for (ExecNode c : node.children()) walk(c, out);
    }

    private static final class Roots implements JobListener {
        final List<ExecNode> roots = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override public void onQueryStart(long queryId, String description, ExecNode root) { roots.add(root); }
    }

    private static Sluice session(int parallelism, long budget, JobListener listener) {
        return Sluice.builder().parallelism(parallelism).shufflePartitions(Math.max(2, parallelism)).memoryBudget(budget)
                .broadcastThreshold(-1).listener(listener).build();
    }

    private static DataFrame left(Sluice s, long rows) {
        return s.read(new SpillTestSupport.Generated(rows, 100_000, 8192)).select(col("id"), col("k"));
    }

    private static DataFrame right(Sluice s, long rows) {
        return s.read(new SpillTestSupport.Generated(rows, 150_000, 8192)).select(col("id").alias("rid"), col("k").alias("rk"));
    }

    private static List<String> sortedRows(DataFrame df) {
        List<String> out = new ArrayList<>();
        for (Row r : df.collectAsList()) out.add(r.toString());
        java.util.Collections.sort(out);
        return out;
    }

    @ParameterizedTest
    @CsvSource({"1, inner", "7, inner", "1, left_outer", "7, left_outer", "1, right_outer", "7, full_outer", "1, full_outer",
            "7, left_semi", "1, left_anti", "7, left_anti"})
    void rowsAtATinyBudgetEqualTheRowsInMemory(int parallelism, String joinType) {
        List<String> expected;
        try (Sluice s = session(parallelism, 1L << 30, new Roots())) {
            expected = sortedRows(left(s, ROWS).join(right(s, ROWS), col("k").equalTo(col("rk")), joinType));
        }
        Roots roots = new Roots();
        try (Sluice s = session(parallelism, 1L << 20, roots)) {
            assertThat(sortedRows(left(s, ROWS).join(right(s, ROWS), col("k").equalTo(col("rk")), joinType))).isEqualTo(expected);
            long[] spilled = spillBytes(roots.roots);
            assertThat(spilled[0]).as("exchange spill bytes").isPositive();
            assertThat(spilled[1]).as("grace join spill bytes").isPositive();
            assertThat(SpillTestSupport.pool(s).used()).isZero();
            assertThat(SpillTestSupport.pool(s).spills().liveFiles()).isZero();
        }
    }

    @ParameterizedTest
    @CsvSource({"1, left_outer", "7, left_outer", "7, inner"})
    void aBuildSideThatFitsReadsTheProbeSidesSplitSpillAsAStream(int parallelism, String joinType) {
        List<String> expected;
        try (Sluice s = session(parallelism, 1L << 30, new Roots())) {
            expected = sortedRows(left(s, ROWS).join(right(s, 2_000), col("k").equalTo(col("rk")), joinType));
        }
        Roots roots = new Roots();
        try (Sluice s = session(parallelism, 1L << 20, roots)) {
            assertThat(sortedRows(left(s, ROWS).join(right(s, 2_000), col("k").equalTo(col("rk")), joinType))).isEqualTo(expected);
            assertThat(spillBytes(roots.roots)[0]).isPositive();
            assertThat(SpillTestSupport.pool(s).spills().liveFiles()).isZero();
        }
    }
}
