package dev.sluice.spark;

import dev.sluice.Sluice;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dynamic partition overwrite against real Spark 4.1: the same writes (by path, with the session mode and with the
 * write option, an empty result, SQL INSERT OVERWRITE with static and dynamic partitions, insertInto) made by Spark and
 * by Sluice's embedded engine leave the same partition directories holding data files and read back the same rows
 * (read by Spark in both cases). Where Sluice writes {@code _SUCCESS} and Spark's dynamic mode does not is in
 * docs/design.md.
 */
class DynamicOverwriteDifferentialTest {
    @TempDir Path dir;
    static SparkSession spark;
    private Sluice sluice;

    @BeforeAll static void start() { spark = SharedSpark.get(); }

    @AfterEach void stop() {
        if (sluice != null) sluice.close();
        spark.conf().set("spark.sql.sources.partitionOverwriteMode", "static");
        spark.sql("DROP TABLE IF EXISTS dyn_t");
    }

    /** Runs {@code sql} statements on one engine: Spark's own session, or a Sluice session. */
    private void sparkSql(String sql) { spark.sql(sql); }

    private void sluiceSql(String sql) { sluice.sql(sql); }

    /** The directories under {@code root} holding data files, relative to it. */
    private static List<String> dataDirectories(Path root) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().startsWith("part-"))
                    .forEach(p -> out.add(root.relativize(p.getParent()).toString()));
        }
        return new ArrayList<>(out);
    }

    private static List<String> sparkRows(String path) {
        List<String> out = new ArrayList<>();
        for (Row r : spark.read().parquet(path).selectExpr("x", "p").orderBy("p", "x").collectAsList()) out.add(r.get(0) + "@" + r.get(1));
        return out;
    }

    /** Overwrites in dynamic mode (a new partition, an existing one, an empty result), then one in static mode. */
    private static void overwrites(BiConsumer<String, Boolean> overwrite) {
        overwrite.accept("SELECT 9 AS x, 30 AS p", true);
        overwrite.accept("SELECT 8 AS x, 10 AS p", true);
        overwrite.accept("SELECT 7 AS x, 10 AS p WHERE false", true);
        overwrite.accept("SELECT 6 AS x, 20 AS p", false);
    }

    @Test void savingByPathLeavesWhatSparkLeaves() throws IOException {
        sluice = Sluice.builder().parallelism(2).shufflePartitions(2).build();
        String base = "SELECT * FROM VALUES (1, 10), (2, 20), (3, 10) AS t(x, p)";
        Path sparkOut = dir.resolve("spark");
        Path sluiceOut = dir.resolve("sluice");
        spark.sql(base).write().partitionBy("p").parquet(sparkOut.toString());
        sluice.sql(base).write().partitionBy("p").parquet(sluiceOut.toString());
        spark.conf().set("spark.sql.sources.partitionOverwriteMode", "dynamic");
        sluice.conf().set("spark.sql.sources.partitionOverwriteMode", "dynamic");
        overwrites((sql, dynamic) -> {
            var w = spark.sql(sql).write().mode("overwrite").partitionBy("p");
            if (!dynamic) w = w.option("partitionOverwriteMode", "static");
            w.parquet(sparkOut.toString());
        });
        overwrites((sql, dynamic) -> {
            var w = sluice.sql(sql).write().mode("overwrite").partitionBy("p");
            if (!dynamic) w = w.option("partitionOverwriteMode", "static");
            w.parquet(sluiceOut.toString());
        });
        assertThat(dataDirectories(sluiceOut)).isEqualTo(dataDirectories(sparkOut)).containsExactly("p=20");
        assertThat(sparkRows(sluiceOut.toString())).isEqualTo(sparkRows(sparkOut.toString())).containsExactly("6@20");
    }

    @Test void dynamicOverwritesOfSeveralPartitionsLeaveWhatSparkLeaves() throws IOException {
        sluice = Sluice.builder().parallelism(2).shufflePartitions(2).build();
        String base = "SELECT * FROM VALUES (1, 10), (2, 20), (3, 10), (4, 40) AS t(x, p)";
        Path sparkOut = dir.resolve("spark");
        Path sluiceOut = dir.resolve("sluice");
        spark.sql(base).write().partitionBy("p").parquet(sparkOut.toString());
        sluice.sql(base).write().partitionBy("p").parquet(sluiceOut.toString());
        String next = "SELECT * FROM VALUES (11, 10), (12, 50), (13, 50) AS t(x, p)";
        spark.sql(next).write().mode("overwrite").option("partitionOverwriteMode", "dynamic").partitionBy("p").parquet(sparkOut.toString());
        sluice.sql(next).write().mode("overwrite").option("partitionOverwriteMode", "dynamic").partitionBy("p").parquet(sluiceOut.toString());
        assertThat(dataDirectories(sluiceOut)).isEqualTo(dataDirectories(sparkOut)).containsExactly("p=10", "p=20", "p=40", "p=50");
        assertThat(sparkRows(sluiceOut.toString())).isEqualTo(sparkRows(sparkOut.toString()))
                .containsExactly("11@10", "2@20", "4@40", "12@50", "13@50");
    }

    @Test void insertOverwriteIntoATableLeavesWhatSparkLeaves() throws IOException {
        Path wh = dir.resolve("wh");
        sluice = Sluice.builder().parallelism(2).shufflePartitions(2).config("spark.sql.warehouse.dir", wh.toString()).build();
        Path sparkTable = dir.resolve("spark_t");
        List<String> statements = List.of(
                "CREATE TABLE dyn_t (x INT, a INT, b INT) USING parquet PARTITIONED BY (a, b) LOCATION '%s'",
                "INSERT INTO dyn_t VALUES (1, 1, 1), (2, 1, 2), (3, 2, 1)",
                "SET spark.sql.sources.partitionOverwriteMode=dynamic",
                "INSERT OVERWRITE dyn_t PARTITION (a = 1, b) SELECT 10, 3",
                "INSERT OVERWRITE dyn_t SELECT 20, 2, 1",
                "INSERT OVERWRITE dyn_t PARTITION (a = 1, b = 1) SELECT 30",
                "INSERT OVERWRITE dyn_t SELECT x, a, b FROM VALUES (40, 3, 3) AS v(x, a, b) WHERE false");
        for (String s : statements) sparkSql(String.format(s, sparkTable));
        Path sluiceTable = dir.resolve("sluice_t");
        for (String s : statements) sluiceSql(String.format(s, sluiceTable));
        spark.sql("SELECT 77 AS x, 1 AS a, 2 AS b").write().mode("overwrite").insertInto("dyn_t");
        sluice.sql("SELECT 77 AS x, 1 AS a, 2 AS b").write().mode("overwrite").insertInto("dyn_t");
        assertThat(dataDirectories(sluiceTable)).isEqualTo(dataDirectories(sparkTable))
                .containsExactly("a=1/b=1", "a=1/b=2", "a=1/b=3", "a=2/b=1");
        List<String> expected = new ArrayList<>();
        for (Row r : spark.sql("SELECT * FROM dyn_t ORDER BY a, b").collectAsList()) expected.add(r.toString());
        List<String> actual = new ArrayList<>();
        for (Row r : spark.read().parquet(sluiceTable.toString()).selectExpr("x", "a", "b").orderBy("a", "b").collectAsList()) actual.add(r.toString());
        assertThat(actual).isEqualTo(expected).containsExactly("[30,1,1]", "[77,1,2]", "[10,1,3]", "[20,2,1]");
    }
}
