package dev.sluice.bench;

import dev.sluice.cli.LogGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queries' digests on a few hundred generated rows, for the engines that start quickly (DuckDB, Sluice),
 * against the same numbers counted straight from the text. Spark is left out: its session alone takes longer
 * than all of mvn test should; {@code sluice bench compare} checks it against the others.
 */
class WorkloadDigestTest {
    private static final Pattern STATUS = Pattern.compile("\"status\":(\\d+)");
    private static final Pattern USER_ID = Pattern.compile("\\\\\"id\\\\\":(\\d+)");
    private static final Pattern SKU = Pattern.compile("\\\\\"sku\\\\\"");

    @TempDir
    static Path dir;
    static Path logs;
    static List<String> lines;

    @BeforeAll
    static void generate() throws Exception {
        logs = dir.resolve("logs.jsonl");
        new LogGenerator(7, 0).writeFile(logs, 300);
        lines = Files.readAllLines(logs, StandardCharsets.UTF_8);
    }

    private static int status(String line) {
        Matcher m = STATUS.matcher(line);
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static long count(Pattern p, String line) {
        return p.matcher(line).results().count();
    }

    private static Digest run(BenchEngine engine, Query q, Path out) throws Exception {
        try (BenchEngine e = engine) {
            e.start();
            long n = e.run(q, q.readsCsv() ? CsvLogs.ensure(logs) : logs, out);
            return Digests.of(q, out, n);
        }
    }

    @Test
    void q3CountsTheRowsWithAnErrorOnDuckDbAndSluice() throws Exception {
        // the generator writes an error object exactly for status >= 400
        long expected = lines.stream().filter(l -> status(l) >= 400).count();
        Digest want = Digest.builder().add("count", expected).build();
        assertThat(run(new DuckDbBench(), Query.Q3, dir.resolve("unused"))).isEqualTo(want);
        assertThat(run(new SluiceBench(), Query.Q3, dir.resolve("unused"))).isEqualTo(want);
    }

    @Test
    void q1WritesEveryRowWithItsUserIdAndItemCountOnDuckDbAndSluice() throws Exception {
        long ids = 0;
        long items = 0;
        for (String l : lines) {
            Matcher m = USER_ID.matcher(l);
            assertThat(m.find()).isTrue();
            ids += Long.parseLong(m.group(1));
            items += count(SKU, l);
        }
        Digest want = Digest.builder().add("rows", lines.size()).add("sum_user_id", ids).add("sum_n_items", items).build();
        assertThat(run(new DuckDbBench(), Query.Q1, dir.resolve("q1-duckdb"))).isEqualTo(want);
        assertThat(run(new SluiceBench(), Query.Q1, dir.resolve("q1-sluice"))).isEqualTo(want);
    }

    @Test
    void q2CountsTheItemsOfSuccessfulRequestsInRevenueOrderOnDuckDb() throws Exception {
        long orders = lines.stream().filter(l -> status(l) < 400).mapToLong(l -> count(SKU, l)).sum();
        Digest d = run(new DuckDbBench(), Query.Q2, dir.resolve("q2-duckdb"));
        assertThat(d.values()).containsEntry("orders", Long.toString(orders)).containsEntry("ordered", "true");
        assertThat(Long.parseLong(d.values().get("rows"))).isBetween(1L, 160L);
    }

    @Test
    void q2GivesTheSameDigestOnSluiceAsOnDuckDb() throws Exception {
        Digest duck = run(new DuckDbBench(), Query.Q2, dir.resolve("q2-duckdb-2"));
        Digest sluice = run(new SluiceBench(), Query.Q2, dir.resolve("q2-sluice"));
        assertThat(sluice).isEqualTo(duck);
        assertThat(sluice.values()).containsEntry("ordered", "true");
    }

    @Test
    void q1OverTheCsvFormOfTheLogsGivesQ1sDigestOnDuckDbAndSluice() throws Exception {
        Digest want = run(new DuckDbBench(), Query.Q1, dir.resolve("q1-duckdb-json"));
        assertThat(run(new DuckDbBench(), Query.Q1CSV, dir.resolve("q1csv-duckdb"))).isEqualTo(want);
        assertThat(run(new SluiceBench(), Query.Q1CSV, dir.resolve("q1csv-sluice"))).isEqualTo(want);
        // the document inside a field is the one place with quotes: the CSV keeps it whole
        List<String> csv = Files.readAllLines(CsvLogs.ensure(logs), StandardCharsets.UTF_8);
        assertThat(csv).hasSize(lines.size() + 1);
        assertThat(csv.get(0)).isEqualTo(String.join(",", CsvLogs.COLUMNS));
        assertThat(csv.get(1)).contains("\"{\"\"user\"\":");
    }
}
