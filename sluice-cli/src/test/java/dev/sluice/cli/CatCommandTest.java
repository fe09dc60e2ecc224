package dev.sluice.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code sluice cat}: formats by extension, schema and options, where/select, and the three outputs. */
class CatCommandTest {
    private static final String LOGS = "{\"ts\":\"t1\",\"status\":200,\"body\":\"{\\\"user\\\":{\\\"id\\\":7}}\"}\n"
            + "{\"ts\":\"t2\",\"status\":404,\"body\":\"{\\\"user\\\":{\\\"id\\\":8}}\"}\n"
            + "{\"ts\":\"t3\",\"status\":500,\"body\":null}\n";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int sluice(String... args) {
        return Main.newCommandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    private static Path logs(Path dir) throws IOException {
        return Files.writeString(dir.resolve("logs.jsonl"), LOGS);
    }

    @Test
    void countsRows(@TempDir Path dir) throws IOException {
        assertThat(sluice("cat", logs(dir).toString(), "--count")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEqualTo("3\n");
    }

    @Test
    void writesAJobReportWhenAsked(@TempDir Path dir) throws IOException {
        Path report = dir.resolve("report.html");
        assertThat(sluice("--report", report.toString(), "cat", logs(dir).toString(), "--count")).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEqualTo("3\n");
        assertThat(java.nio.file.Files.readString(report)).startsWith("<!DOCTYPE html>").contains("ScanExec", "Tasks per worker");
    }

    @Test
    void printsATableAsShowDoes(@TempDir Path dir) throws IOException {
        assertThat(sluice("cat", logs(dir).toString(), "--schema", "ts STRING, status INT", "--limit", "2")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEqualTo(String.join("\n",
                "+---+------+",
                "| ts|status|",
                "+---+------+",
                "| t1|   200|",
                "| t2|   404|",
                "+---+------+",
                "only showing top 2 rows",
                ""));
    }

    @Test
    void filtersAndProjectsWithExpressionsAndPrintsJsonLines(@TempDir Path dir) throws IOException {
        int code = sluice("cat", logs(dir).toString(), "--schema", "ts STRING, status INT, body STRING",
                "--where", "status >= 400", "--select", "ts, from_json(body, 'struct<user: struct<id: bigint>>').user.id AS uid, status + 1 next",
                "--json");
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEqualTo("{\"ts\":\"t2\",\"uid\":8,\"next\":405}\n{\"ts\":\"t3\",\"next\":501}\n");
    }

    @Test
    void theFormatComesFromTheFilesInADirectoryAndQuickJobsPrintNoProgress(@TempDir Path dir) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("_SUCCESS"), "");
        Files.writeString(data.resolve("part-0.json"), LOGS);
        assertThat(sluice("cat", data.toString(), "--count")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEqualTo("3\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void readerOptionsArePassedOn(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.json"), "{\"a\":1}\n{oops\n");
        assertThat(sluice("cat", file.toString(), "--schema", "a INT", "--option", "mode=FAILFAST", "--count"))
                .isEqualTo(ExitCodes.EXECUTION);
        out.getBuffer().setLength(0);
        assertThat(sluice("cat", file.toString(), "--schema", "a INT", "-o", "mode=DROPMALFORMED", "--json")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEqualTo("{\"a\":1}\n");
    }

    @Test
    void usageAndSyntaxErrorsHaveTheirExitCodes(@TempDir Path dir) throws IOException {
        Path file = logs(dir);
        assertThat(sluice("cat", dir.resolve("x.unknown").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(sluice("cat", file.toString(), "--json", "--count")).isEqualTo(ExitCodes.USAGE);
        assertThat(sluice("cat", file.toString(), "--where", "status >")).isEqualTo(ExitCodes.ANALYSIS);
        assertThat(sluice("cat", file.toString(), "--select", "nope")).isEqualTo(ExitCodes.ANALYSIS);
        assertThat(sluice("cat", dir.resolve("missing.json").toString())).isEqualTo(ExitCodes.EXECUTION);
    }

    @Test
    void readsParquetFoundByExtension(@TempDir Path dir) throws IOException {
        Path parquet = dir.resolve("pq");
        try (dev.sluice.Sluice sluice = dev.sluice.Sluice.builder().parallelism(1).build()) {
            sluice.read().schema("ts STRING, status INT").json(logs(dir).toString()).write().parquet(parquet.toString());
        }
        assertThat(sluice("cat", parquet.toString(), "--where", "status < 500", "--json")).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEqualTo("{\"ts\":\"t1\",\"status\":200}\n{\"ts\":\"t2\",\"status\":404}\n");
    }
}
