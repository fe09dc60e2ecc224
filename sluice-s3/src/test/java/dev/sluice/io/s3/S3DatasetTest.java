package dev.sluice.io.s3;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.WriteResult;
import dev.sluice.io.CountingStorage;
import dev.sluice.io.FileStatus;
import dev.sluice.types.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/** Every reader and writer with s3:// paths: formats, globs, Hive partitions with pruning, partitionBy. */
class S3DatasetTest {
    private static S3TestServer server;

    @BeforeAll static void start() { server = S3TestServer.get(); }

    private static List<Long> ids(DataFrame df) {
        return df.orderBy(col("id")).select(col("id")).collect().stream().map(r -> ((Number) r.get(0)).longValue()).toList();
    }

    @Test void eachFormatWritesAndReadsBack() {
        String b = server.newBucket();
        try (Sluice sluice = S3Sessions.session(server)) {
            DataFrame df = sluice.createDataFrame(S3Sessions.rows(1000), S3Sessions.SCHEMA);
            for (String format : List.of("json", "csv", "parquet")) {
                String path = "s3://" + b + "/out/" + format;
                Map<String, String> options = format.equals("csv") ? Map.of("header", "true") : Map.of();   // options are checked per format
                WriteResult w = df.write().format(format).options(options).save(path);
                assertThat(w.rows()).isEqualTo(1000);
                DataFrame back = sluice.read().format(format).options(options).schema(S3Sessions.SCHEMA.toDDL()).load(path);
                assertThat(back.count()).as(format).isEqualTo(1000);
                assertThat(back.filter(col("status").equalTo(500)).count()).as(format).isEqualTo(333);
                assertThat(ids(back)).as(format).hasSize(1000).startsWith(0L, 1L, 2L);
                assertThat(sluice.storage().exists(path + "/_SUCCESS")).isTrue();
            }
            // the job report carries the request counts
            try (dev.sluice.report.JobReport report = dev.sluice.report.JobReport.attach(sluice)) {
                assertThat(report.html()).contains("s3.requests.GetObject").contains("s3.bytesWritten");
            }
            df.select(col("service")).write().text("s3a://" + b + "/out/text");
            assertThat(sluice.read().text("s3n://" + b + "/out/text").count()).isEqualTo(1000);
            // an inferred schema reads a sample of the objects
            assertThat(sluice.read().json("s3://" + b + "/out/json").schema().fieldNames()).contains("id", "service");
            assertThat(sluice.read().parquet("s3://" + b + "/out/parquet").schema().fieldNames()).contains("id", "year");
        }
    }

    @Test void byteRangeSplitsOfOneLargeObjectReadEveryLineOnce() throws IOException {
        String b = server.newBucket();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40_000; i++) text.append("{\"id\":").append(i).append(",\"pad\":\"").append("x".repeat(i % 50)).append("\"}\n");
        try (S3Storage s3 = server.storage(Map.of()); OutputStream out = s3.create("s3://" + b + "/big/one.json")) {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        try (Sluice sluice = Sluice.builder().parallelism(2).maxSplitBytes(64 << 10).config("sluice.s3.endpoint", server.endpoint.toString())
                .config("sluice.s3.accessKey", S3TestServer.ACCESS_KEY).config("sluice.s3.secretKey", S3TestServer.SECRET_KEY).build()) {
            DataFrame df = sluice.read().schema("id BIGINT, pad STRING").json("s3://" + b + "/big/one.json");
            assertThat(df.count()).isEqualTo(40_000);
            assertThat(df.agg(dev.sluice.functions.sum(col("id"))).collect().get(0).get(0)).isEqualTo(40_000L * 39_999 / 2);
        }
    }

    @Test void globsMatchKeysSegmentBySegment() {
        String b = server.newBucket();
        try (Sluice sluice = S3Sessions.session(server)) {
            DataFrame df = sluice.createDataFrame(S3Sessions.rows(30), S3Sessions.SCHEMA);
            df.filter(col("service").equalTo("auth")).write().json("s3://" + b + "/logs/2026-01/auth");
            df.filter(col("service").equalTo("api")).write().json("s3://" + b + "/logs/2026-02/api");
            df.filter(col("service").equalTo("web")).write().json("s3://" + b + "/logs/2025-12/web");
            String schema = S3Sessions.SCHEMA.toDDL();
            assertThat(sluice.read().schema(schema).json("s3://" + b + "/logs/2026-*/*").count()).isEqualTo(20);
            assertThat(sluice.read().schema(schema).json("s3://" + b + "/logs/*/{auth,web}/part-*.json").count()).isEqualTo(20);
            assertThat(sluice.read().schema(schema).json("s3://" + b + "/logs/202?-1?/*").count()).isEqualTo(10);
        }
    }

    @Test void partitionByWritesHiveKeysThatAreDiscoveredAndPruned() {
        String b = server.newBucket();
        String path = "s3://" + b + "/events";
        try (Sluice sluice = S3Sessions.session(server)) {
            sluice.createDataFrame(S3Sessions.rows(600), S3Sessions.SCHEMA).write().partitionBy("year", "service").parquet(path);
            List<FileStatus> years = sluice.storage().list(path);
            assertThat(years).extracting(FileStatus::name).containsExactly("_SUCCESS", "year=2025", "year=2026");
        }
        try (S3Storage s3 = server.storage(Map.of())) {
            CountingStorage counting = new CountingStorage(s3);
            Sluice.Builder builder = Sluice.builder().parallelism(2).storage("s3", counting);
            try (Sluice sluice = builder.build()) {
                DataFrame df = sluice.read().parquet(path);
                assertThat(df.schema().fieldNames()).containsExactly("id", "status", "year", "service");
                counting.reset();   // inferring the schema read one footer
                List<Row> rows = df.filter(col("year").equalTo(2026).and(col("service").equalTo("api"))).collect();
                assertThat(rows).hasSize(100).allSatisfy(r -> assertThat(r.get(3)).isEqualTo("api"));
                assertThat(counting.opensByPath().keySet()).isNotEmpty()
                        .allSatisfy(p -> assertThat(p).contains("/year=2026/service=api/"));
            }
        }
    }
}
