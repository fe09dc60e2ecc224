package dev.sluice.io.s3;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.WriteResult;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.io.FileStatus;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Write jobs on S3: save modes, multipart task files larger than a part, and failures (a task failing
 * mid-upload, a job failing before or during commit) that must leave the target as it was and no pending
 * upload behind.
 */
class S3CommitTest {
    private static S3TestServer server;
    private static S3Storage s3;

    @BeforeAll static void start() {
        server = S3TestServer.get();
        s3 = server.storage(Map.of());
    }

    @AfterAll static void stop() { s3.close(); }

    private static List<String> names(String path) {
        return s3.list(path).stream().map(FileStatus::name).toList();
    }

    /** Every object of the bucket and every upload still pending in it. */
    private static List<String> keys(String bucket) { return s3.listKeys(bucket, ""); }

    private static int pendingUploads(String bucket) {
        return s3.client().listMultipartUploads(b -> b.bucket(bucket)).uploads().size();
    }

    @Test void saveModesBehaveAsOnLocalFiles() {
        String b = server.newBucket();
        String path = "s3://" + b + "/t/out";
        try (Sluice sluice = S3Sessions.session(server)) {
            DataFrame first = sluice.createDataFrame(S3Sessions.rows(10), S3Sessions.SCHEMA);
            first.write().json(path);
            List<String> firstFiles = names(path);
            assertThat(firstFiles).contains("_SUCCESS").anySatisfy(n -> assertThat(n).startsWith("part-00000-"));

            assertThatThrownBy(() -> first.write().json(path)).isInstanceOfSatisfying(SluiceException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.PATH_ALREADY_EXISTS));
            assertThat(first.write().mode("ignore").json(path).skipped()).isTrue();
            assertThat(names(path)).isEqualTo(firstFiles);

            first.write().mode("append").json(path);
            assertThat(sluice.read().schema(S3Sessions.SCHEMA.toDDL()).json(path).count()).isEqualTo(20);

            DataFrame second = sluice.createDataFrame(S3Sessions.rows(3), S3Sessions.SCHEMA);
            second.write().mode("overwrite").json(path);
            assertThat(sluice.read().schema(S3Sessions.SCHEMA.toDDL()).json(path).count()).isEqualTo(3);
            assertThat(names(path)).doesNotContainAnyElementsOf(firstFiles.stream().filter(n -> !n.equals("_SUCCESS")).toList())
                    .contains("_SUCCESS");
        }
        assertThat(keys(b)).allSatisfy(k -> assertThat(k).startsWith("t/out/"));   // no staging left
        assertThat(pendingUploads(b)).isZero();
    }

    @Test void taskFilesLargerThanAPartAreUploadedInPartsAndPublishedWhole() {
        String b = server.newBucket();
        String path = "s3://" + b + "/big";
        StructType schema = StructType.fromDDL("id BIGINT, pad STRING");
        List<Row> rows = new ArrayList<>();
        String pad = "p".repeat(2000);
        for (int i = 0; i < 3000; i++) rows.add(Row.of(schema, (long) i, pad));   // ~6 MB of JSON: two parts
        try (Sluice sluice = Sluice.builder().parallelism(1).batchSize(8192).config("sluice.s3.endpoint", server.endpoint.toString())
                .config("sluice.s3.accessKey", S3TestServer.ACCESS_KEY).config("sluice.s3.secretKey", S3TestServer.SECRET_KEY)
                .config("sluice.s3.multipart.partSize", "5M").build()) {
            WriteResult w = sluice.createDataFrame(rows, schema).write().json(path);
            assertThat(w.files()).isEqualTo(1);
            assertThat(w.bytes()).isGreaterThan(5L << 20);
            Map<String, Long> m = sluice.storage().metrics();
            assertThat(m.get("s3.requests.UploadPart")).isEqualTo(2);
            assertThat(m.get("s3.requests.CompleteMultipartUpload")).isEqualTo(1);
            assertThat(m.get("s3.bytesWritten")).isGreaterThanOrEqualTo(w.bytes());
            assertThat(sluice.read().schema("id BIGINT, pad STRING").json(path).count()).isEqualTo(3000);
        }
        assertThat(pendingUploads(b)).isZero();
    }

    /** Rows whose {@code v} casts to int except the last of partition {@code badPartition}: that task fails there. */
    private static DataFrame failingJob(Sluice sluice, int rowsPerPartition, int partitions, String padding) {
        StructType schema = StructType.fromDDL("id BIGINT, v STRING, pad STRING");
        List<Row> rows = new ArrayList<>();
        int n = rowsPerPartition * partitions;
        for (int i = 0; i < n; i++) rows.add(Row.of(schema, (long) i, i == n - 1 ? "not a number" : "1", padding));
        return sluice.createDataFrame(rows, schema).select(col("id"), col("v").cast("int").alias("v"), col("pad"));
    }

    @Test void aTaskFailingMidUploadLeavesTheTargetAsItWasAndNoUploads() {
        String b = server.newBucket();
        String path = "s3://" + b + "/data";
        try (Sluice sluice = Sluice.builder().parallelism(2).batchSize(500).config("sluice.s3.endpoint", server.endpoint.toString())
                .config("sluice.s3.accessKey", S3TestServer.ACCESS_KEY).config("sluice.s3.secretKey", S3TestServer.SECRET_KEY)
                .config("sluice.s3.multipart.partSize", "5M").build()) {
            sluice.createDataFrame(S3Sessions.rows(5), S3Sessions.SCHEMA).write().json(path);
            List<String> before = keys(b);
            // 3000 rows of 2 KB per task: each task has uploaded a part when the last row of the last one fails
            DataFrame job = failingJob(sluice, 3000, 2, "x".repeat(2000));
            assertThatThrownBy(() -> job.write().mode("overwrite").json(path)).isInstanceOfSatisfying(SluiceException.class,
                    e -> assertThat(e.code()).isIn(ErrorCode.CAST_INVALID_INPUT, ErrorCode.TASK_FAILED));
            assertThat(sluice.storage().metrics().get("s3.requests.UploadPart")).isPositive();
            assertThat(sluice.storage().metrics().get("s3.requests.AbortMultipartUpload")).isPositive();
            assertThat(keys(b)).isEqualTo(before);
            assertThat(pendingUploads(b)).isZero();
            assertThat(sluice.read().schema(S3Sessions.SCHEMA.toDDL()).json(path).count()).isEqualTo(5);
        }
    }

    @Test void aJobFailingAfterSomeTasksCommittedPublishesNothing() {
        String b = server.newBucket();
        String path = "s3://" + b + "/fresh";
        try (Sluice sluice = Sluice.builder().parallelism(1).batchSize(100).config("sluice.s3.endpoint", server.endpoint.toString())
                .config("sluice.s3.accessKey", S3TestServer.ACCESS_KEY).config("sluice.s3.secretKey", S3TestServer.SECRET_KEY).build()) {
            // one worker: tasks 0..3 commit (their uploads recorded in manifests), the last task fails
            DataFrame job = failingJob(sluice, 100, 5, "");
            assertThatThrownBy(() -> job.write().json(path)).isInstanceOf(SluiceException.class);
            assertThat(sluice.storage().metrics().get("s3.requests.PutObject")).as("task manifests").isGreaterThanOrEqualTo(4);
        }
        assertThat(keys(b)).isEmpty();
        assertThat(pendingUploads(b)).isZero();
    }

    @Test void aJobCommitFailingHalfwayTakesOutWhatItPublished() throws Exception {
        String b = server.newBucket();
        String path = "s3://" + b + "/t";
        try (FaultProxy proxy = new FaultProxy(server.endpoint);
             Sluice sluice = Sluice.builder().parallelism(1).batchSize(100).config("sluice.s3.endpoint", proxy.endpoint().toString())
                     .config("sluice.s3.accessKey", S3TestServer.ACCESS_KEY).config("sluice.s3.secretKey", S3TestServer.SECRET_KEY)
                     .config("sluice.s3.retry.maxAttempts", "2").config("sluice.s3.retry.baseDelay", "1").build()) {
            sluice.createDataFrame(S3Sessions.rows(7), S3Sessions.SCHEMA).write().json(path);
            List<String> before = keys(b);
            // the first completion goes through, every later one fails even after retries
            java.util.concurrent.atomic.AtomicInteger completions = new java.util.concurrent.atomic.AtomicInteger();
            proxy.fail(line -> line.startsWith("POST ") && line.contains("uploadId=") && completions.incrementAndGet() > 1,
                    500, "InternalError", 1000);
            DataFrame df = sluice.createDataFrame(S3Sessions.rows(400), S3Sessions.SCHEMA);
            assertThatThrownBy(() -> df.write().mode("overwrite").json(path)).isInstanceOfSatisfying(SluiceException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.IO_ERROR));
            proxy.clearFaults();
            assertThat(keys(b)).isEqualTo(before);
            assertThat(pendingUploads(b)).isZero();
            assertThat(sluice.read().schema(S3Sessions.SCHEMA.toDDL()).json(path).count()).isEqualTo(7);
        }
    }

    @Test void aDynamicPartitionOverwriteReplacesOnlyThePartitionsWritten() {
        String b = server.newBucket();
        String path = "s3://" + b + "/t";
        try (Sluice sluice = S3Sessions.session(server)) {
            sluice.sql("SELECT * FROM VALUES (1, 1), (2, 10), (3, 2) AS t(x, p)").write().partitionBy("p").json(path);
            List<String> p10 = keys(b).stream().filter(k -> k.startsWith("t/p=10/")).toList();
            sluice.conf().set("spark.sql.sources.partitionOverwriteMode", "dynamic");
            sluice.sql("SELECT 4 AS x, 1 AS p UNION ALL SELECT 5, 3").write().mode("overwrite").partitionBy("p").json(path);
            assertThat(sluice.read().schema("x INT, p INT").json(path).orderBy("p").collect().stream().map(r -> r.get(0) + "@" + r.get(1)).toList())
                    .containsExactly("4@1", "3@2", "5@3", "2@10");
            assertThat(keys(b)).as("p=10 is not p=1: its objects stay").containsAll(p10).contains("t/_SUCCESS");
            // a failed dynamic overwrite leaves every partition as it was
            List<String> before = keys(b);
            DataFrame failing = sluice.sql("SELECT CASE WHEN id = 50 THEN raise_error('boom') ELSE id END AS x, CAST(id % 2 AS INT) AS p FROM range(100)");
            assertThatThrownBy(() -> failing.write().mode("overwrite").partitionBy("p").json(path)).isInstanceOf(SluiceException.class);
            assertThat(keys(b)).isEqualTo(before);
        }
        assertThat(pendingUploads(b)).isZero();
    }

    @Test void aCrashedJobsUploadsAndStagingAreCleanedByTheNextJob() {
        String b = server.newBucket();
        String crashedJob = "0000dead-0000-0000-0000-000000000000";
        String key = "out/part-00000-" + crashedJob + ".c000.json";
        s3.client().createMultipartUpload(r -> r.bucket(b).key(key));
        s3.client().putObject(r -> r.bucket(b).key(".out.sluice-staging-" + crashedJob + "/committed/00000.manifest"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("[]"));
        assertThat(pendingUploads(b)).isEqualTo(1);
        try (Sluice sluice = S3Sessions.session(server)) {
            sluice.createDataFrame(S3Sessions.rows(4), S3Sessions.SCHEMA).write().json("s3://" + b + "/out");
        }
        assertThat(pendingUploads(b)).isZero();
        assertThat(keys(b)).allSatisfy(k -> assertThat(k).startsWith("out/"));
    }
}
