package dev.sluice.spark;

import dev.sluice.Sluice;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code df.writeTo(table)} on real Spark 4.1 and on Sluice, against each one's session catalog: which calls succeed
 * (create, with identity and bucket partitioning) and which fail, with the same reason (Spark's error text is what
 * Sluice's message quotes); a created table has the same layout on disk and the same rows and columns.
 */
class DataFrameWriterV2DifferentialTest {
    @TempDir static Path dir;
    static SparkSession spark;
    private Sluice sluice;
    private static final String ROWS = "SELECT * FROM VALUES (1, 'a', 10, TIMESTAMP'2024-01-02 03:04:05'), "
            + "(2, 'b', 20, TIMESTAMP'2025-01-02 03:04:05') AS t(x, s, p, ts)";

    @BeforeAll static void start() { spark = SharedSpark.get(); }

    @BeforeEach void open() {
        sluice = Sluice.builder().parallelism(2).shufflePartitions(2).config("spark.sql.warehouse.dir", dir.resolve("sluice-wh").toString()).build();
    }

    @AfterEach void close() {
        sluice.close();
        for (String t : List.of("wv2_t", "wv2_b", "wv2_y", "wv2_missing")) spark.sql("DROP TABLE IF EXISTS " + t);
    }

    /** What a call did: "ok", or the text of its error. */
    private interface Call { void run() throws Exception; }

    private static String outcome(Call call) {
        try {
            call.run();
            return "ok";
        } catch (Exception e) {
            return String.valueOf(e.getMessage());
        }
    }

    private static List<String> layout(Path root) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                    .filter(n -> !n.endsWith(".crc"))
                    .forEach(n -> out.add(n.replaceAll("part-\\d+-[0-9a-f-]+(_\\d+)?\\.c000", "part-*$1.c000")));   // task numbers differ, bucket ids not
        }
        return new ArrayList<>(out);
    }

    private static List<String> strings(List<Row> rows) {
        List<String> out = new ArrayList<>();
        for (Row r : rows) out.add(r.toString());
        return out;
    }

    @Test void createLeavesTheSameTableAndTheSameFiles() throws IOException {
        Dataset<Row> sparkDf = spark.sql(ROWS);
        dev.sluice.DataFrame sluiceDf = sluice.sql(ROWS);
        Path sparkLoc = dir.resolve("spark_t");
        Path sluiceLoc = dir.resolve("sluice_t");
        assertThat(outcome(() -> sparkDf.writeTo("wv2_t").option("path", sparkLoc.toString()).partitionedBy(org.apache.spark.sql.functions.col("p"),
                org.apache.spark.sql.functions.bucket(3, org.apache.spark.sql.functions.col("x"))).create())).isEqualTo("ok");
        assertThat(outcome(() -> sluiceDf.writeTo("wv2_t").option("path", sluiceLoc.toString()).partitionedBy(dev.sluice.functions.col("p"),
                dev.sluice.functions.bucket(3, dev.sluice.functions.col("x"))).create())).isEqualTo("ok");
        assertThat(layout(sluiceLoc)).isEqualTo(layout(sparkLoc));
        List<String> sparkRows = strings(spark.table("wv2_t").orderBy("x").collectAsList());
        List<String> sluiceRows = strings(spark.read().parquet(sluiceLoc.toString()).selectExpr("x", "s", "ts", "p").orderBy("x").collectAsList());
        assertThat(sluiceRows).isEqualTo(sparkRows).hasSize(2);
        assertThat(List.of(sluice.table("wv2_t").columns())).isEqualTo(List.of(spark.table("wv2_t").columns()));
        assertThat(outcome(() -> sluiceDf.writeTo("wv2_t").create())).contains("already exists");
        assertThat(outcome(() -> sparkDf.writeTo("wv2_t").create())).contains("TABLE_OR_VIEW_ALREADY_EXISTS");
    }

    @Test void theCallsSparkRefusesAreRefusedForTheSameReason() {
        Dataset<Row> sparkDf = spark.sql(ROWS);
        dev.sluice.DataFrame sluiceDf = sluice.sql(ROWS);
        assertThat(outcome(() -> sparkDf.writeTo("wv2_b").create())).isEqualTo("ok");
        assertThat(outcome(() -> sluiceDf.writeTo("wv2_b").create())).isEqualTo("ok");
        String v1 = "Cannot write into v1 table: `spark_catalog`.`default`.`wv2_b`";
        assertThat(outcome(() -> sparkDf.writeTo("wv2_b").append())).contains(v1);
        assertThat(outcome(() -> sluiceDf.writeTo("wv2_b").append())).contains(v1);
        assertThat(outcome(() -> sparkDf.writeTo("wv2_b").overwrite(org.apache.spark.sql.functions.col("x").equalTo(1)))).contains(v1);
        assertThat(outcome(() -> sluiceDf.writeTo("wv2_b").overwrite(dev.sluice.functions.col("x").equalTo(1)))).contains(v1);
        assertThat(outcome(() -> sparkDf.writeTo("wv2_b").overwritePartitions())).contains(v1);
        assertThat(outcome(() -> sluiceDf.writeTo("wv2_b").overwritePartitions())).contains(v1);
        for (String t : List.of("wv2_b", "wv2_missing")) {
            assertThat(outcome(() -> sparkDf.writeTo(t).replace())).contains("UNSUPPORTED_FEATURE.TABLE_OPERATION");
            assertThat(outcome(() -> sluiceDf.writeTo(t).replace())).contains("UNSUPPORTED_FEATURE.TABLE_OPERATION");
            assertThat(outcome(() -> sparkDf.writeTo(t).createOrReplace())).contains("UNSUPPORTED_FEATURE.TABLE_OPERATION");
            assertThat(outcome(() -> sluiceDf.writeTo(t).createOrReplace())).contains("UNSUPPORTED_FEATURE.TABLE_OPERATION");
        }
        assertThat(outcome(() -> sparkDf.writeTo("wv2_missing").append())).contains("TABLE_OR_VIEW_NOT_FOUND");
        assertThat(outcome(() -> sluiceDf.writeTo("wv2_missing").append())).contains("cannot be found");
        assertThat(outcome(() -> sparkDf.writeTo("wv2_y").partitionedBy(org.apache.spark.sql.functions.years(org.apache.spark.sql.functions.col("ts"))).create()))
                .contains("UNSUPPORTED_PARTITION_TRANSFORM");
        assertThat(outcome(() -> sluiceDf.writeTo("wv2_y").partitionedBy(dev.sluice.functions.years(dev.sluice.functions.col("ts"))).create()))
                .contains("UNSUPPORTED_PARTITION_TRANSFORM");
        assertThat(outcome(() -> sparkDf.writeTo("wv2_y").partitionedBy(org.apache.spark.sql.functions.bucket(3, org.apache.spark.sql.functions.col("x")),
                org.apache.spark.sql.functions.bucket(2, org.apache.spark.sql.functions.col("s"))).create())).contains("MULTIPLE_BUCKET_TRANSFORMS");
        assertThat(outcome(() -> sluiceDf.writeTo("wv2_y").partitionedBy(dev.sluice.functions.bucket(3, dev.sluice.functions.col("x")),
                dev.sluice.functions.bucket(2, dev.sluice.functions.col("s"))).create())).contains("MULTIPLE_BUCKET_TRANSFORMS");
        assertThat(strings(spark.table("wv2_b").select("x").orderBy("x").collectAsList())).containsExactly("[1]", "[2]");
        assertThat(sluice.table("wv2_b").count()).isEqualTo(2);
    }
}
