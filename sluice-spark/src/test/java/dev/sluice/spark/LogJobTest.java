package dev.sluice.spark;

import dev.sluice.Sluice;
import dev.sluice.WriteResult;
import dev.sluice.spark.examples.LogJob;
import dev.sluice.types.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The example job of docs/spark.md in Spark local mode, and the same job on the embedded engine: same rows. */
class LogJobTest {
    @TempDir Path dir;

    @Test void runsOnSparkAndEmbeddedWithTheSameResult() throws IOException {
        Path input = dir.resolve("logs.jsonl");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int status = i % 10 == 0 ? 500 : i % 7 == 0 ? 404 : 200;
            String body = i % 13 == 0 ? "not json"
                    : "{\\\"user\\\":{\\\"id\\\":" + i + ",\\\"country\\\":\\\"" + (i % 2 == 0 ? "US" : "DE") + "\\\"},\\\"error\\\":{\\\"code\\\":\\\"E" + (i % 3) + "\\\"}}";
            lines.add("{\"ts\":\"t" + i + "\",\"status\":" + status + ",\"path\":\"/p/" + i + "\",\"response_body\":\"" + body + "\"}");
        }
        Files.write(input, lines);

        WriteResult onSpark = LogJob.run(SparkEngine.of(SharedSpark.get()), input.toString(), dir.resolve("spark-out").toString());
        WriteResult embedded;
        try (Sluice local = Sluice.builder().parallelism(2).build()) {
            embedded = LogJob.run(local, input.toString(), dir.resolve("embedded-out").toString());
            assertThat(onSpark.rows()).isEqualTo(embedded.rows()).isPositive();
            String schema = "ts STRING, status INT, path STRING, country STRING, error_code STRING";
            List<Row> a = local.read().schema(schema).json(dir.resolve("spark-out").toString()).collect();
            List<Row> b = local.read().schema(schema).json(dir.resolve("embedded-out").toString()).collect();
            Comparator<Row> byTs = Comparator.comparing(r -> r.getString(0));
            a = new ArrayList<>(a);
            b = new ArrayList<>(b);
            a.sort(byTs);
            b.sort(byTs);
            assertThat(a).isEqualTo(b);
            assertThat(a).anySatisfy(r -> assertThat(r.get(4)).isEqualTo("e1"));
        }
    }
}
