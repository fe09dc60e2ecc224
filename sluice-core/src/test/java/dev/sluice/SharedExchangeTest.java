package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static dev.sluice.functions.col;
import static dev.sluice.functions.rand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A join whose sides read the same rows exchanges them once ({@code ReusedExchangeExec}): the planner's choice (when
 * it applies and when not) and the results, equal to the unshared plan's (the same rows read through two sources,
 * which are never shared) at a tiny budget, for every join type, at parallelism 1 and 7; spill files gone after
 * success, failure and cancel.
 */
class SharedExchangeTest {
    private static final long ROWS = 120_000;

    private static Sluice session(int parallelism, long budget) {
        return Sluice.builder().parallelism(parallelism).shufflePartitions(Math.max(2, parallelism)).memoryBudget(budget)
                .broadcastThreshold(-1).build();
    }

    private static DataFrame logs(Sluice s, long rows) {
        return s.read(new SpillTestSupport.Generated(rows, 100_000, 8192));
    }

    /** M4's shape: the same input on both sides, each pruned to its columns, the right side's key renamed. */
    private static DataFrame selfJoin(DataFrame left, DataFrame right, String joinType) {
        return left.select(col("k"), col("g"))
                .join(right.select(col("k").alias("rk"), col("v"), col("id")), col("k").equalTo(col("rk")), joinType);
    }

    private static String physical(DataFrame df) {
        String extended = df.explainString("extended");
        return extended.substring(extended.indexOf("== Physical Plan =="));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
        return n;
    }

    private static List<String> sortedRows(DataFrame df) {
        List<String> out = new ArrayList<>();
        for (Row r : df.collectAsList()) out.add(r.toString());
        Collections.sort(out);
        return out;
    }

    @Test void aSelfJoinScansAndExchangesItsInputOnce() {
        try (Sluice s = session(2, 1L << 30)) {
            DataFrame logs = logs(s, 1000);
            String plan = physical(selfJoin(logs, logs, "inner"));
            assertThat(count(plan, "ScanExec")).as(plan).isEqualTo(1);
            assertThat(plan).contains("ScanExec: generated 1000 rows [id, k, g, v]")
                    .contains("ExchangeExec: hash([k], 2), read by 2").contains("ReusedExchangeExec: hash([k], 2)");
        }
    }

    @Test void identicalSidesShareTheirExchangeAboveAnAggregate() {
        try (Sluice s = session(2, 1L << 30)) {
            DataFrame counts = logs(s, 1000).groupBy("k").count();
            DataFrame joined = counts.join(counts.select(col("k").alias("k2"), col("count").alias("c2")), col("k").equalTo(col("k2")));
            String plan = physical(joined);
            assertThat(count(plan, "ScanExec")).as(plan).isEqualTo(1);
            assertThat(plan).contains("ReusedExchangeExec");
            assertThat(joined.count()).isEqualTo(counts.count());
        }
    }

    /** Sides that differ in what they read, how they are partitioned, or that compute anything non-deterministic. */
    @ParameterizedTest
    @ValueSource(strings = {"two sources of the same rows", "a filter on one side", "different keys", "different partition counts",
            "a non-deterministic column", "a non-deterministic filter"})
    void sidesThatDifferAreNotShared(String difference) {
        try (Sluice s = session(2, 1L << 30)) {
            DataFrame logs = logs(s, 1000);
            DataFrame joined = switch (difference) {
                case "two sources of the same rows" -> selfJoin(logs, logs(s, 1000), "inner");
                case "a filter on one side" -> selfJoin(logs.filter(col("g").gt(10)), logs, "inner");
                case "different keys" -> logs.select(col("k"), col("g"))
                        .join(logs.select(col("pad").alias("rk"), col("v")), col("k").equalTo(col("rk")));
                case "different partition counts" -> selfJoin(logs.repartition(3, col("k")), logs.repartition(5, col("k")), "inner");
                case "a non-deterministic column" -> {
                    DataFrame r = logs.withColumn("r", rand(7));
                    yield r.select(col("k"), col("r")).join(r.select(col("k").alias("rk"), col("r").alias("r2")),
                            col("k").equalTo(col("rk")));
                }
                case "a non-deterministic filter" -> {
                    DataFrame r = logs.filter(rand(7).lt(0.5));
                    yield selfJoin(r, r, "inner");
                }
                default -> throw new IllegalArgumentException(difference);
            };
            String plan = physical(joined);
            assertThat(plan).as(plan).doesNotContain("ReusedExchangeExec").doesNotContain("read by");
            joined.count();
        }
    }

