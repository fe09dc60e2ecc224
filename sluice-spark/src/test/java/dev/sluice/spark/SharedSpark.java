package dev.sluice.spark;

import org.apache.spark.sql.SparkSession;

/**
 * One local SparkSession for every test in the JVM (starting one takes seconds): local[2], UTC, no UI, two
 * shuffle partitions. Spark stops it at JVM exit through its own shutdown hook.
 */
final class SharedSpark {
    private SharedSpark() {}

    private static SparkSession spark;

    static synchronized SparkSession get() {
        if (spark == null) {
            spark = SparkSession.builder()
                    .master("local[2]")
                    .appName("sluice-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.sql.session.timeZone", "UTC")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .getOrCreate();
        }
        return spark;
    }
}
