package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.sluice.ExplainGoldenTest.assertGolden;
import static dev.sluice.functions.col;
import static dev.sluice.functions.count;
import static dev.sluice.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** explain modes formatted, cost and analyze, codegen refused, and the plans of cache and repartition (golden files). */
class ExplainModesGoldenTest {
    @TempDir static Path dir;
    static Sluice sluice;
    static DataFrame logs;

    @BeforeAll static void setUp() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) lines.add("{\"service\":\"s" + (i % 3) + "\",\"status\":" + (i % 2 == 0 ? 200 : 500) + ",\"latency_ms\":" + i + "}");
        Path file = dir.resolve("logs.jsonl");
        Files.write(file, lines);
        sluice = Sluice.builder().parallelism(2).shufflePartitions(3).build();
        logs = sluice.read().schema("service STRING, status INT, latency_ms INT").json(file.toString());
    }

    @AfterAll static void tearDown() { sluice.close(); }

    private static DataFrame errorsPerService() {
        return logs.filter(col("status").geq(500)).groupBy(col("service")).agg(count(lit(1)).alias("n"));
    }

    @Test void formattedNumbersTheOperatorsThenDetailsEach() throws IOException {
        assertGolden("mode_formatted", errorsPerService().explainString("formatted"));
    }

    @Test void costShowsSizeStatisticsFromFileSizesAndKnownCounts() throws IOException {
        assertGolden("mode_cost", errorsPerService().explainString("cost"));
        String memory = sluice.range(0, 1000).select(col("id").multiply(2).alias("x")).limit(10).explainString("cost");
        assertThat(memory).contains("Limit: 10, Statistics(sizeInBytes=160.0 B, rowCount=10)")
                .contains("Scan: range (start=0, end=1000, step=1, splits=2) [id], Statistics(sizeInBytes=7.8 KiB, rowCount=1.00E+3)");
    }

    @Test void analyzeRunsTheQueryAndShowsWhatEachOperatorDid() throws IOException {
        String text = errorsPerService().explainString("analyze");
        assertGolden("mode_analyze", masked(text));
        assertThat(text).contains("== Physical Plan (analyzed: 3 rows in ");
    }

    @Test void analyzeShowsSpilledBytes() {
        try (Sluice small = Sluice.builder().parallelism(2).memoryBudget(64 << 10).batchSize(256).build()) {
            String text = small.range(0, 50_000, 1, 2).orderBy(col("id").desc()).explainString("analyze");
            Matcher m = Pattern.compile("SortExec.*spill=(\\d+) bytes").matcher(text);
            assertThat(m.find()).as(text).isTrue();
            assertThat(Long.parseLong(m.group(1))).isPositive();
        }
    }

    @Test void codegenIsRefusedAndUnknownModesAreInvalid() {
        assertThatThrownBy(() -> logs.explainString("codegen")).isInstanceOfSatisfying(SluiceException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION));
        assertThatThrownBy(() -> logs.explainString("verbose")).isInstanceOfSatisfying(SluiceException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }

    @Test void sqlExplainTakesTheModes() {
        logs.createOrReplaceTempView("logs");
        String formatted = (String) sluice.sql("EXPLAIN FORMATTED SELECT service FROM logs WHERE status = 200").collect().get(0).get(0);
        assertThat(formatted).startsWith("== Physical Plan ==\nProjectExec (3)\n+- FilterExec (2)\n   +- ScanExec (1)\n");
        String cost = (String) sluice.sql("EXPLAIN COST SELECT service FROM logs").collect().get(0).get(0);
        assertThat(cost).contains("Statistics(sizeInBytes=");
    }

    @Test void aCachedPlanReadsTheStoreOnceComputed() throws IOException {
        DataFrame errors = logs.filter(col("status").geq(500)).cache();
        try {
            DataFrame q = errors.groupBy(col("service")).count();
            String before = q.explainString("simple");
            errors.count();
            String after = q.explainString("simple");
            assertGolden("cache_before_and_after", before + "\n" + after);
        } finally {
            errors.unpersist();
        }
    }

    @Test void repartitionByColumnsIsASparkHashExchange() throws IOException {
        assertGolden("repartition", logs.repartition(4, col("service")).repartitionByRange(2, col("latency_ms").desc())
                .explainString("extended"));
    }

    /** Times vary from run to run: the golden keeps everything else. */
    private static String masked(String text) {
        return text.replaceAll("time=[0-9.]+ ms", "time=# ms").replaceAll("rows in [0-9.]+ ms", "rows in # ms");
    }
}
