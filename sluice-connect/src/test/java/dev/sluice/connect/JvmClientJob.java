package dev.sluice.connect;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;

/**
 * Client side of {@link JvmClientTest}, run in its own JVM: the Spark Connect JVM client ships its own (relocated)
 * copies of the protocol classes under the same names as the server's, so the two cannot share a class path.
 * Prints {@code key=value} lines. (Errors are checked from Python: the client's error conversion needs Jackson
 * 2.20 for its Scala module, and the server's Arrow brings 2.21 to this module's class path.)
 */
public final class JvmClientJob {
    private JvmClientJob() {}

    public static void main(String[] args) {
        String url = args[0];
        SparkSession spark = org.apache.spark.sql.connect.SparkSession.builder().remote(url).getOrCreate();
        try {
            System.out.println("version=" + spark.version());
            System.out.println("range_count=" + spark.range(10).count());
            System.out.println("range_step=" + spark.range(0, 10, 4).collectAsList());
            Dataset<Row> left = spark.range(6).withColumn("k", col("id").mod(3));
            System.out.println("group_counts=" + left.groupBy("k").count().orderBy("k").collectAsList());
            Dataset<Row> right = spark.range(3).withColumnRenamed("id", "k2");
            System.out.println("join_count=" + left.join(right, left.col("k").equalTo(right.col("k2"))).count());
            // Scala/Java UDFs and typed Dataset functions are JVM closures: the server refuses them by name
            System.out.println("scala_udf=" + attempt(() -> spark.range(3).select(org.apache.spark.sql.functions.udf(
                    (org.apache.spark.sql.api.java.UDF1<Long, Long>) x -> x + 1, org.apache.spark.sql.types.DataTypes.LongType)
                    .apply(col("id"))).collectAsList()));
            System.out.println("typed_map=" + attempt(() -> spark.range(3).map(
                    (org.apache.spark.api.java.function.MapFunction<Long, Long>) x -> x * 2, org.apache.spark.sql.Encoders.LONG())
                    .collectAsList()));
            if (args.length > 2) {
                Dataset<Row> parsed = spark.read().schema(JvmClientTest.INPUT_SCHEMA).json(args[1])
                        .withColumn("content", from_json(col("response_body"), JvmClientTest.CONTENT_SCHEMA, Map.<String, String>of()));
                Dataset<Row> failed = parsed.filter(col("content.error").isNotNull());
                System.out.println("failures=" + failed.count());
                failed.select(col("ts"), col("request_id"), col("status"), col("content.error.code").alias("error_code"),
                        col("content.user.country").alias("country")).write().mode("overwrite").parquet(args[2]);
                System.out.println("written=" + args[2]);
            }
        } finally {
            spark.stop();
        }
    }

    /** What running {@code action} gave: "ran", or the error's class and message on one line. */
    private static String attempt(Runnable action) {
        try {
            action.run();
            return "ran";
        } catch (Throwable t) {
            StringBuilder b = new StringBuilder();
            for (Throwable c = t; c != null; c = c.getCause()) {
                b.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage()).append(" / ");
            }
            if (System.getenv("SLUICE_CLIENT_TRACE") != null) {
                for (StackTraceElement e : t.getStackTrace()) b.append(e).append(" | ");
            }
            return b.toString().replace('\n', ' ');
        }
    }
}
