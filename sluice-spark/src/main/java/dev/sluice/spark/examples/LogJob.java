package dev.sluice.spark.examples;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.WriteResult;
import dev.sluice.spark.SparkEngine;
import org.apache.spark.sql.SparkSession;

import static dev.sluice.functions.col;
import static dev.sluice.functions.from_json;
import static dev.sluice.functions.lower;

/**
 * A Sluice job run by spark-submit: reads JSON Lines access logs, keeps the failed requests, pulls the user's
 * country out of the JSON response body, and writes JSON Lines. The same code runs on the embedded engine by
 * passing {@code Sluice.local()} to {@link #run}.
 * <pre>
 * spark-submit --class dev.sluice.spark.examples.LogJob sluice-spark-VERSION-job.jar s3a://bucket/logs/ s3a://bucket/errors/
 * </pre>
 */
public final class LogJob {
    /** The input's columns (a DDL string, as Spark's DataFrameReader.schema takes it). */
    public static final String SCHEMA = "ts STRING, status INT, path STRING, response_body STRING";
    static final String BODY = "struct<user:struct<id:bigint,country:string>,error:struct<code:string>>";

    private LogJob() {}

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: LogJob <input path> <output path>");
            System.exit(2);
        }
        SparkSession spark = SparkSession.builder().appName("sluice-log-job").getOrCreate();
        try {
            WriteResult result = run(SparkEngine.of(spark), args[0], args[1]);
            System.out.println("wrote " + result.rows() + " rows to " + result.path());
        } finally {
            spark.stop();
        }
    }

    /** The job itself: lazy transformations, one action (the write). */
    public static WriteResult run(Sluice sluice, String input, String output) {
        DataFrame logs = sluice.read().schema(SCHEMA).json(input);
        DataFrame body = logs.filter(col("status").geq(400))
                .withColumn("body", from_json(col("response_body"), BODY));
        DataFrame errors = body.select(
                col("ts"), col("status"), col("path"),
                col("body.user.country").alias("country"),
                lower(col("body.error.code")).alias("error_code"));
        return errors.write().mode("overwrite").json(output);
    }
}