    @ParameterizedTest
    @CsvSource({"1, inner", "7, inner", "1, left_outer", "7, left_outer", "1, right_outer", "7, right_outer", "1, full_outer",
            "7, full_outer", "1, left_semi", "7, left_semi", "1, left_anti", "7, left_anti", "7, cross"})
    void rowsAtATinyBudgetEqualTheUnsharedPlans(int parallelism, String joinType) {
        Function<Sluice, DataFrame> filtered = s -> logs(s, ROWS).filter(col("g").isNull().or(col("g").lt(900)));
        List<String> expected;
        try (Sluice s = session(parallelism, 1L << 20)) {
            DataFrame unshared = selfJoin(filtered.apply(s), filtered.apply(s), joinType);
            assertThat(physical(unshared)).doesNotContain("ReusedExchangeExec");
            expected = sortedRows(unshared);
        }
        SpillTestSupport.SpillCounter counter = new SpillTestSupport.SpillCounter();
        try (Sluice s = Sluice.builder().parallelism(parallelism).shufflePartitions(Math.max(2, parallelism)).memoryBudget(1L << 20)
                .broadcastThreshold(-1).listener(counter).build()) {
            DataFrame logs = filtered.apply(s);
            DataFrame shared = selfJoin(logs, logs, joinType);
            assertThat(physical(shared)).contains("ReusedExchangeExec");
            assertThat(sortedRows(shared)).isEqualTo(expected);
            assertThat(counter.spilledBytes()).as("spilled").isPositive();
            assertThat(SpillTestSupport.pool(s).used()).isZero();
            assertThat(SpillTestSupport.pool(s).spills().liveFiles()).isZero();
        }
    }

    @Test void aFailedSharedJoinLeavesNoSpillFiles() {
        try (Sluice s = session(2, 1L << 20)) {
            DataFrame logs = logs(s, ROWS);
            DataFrame failing = selfJoin(logs, logs, "inner").select(col("k").cast("int"));   // "key-..." is no int (ANSI)
            assertThat(physical(failing)).contains("ReusedExchangeExec");
            assertThatThrownBy(failing::collect).isInstanceOf(SluiceException.class);
            assertThat(SpillTestSupport.pool(s).spills().filesWritten()).isPositive();
            assertThat(SpillTestSupport.pool(s).spills().liveFiles()).isZero();
            assertThat(SpillTestSupport.pool(s).used()).isZero();
        }
    }

    @Test void aCancelledSharedJoinLeavesNoSpillFiles() throws Exception {
        try (Sluice s = session(2, 1L << 20)) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread job = new Thread(() -> {
                try {
                    DataFrame logs = logs(s, 3_000_000);
                    selfJoin(logs, logs, "inner").count();
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            job.start();
            long deadline = System.currentTimeMillis() + 120_000;
            while (SpillTestSupport.pool(s).spills().filesWritten() == 0 && System.currentTimeMillis() < deadline) Thread.sleep(20);
            assertThat(SpillTestSupport.pool(s).spills().filesWritten()).isPositive();
            s.cancelAllJobs();
            job.join(120_000);
            assertThat(failure.get()).isInstanceOfSatisfying(SluiceException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.JOB_CANCELLED));
            assertThat(SpillTestSupport.pool(s).spills().liveFiles()).isZero();
            assertThat(SpillTestSupport.pool(s).used()).isZero();
        }
    }

    /**
     * Identical sides whose rows had two columns of one name (a join's output keeps both {@code k}s; the analyzer
     * renames the second): every column reaches the result.
     */
    @Test void identicalSidesWithDuplicateColumnNamesKeepEveryColumn() {
        List<String> expected;
        try (Sluice s = session(2, 1L << 30)) {
            DataFrame a = logs(s, 300).select(col("k"), col("g"));
            DataFrame b = logs(s, 300).select(col("k").alias("k"), col("v"));
            Function<DataFrame, DataFrame> pairs = x -> x.join(b, a.col("k").equalTo(b.col("k")));
            expected = sortedRows(pairs.apply(a).join(pairs.apply(logs(s, 300).select(col("k"), col("g"))), "g"));
        }
        try (Sluice s = session(2, 1L << 30)) {
            DataFrame a = logs(s, 300).select(col("k"), col("g"));
            DataFrame b = logs(s, 300).select(col("k").alias("k"), col("v"));
            DataFrame pairs = a.join(b, a.col("k").equalTo(b.col("k")));
            DataFrame joined = pairs.join(pairs, "g");
            assertThat(physical(joined)).contains("ReusedExchangeExec");
            assertThat(sortedRows(joined)).isEqualTo(expected);
        }
    }
}
