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
    public long run(Query query, Path input, Path output) {
        DataFrame parsed = sluice.read().schema(Workload.INPUT_SCHEMA).json(input.toString())
                .withColumn("content", from_json(col("response_body"), Workload.CONTENT_SCHEMA));
        switch (query) {
            case Q1:
                parsed.select(col("ts"), col("service"), col("status"), col("latency_ms"),
                                col("content.user.id").as("user_id"), col("content.user.country").as("country"),
                                col("content.user.plan").as("plan"), size(col("content.items")).as("n_items"))
                        .write().mode("overwrite").option("compression", "snappy").parquet(output.toString());
                return -1;
            case Q2:
                parsed.withColumn("item", explode(col("content.items")))
                        .filter(col("status").lt(400))
                        .groupBy(col("service"), col("content.user.country").as("country"))
                        .agg(count(lit(1)).as("orders"), sum(col("item.qty").multiply(col("item.price"))).as("revenue"),
                                avg(col("latency_ms")).as("avg_latency"))
                        .orderBy(col("revenue").desc())
                        .coalesce(1)   // one file, in the sort's order
                        .write().mode("overwrite").option("header", "true").csv(output.toString());
                return -1;
            case Q3:
                return parsed.filter(col("content.error").isNotNull()).count();
            default:
                throw new IllegalArgumentException(query.toString());
        }
    }

    @Override
    public void close() {
        if (sluice != null) sluice.close();
    }
}
