package dev.sluice.bench;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;

import java.nio.file.Path;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;

/**
 * The workload on Apache Spark in local mode with two worker threads ({@code local[2]}), through its Java API, as a
 * Glue job would write it. Settings: UI off, UTC, {@code spark.sql.shuffle.partitions=2} (one per core: the
 * default 200 only adds task overhead on two cores), everything else default (ANSI on, AQE on).
 */
final class SparkBench implements BenchEngine {
    private SparkSession spark;

    @Override public String name() { return "spark"; }

    @Override
    public void start() {
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("sluice-bench")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
    }

    @Override
    public long run(Query query, Path input, Path output) {
        Dataset<Row> raw = query.readsCsv()
                ? spark.read().schema(Workload.INPUT_SCHEMA).options(Workload.CSV_OPTIONS).csv(input.toString())
                : spark.read().schema(Workload.INPUT_SCHEMA).json(input.toString());
        Dataset<Row> parsed = raw
                .withColumn("content", from_json(col("response_body"), DataType.fromDDL(Workload.CONTENT_SCHEMA)));
        switch (query) {
            case Q1:
            case Q1CSV:
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
                        .coalesce(1)   // one file; coalesce keeps the sorted order, repartition would not
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
        if (spark != null) spark.stop();
    }
}
