package dev.sluice.spark;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.WriteResult;
import dev.sluice.types.DdlParser;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Files written by one engine read by the other give the same rows (JSON Lines; CSV and Parquet when they land). */
class SparkInteropTest {
    static final String DDL = "id INT, name STRING, score DOUBLE, amount DECIMAL(10,2), day DATE, at TIMESTAMP, "
            + "tags ARRAY<STRING>, attrs MAP<STRING,BIGINT>, user STRUCT<id: BIGINT, country: STRING>";
    static final StructType SCHEMA = DdlParser.parseSchema(DDL);

    @TempDir static Path dir;
    static SparkSession spark;
    static Sluice embedded;

    @BeforeAll static void start() {
        spark = SharedSpark.get();
        embedded = Sluice.builder().parallelism(2).build();
    }

    @AfterAll static void stop() { embedded.close(); }

    static List<Row> rows() {
        StructType user = (StructType) SCHEMA.field(8).dataType();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Map<String, Long> attrs = new LinkedHashMap<>();
            attrs.put("k" + i, (long) i * 1_000_000_007L);
            if (i % 3 == 0) attrs.put("none", null);
            rows.add(new Row(SCHEMA, new Object[] {
                    i, i % 5 == 0 ? null : "name \"" + i + "\" é😀\t", i % 7 == 0 ? null : i / 3.0,
                    new BigDecimal(i + ".25"), LocalDate.of(2026, 1, 1).plusDays(i),
                    Instant.parse("2026-10-01T00:00:00.123Z").plusSeconds(i * 3601L),
                    i % 4 == 0 ? List.of() : java.util.Arrays.asList("a" + i, null),
                    i % 6 == 0 ? null : attrs,
                    i % 8 == 0 ? null : new Row(user, new Object[] {(long) i, i % 2 == 0 ? "US" : null})}));
        }
        return rows;
    }

    @Test void jsonWrittenBySluiceReadsTheSameInSpark() {
        String out = dir.resolve("by-sluice").toString();
        WriteResult written = embedded.createDataFrame(rows(), SCHEMA).write().json(out);
        assertThat(written.rows()).isEqualTo(40);

        Dataset<org.apache.spark.sql.Row> read = spark.read().schema(SparkTypes.toSpark(SCHEMA)).json(out);
        List<Row> back = new ArrayList<>();
        for (org.apache.spark.sql.Row r : read.collectAsList()) back.add(SparkValues.fromSpark(r, SCHEMA));
        assertThat(sorted(back)).isEqualTo(sorted(rows()));
    }

    @Test void jsonWrittenBySparkReadsTheSameInSluice() {
        String out = dir.resolve("by-spark").toString();
        List<org.apache.spark.sql.Row> sparkRows = new ArrayList<>();
        for (Row r : rows()) sparkRows.add(SparkValues.toSpark(r));
        spark.createDataFrame(sparkRows, SparkTypes.toSpark(SCHEMA)).repartition(3).write().json(out);

        List<Row> back = embedded.read().schema(DDL).json(out).collect();
        assertThat(sorted(back)).isEqualTo(sorted(rows()));
    }

    @Test void parquetWrittenBySluiceReadsTheSameInSpark() {
        String out = dir.resolve("parquet-by-sluice").toString();
        embedded.createDataFrame(rows(), SCHEMA).write().parquet(out);
        Dataset<org.apache.spark.sql.Row> read = spark.read().parquet(out);
        assertThat(SparkTypes.sameIgnoringNullability(SparkTypes.fromSpark(read.schema()), SCHEMA)).isTrue();
        List<Row> back = new ArrayList<>();
        for (org.apache.spark.sql.Row r : read.collectAsList()) back.add(SparkValues.fromSpark(r, SCHEMA));
        assertThat(sorted(back)).isEqualTo(sorted(rows()));
    }

    @Test void parquetWrittenBySparkReadsTheSameInSluiceAndThroughTheSparkEngine() {
        String out = dir.resolve("parquet-by-spark").toString();
        List<org.apache.spark.sql.Row> sparkRows = new ArrayList<>();
        for (Row r : rows()) sparkRows.add(SparkValues.toSpark(r));
        spark.createDataFrame(sparkRows, SparkTypes.toSpark(SCHEMA)).repartition(2).write().parquet(out);

        assertThat(sorted(embedded.read().parquet(out).collect())).isEqualTo(sorted(rows()));
        // a Parquet scan in a Sluice plan translated to Spark's reader
        Sluice onSpark = SparkEngine.of(spark);
        assertThat(sorted(onSpark.read().parquet(out).collect())).isEqualTo(sorted(rows()));
    }

    @Test void aSluiceJobOnSparkWritesWhatTheEmbeddedEngineReads() {
        Sluice onSpark = SparkEngine.of(spark);
        String out = dir.resolve("sluice-on-spark").toString();
        DataFrame df = onSpark.createDataFrame(rows(), SCHEMA).filter(dev.sluice.functions.col("id").lt(30));
        WriteResult written = df.write().json(out);
        assertThat(written.rows()).isEqualTo(30);
        assertThat(written.files()).isPositive();

        List<Row> expected = new ArrayList<>(rows().subList(0, 30));
        assertThat(sorted(embedded.read().schema(DDL).json(out).collect())).isEqualTo(sorted(expected));
        assertThat(onSpark.read().schema(DDL).json(out).count()).isEqualTo(30);
    }

    @Test void savedModeIgnoreSkipsAnExistingTarget() throws IOException {
        Path target = dir.resolve("existing");
        Files.createDirectories(target);
        WriteResult result = SparkEngine.of(spark).createDataFrame(rows(), SCHEMA).write().mode("ignore").json(target.toString());
        assertThat(result.skipped()).isTrue();
        try (var files = Files.list(target)) {
            assertThat(files).isEmpty();
        }
    }

    /** CSV holds only flat columns: the first six. */
    static final String FLAT_DDL = "id INT, name STRING, score DOUBLE, amount DECIMAL(10,2), day DATE, at TIMESTAMP";
    static final StructType FLAT = DdlParser.parseSchema(FLAT_DDL);

    /** The flat columns; names without their trailing tab, which both engines' CSV writers trim by default (Spark's rule). */
    static List<Row> flatRows() {
        List<Row> out = new ArrayList<>();
        for (Row r : rows()) {
            Object[] values = r.values().subList(0, 6).toArray();
            if (values[1] instanceof String name) values[1] = name.strip();
            out.add(new Row(FLAT, values));
        }
        return out;
    }

    @Test void csvWrittenByEitherEngineReadsTheSameInTheOther() {
        String bySluice = dir.resolve("csv-by-sluice").toString();
        embedded.createDataFrame(flatRows(), FLAT).write().option("header", "true").csv(bySluice);
        List<Row> inSpark = new ArrayList<>();
        for (org.apache.spark.sql.Row r : spark.read().schema(SparkTypes.toSpark(FLAT)).option("header", "true").csv(bySluice).collectAsList()) {
            inSpark.add(SparkValues.fromSpark(r, FLAT));
        }
        assertThat(sorted(inSpark)).isEqualTo(sorted(flatRows()));

        String bySpark = dir.resolve("csv-by-spark").toString();
        List<org.apache.spark.sql.Row> sparkRows = new ArrayList<>();
        for (Row r : flatRows()) sparkRows.add(SparkValues.toSpark(r));
        spark.createDataFrame(sparkRows, SparkTypes.toSpark(FLAT)).repartition(2).write().option("header", "true").csv(bySpark);
        assertThat(sorted(embedded.read().schema(FLAT_DDL).option("header", "true").csv(bySpark).collect())).isEqualTo(sorted(flatRows()));
    }

    @Test void partitionedDirectoriesWrittenByEitherEngineReadTheSameInTheOther() {
        String bySpark = dir.resolve("partitioned-by-spark").toString();
        List<org.apache.spark.sql.Row> sparkRows = new ArrayList<>();
        for (Row r : flatRows()) sparkRows.add(SparkValues.toSpark(r));
        spark.createDataFrame(sparkRows, SparkTypes.toSpark(FLAT)).withColumn("bucket", org.apache.spark.sql.functions.expr("id % 3"))
                .write().partitionBy("bucket").json(bySpark);
        DataFrame read = embedded.read().json(bySpark);
        assertThat(read.columns()).contains("bucket");
        assertThat(read.filter(dev.sluice.functions.col("bucket").equalTo(1)).count()).isEqualTo(13);

        String bySluice = dir.resolve("partitioned-by-sluice").toString();
        embedded.createDataFrame(flatRows(), FLAT).withColumn("bucket", dev.sluice.functions.col("id").mod(3))
                .write().partitionBy("bucket").parquet(bySluice);
        assertThat(spark.read().parquet(bySluice).filter("bucket = 1").count()).isEqualTo(13);
        assertThat(spark.read().parquet(bySluice).count()).isEqualTo(40);
    }

    /** Rows by id (the engines promise no order without orderBy). */
    private static List<Row> sorted(List<Row> rows) {
        List<Row> out = new ArrayList<>(rows);
        out.sort(Comparator.comparingInt(r -> r.getInt(0)));
        return out;
    }
}
