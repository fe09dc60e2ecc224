package dev.sluice.bench;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;

import java.nio.file.Path;

import static dev.sluice.functions.avg;
import static dev.sluice.functions.col;
import static dev.sluice.functions.count;
import static dev.sluice.functions.explode;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.sum;
import static dev.sluice.functions.from_json;
import static dev.sluice.functions.size;

/**
 * The workload on Sluice's embedded engine with two worker threads, written as the Spark version is. Q1 writes
 * Parquet through sluice-parquet (on the classpath through sluice-cli). Q2 writes one CSV file.
 */
final class SluiceBench implements BenchEngine {
    private Sluice sluice;

    @Override public String name() { return "sluice"; }

    @Override
    public void start() {
        sluice = Sluice.builder().parallelism(2).build();
    }

    @Override
    public long run(Query query, Path input, Path output) { return run(query, input.toString(), output.toString()); }

    /** Paths or {@code s3://} URIs (the S3 endpoint and keys come from the AWS environment variables). */
    @Override
    public long run(Query query, String input, String output) {
        DataFrame raw = query.readsCsv()
                ? sluice.read().schema(Workload.INPUT_SCHEMA).options(Workload.CSV_OPTIONS).csv(input)
                : sluice.read().schema(Workload.INPUT_SCHEMA).json(input);
        DataFrame parsed = raw
                .withColumn("content", from_json(col("response_body"), Workload.CONTENT_SCHEMA));
        switch (query) {
            case Q1:
            case Q1CSV:
                parsed.select(col("ts"), col("service"), col("status"), col("latency_ms"),
                                col("content.user.id").as("user_id"), col("content.user.country").as("country"),
                                col("content.user.plan").as("plan"), size(col("content.items")).as("n_items"))
                        .write().mode("overwrite").option("compression", "snappy").parquet(output);
                return -1;
            case Q2:
                parsed.withColumn("item", explode(col("content.items")))
                        .filter(col("status").lt(400))
                        .groupBy(col("service"), col("content.user.country").as("country"))
                        .agg(count(lit(1)).as("orders"), sum(col("item.qty").multiply(col("item.price"))).as("revenue"),
                                avg(col("latency_ms")).as("avg_latency"))
                        .orderBy(col("revenue").desc())
                        .coalesce(1)   // one file, in the sort's order
                        .write().mode("overwrite").option("header", "true").csv(output);
                return -1;
            case Q3:
                return parsed.filter(col("content.error").isNotNull()).count();
            default:
                throw new IllegalArgumentException(query.toString());
        }
    }

    @Override
    public boolean readsObjectStores() { return true; }

    /** Counters of the session's storages (S3 requests and bytes), for the bench's report. */
    java.util.Map<String, Long> storageMetrics() { return sluice.storage().metrics(); }

    /** Copies an object-store output down to a local directory, so its digest is computed as for local output. */
    void download(String from, Path to) throws java.io.IOException {
        dev.sluice.io.Storage storage = sluice.storage();
        for (dev.sluice.io.FileStatus f : storage.list(from)) {
            Path target = to.resolve(f.name());
            if (f.directory()) {
                download(f.path(), target);
                continue;
            }
            java.nio.file.Files.createDirectories(to);
            try (java.io.InputStream in = storage.open(f.path())) {
                java.nio.file.Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Override
    public void close() {
        if (sluice != null) sluice.close();
    }
}
