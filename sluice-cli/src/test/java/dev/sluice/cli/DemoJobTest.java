package dev.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.exec.JobListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's job on the real engine, checked against what the generator wrote (parsed independently by Jackson). */
class DemoJobTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void countsTheFailedRequestsAndWritesTsAndCountryOfEveryRow(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("logs.jsonl");
        new LogGenerator(4, 0).writeFile(data, 3000);
        List<String> expected = new ArrayList<>();
        long expectedFailures = 0;
        for (String line : Files.readAllLines(data)) {
            JsonNode row = JSON.readTree(line);
            JsonNode content = JSON.readTree(row.get("response_body").textValue());
            if (!content.get("error").isNull()) expectedFailures++;
            expected.add(row.get("ts").textValue() + " " + content.get("user").get("country").textValue());
        }

        StringWriter text = new StringWriter();
        Path out = dir.resolve("out");
        DemoJob.Result result = new DemoJob().run(new DemoConfig(data, out, 3000, 4, 2), new JobListener() {},
                new PrintWriter(text));

        assertThat(result.failures()).isEqualTo(expectedFailures);
        assertThat(result.rowsWritten()).isEqualTo(3000);
        List<String> written = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                String name = file.getFileName().toString();
                if (name.startsWith("_") || name.startsWith(".")) continue;
                for (String line : Files.readAllLines(file)) {
                    JsonNode row = JSON.readTree(line);
                    written.add(row.get("ts").textValue() + " " + row.get("country").textValue());
                }
            }
        }
        assertThat(written).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(text.toString()).contains("logs_content_dyf", "country");
    }
}
