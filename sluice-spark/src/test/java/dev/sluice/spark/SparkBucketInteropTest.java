package dev.sluice.spark;

import dev.sluice.Sluice;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bucketed table written by Sluice is read by Spark 4.1 as a bucketed table: Spark's bucketed scan takes each
 * file's bucket id from its name (BucketingUtils; a file without one fails the scan with INVALID_BUCKET_FILE),
 * so the aggregation by the bucket column needs no shuffle, and every row sits in the bucket Spark computes for it.
 */
class SparkBucketInteropTest {
    @TempDir static Path dir;
    static SparkSession spark;
    static Sluice sluice;

    @BeforeAll static void start() {
        spark = SharedSpark.get();
        sluice = Sluice.builder().parallelism(2).shufflePartitions(2).config("spark.sql.warehouse.dir", dir.resolve("wh").toString()).build();
    }

    @AfterAll static void stop() {
        sluice.close();
        spark.sql("DROP TABLE IF EXISTS sluice_bucketed_interop");
    }

    @Test void sparkReadsSluiceBucketsAsBuckets() {
        sluice.sql("CREATE TABLE b (k INT, v STRING) USING json CLUSTERED BY (k) SORTED BY (v) INTO 4 BUCKETS");
        sluice.sql("INSERT INTO b SELECT CAST(id % 13 AS INT), concat('v', id) FROM range(200)");
        String location = dir.resolve("wh/b").toAbsolutePath().toString();

        spark.sql("DROP TABLE IF EXISTS sluice_bucketed_interop");
        spark.sql("CREATE TABLE sluice_bucketed_interop (k INT, v STRING) USING json CLUSTERED BY (k) SORTED BY (v) INTO 4 BUCKETS "
                + "LOCATION '" + location + "'");
        Dataset<Row> counts = spark.sql("SELECT k, count(*) AS n FROM sluice_bucketed_interop GROUP BY k ORDER BY k");
        String plan = counts.queryExecution().executedPlan().toString();
        assertThat(plan).as("a bucketed scan: the aggregation by k needs no shuffle by k").doesNotContain("Exchange hashpartitioning(k");
        List<String> got = new ArrayList<>();
        for (Row r : counts.collectAsList()) got.add(r.get(0) + "=" + r.get(1));
        List<String> expected = new ArrayList<>();
        for (int k = 0; k < 13; k++) expected.add(k + "=" + (200 / 13 + (k < 200 % 13 ? 1 : 0)));
        assertThat(got).isEqualTo(expected);

        // every row is in the file of the bucket Spark computes for it (the file's name carries the id)
        List<Row> misplaced = spark.sql("SELECT k, input_file_name() AS f FROM sluice_bucketed_interop "
                + "WHERE pmod(hash(k), 4) != CAST(regexp_extract(input_file_name(), '_([0-9]+)\\\\.c[0-9]{3}\\\\.', 1) AS INT)").collectAsList();
        assertThat(misplaced).isEmpty();
    }
}
