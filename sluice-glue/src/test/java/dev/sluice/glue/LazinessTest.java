package dev.sluice.glue;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.io.CountingStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.sluice.functions.col;
import static dev.sluice.functions.from_json;
import static org.assertj.core.api.Assertions.assertThat;

/** Invariant 1: building the seed job reads nothing; the action reads each file once. */
class LazinessTest {
    static final String INPUT = "ts STRING, status INT, response_body STRING";
    static final String CONTENT = "struct<user:struct<id:bigint,country:string>,error:struct<code:string,message:string>>";

    @TempDir Path dir;

    private void writeFiles(int n) throws IOException {
        for (int f = 0; f < n; f++) {
            Files.write(dir.resolve("logs-" + f + ".jsonl"), List.of(
                    "{\"ts\":\"a\",\"status\":200,\"response_body\":\"{\\\"user\\\":{\\\"id\\\":1,\\\"country\\\":\\\"FR\\\"},\\\"error\\\":null}\"}",
                    "{\"ts\":\"b\",\"status\":500,\"response_body\":\"{\\\"user\\\":{\\\"id\\\":2,\\\"country\\\":\\\"DE\\\"},\\\"error\\\":{\\\"code\\\":\\\"E1\\\"}}\"}"));
        }
    }

    @Test void buildingTheSeedJobOpensNothingAndReadsNoByte() throws IOException {
        writeFiles(10);
        CountingStorage storage = CountingStorage.local();
        try (Sluice sluice = Sluice.builder().storage(storage).build()) {
            DataFrame logs = sluice.read().schema(INPUT).json(dir.toString());
            DataFrame parsed = logs.withColumn("content", from_json(col("response_body"), CONTENT));
            DynamicFrame dyf = DynamicFrame.fromDF(parsed, "logs_content_dyf");
            DataFrame failures = parsed.filter(col("content.error").isNotNull()).filter(col("status").geq(400));
            DataFrame selected = dyf.toDF().select(col("ts"), col("content.user.country").alias("country"));
            assertThat(failures.schema().size()).isEqualTo(4);
            assertThat(selected.columns()).containsExactly("ts", "country");
            assertThat(storage.untouched()).isTrue();
            assertThat(storage.bytesRead()).isZero();

            assertThat(failures.count()).isEqualTo(10);           // the action runs now
            assertThat(storage.opensByPath()).hasSize(10);
            assertThat(storage.opensByPath().values()).allMatch(opens -> opens == 1);
            assertThat(storage.bytesRead()).isPositive();
            assertThat(storage.openStreams()).isZero();
        }
    }

    @Test void dynamicFrameCountsAndShowsLikeItsDataFrame() throws IOException {
        writeFiles(2);
        try (Sluice sluice = Sluice.local()) {
            DataFrame parsed = sluice.read().schema(INPUT).json(dir.toString())
                    .withColumn("content", from_json(col("response_body"), CONTENT)).drop("response_body");
            DynamicFrame dyf = DynamicFrame.fromDF(parsed, "logs");
            assertThat(dyf.count()).isEqualTo(4);
            assertThat(dyf.toDF().collect()).isEqualTo(parsed.collect());
            assertThat(dyf.schemaString()).isEqualTo("""
                    root
                    |-- ts: string
                    |-- status: int
                    |-- content: struct
                    |    |-- user: struct
                    |    |    |-- id: long
                    |    |    |-- country: string
                    |    |-- error: struct
                    |    |    |-- code: string
                    |    |    |-- message: string
                    """);
            assertThat(dyf.showString(1)).isEqualTo("""
                    {
                        "ts": "a",
                        "status": 200,
                        "content": {
                            "user": {
                                "id": 1,
                                "country": "FR"
                            }
                        }
                    }
                    """);
        }
    }
}
