package dev.sluice.cli;

import dev.sluice.exec.JobListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Glue example job run incrementally through {@code sluice run}, {@code sluice glue bookmarks}, and {@code demo --glue}. */
class GlueCliTest {
    @TempDir Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach void clearProperty() { System.clearProperty("sluice.glue.bookmarks"); }

    private int sluice(String... args) {
        return Main.newCommandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    private long outputRows(Path output) throws IOException {
        try (Stream<Path> files = Files.walk(output)) {
            return files.filter(p -> Files.isRegularFile(p) && !p.getFileName().toString().startsWith("_")
                    && !p.getFileName().toString().startsWith(".")).mapToLong(p -> {
                        try {
                            return Files.readAllLines(p).size();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).sum();
        }
    }

    @Test void theExampleGlueJobRunsIncrementallyAndItsBookmarkCanBeShownAndReset() throws IOException {
        System.setProperty("sluice.glue.bookmarks", dir.resolve("bookmarks").toString());
        Path input = Files.createDirectories(dir.resolve("input"));
        new LogGenerator(1, 0).writeFile(input.resolve("logs-1.jsonl"), 200);
        String output = dir.resolve("out").toString();
        String[] run = {"run", "--class", "dev.sluice.glue.examples.GlueLogJob", "--", "--JOB_NAME", "logs",
                "--job-bookmark-option", "job-bookmark-enable", "--input", input.toString(), "--output", output};
        assertThat(sluice(run)).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(outputRows(Path.of(output))).isEqualTo(200);
        assertThat(sluice(run)).isEqualTo(ExitCodes.OK);
        assertThat(outputRows(Path.of(output))).isEqualTo(200);   // nothing new: nothing appended
        new LogGenerator(2, 0).writeFile(input.resolve("logs-2.jsonl"), 50);
        assertThat(sluice(run)).isEqualTo(ExitCodes.OK);
        assertThat(outputRows(Path.of(output))).isEqualTo(250);

        assertThat(sluice("glue", "bookmarks", "show", "logs", "--dir", dir.resolve("bookmarks").toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("\"run\" : 3").contains("logs_source").contains("logs-2.jsonl");
        assertThat(sluice("glue", "bookmarks", "reset", "logs", "--dir", dir.resolve("bookmarks").toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("bookmark reset");
        assertThat(sluice(run)).isEqualTo(ExitCodes.OK);
        assertThat(outputRows(Path.of(output))).isEqualTo(500);   // everything again (Glue does not clean targets)
    }

    @Test void theGlueDemoJobRunsTheSeedJobThroughTheGlueApi() throws IOException {
        Path data = dir.resolve("logs.jsonl");
        new LogGenerator(4, 0).writeFile(data, 1000);
        StringWriter text = new StringWriter();
        DemoJob.Result r = new GlueDemoJob().run(new DemoConfig(data, dir.resolve("out"), 1000, 4, 2), new JobListener() {}, new PrintWriter(text));
        DemoJob.Result plain = new DemoJob().run(new DemoConfig(data, dir.resolve("out2"), 1000, 4, 2), new JobListener() {}, new PrintWriter(new StringWriter()));
        assertThat(r.rowsWritten()).isEqualTo(1000);
        assertThat(r.failures()).isEqualTo(plain.failures());
        assertThat(text.toString()).contains("|-- response_body: string").contains("\"country\": ");
    }
}
