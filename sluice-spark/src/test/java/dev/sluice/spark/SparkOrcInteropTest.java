package dev.sluice.spark;

import dev.sluice.Sluice;
import dev.sluice.types.DdlParser;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ORC written by one engine and read by the other gives the same schema and rows, for each codec. One quirk is
 * ORC's, in both engines: an instant in the second before the epoch (1969-12-31T23:59:59.999999Z) comes back one
 * second late; the last row checks that Sluice reads it as Spark does.
 */
class SparkOrcInteropTest {
    static final String DDL = "id BIGINT, b BOOLEAN, t TINYINT, s SMALLINT, i INT, f FLOAT, d DOUBLE, name STRING, day DATE, "
            + "at TIMESTAMP, amount DECIMAL(20,3), tags ARRAY<STRING>, attrs MAP<STRING,BIGINT>, user STRUCT<id: BIGINT, country: STRING>";
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
        StructType user = (StructType) SCHEMA.field(13).dataType();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Map<String, Long> attrs = new LinkedHashMap<>();
            attrs.put("k" + i, (long) i * 1_000_000_007L);
            if (i % 3 == 0) attrs.put("none", null);
            rows.add(new Row(SCHEMA, new Object[] {(long) i, i % 2 == 0, (byte) (i - 100), (short) (i * 300), i * 70_000, i / 8f, i / 3.0,
                    i % 5 == 0 ? null : "name \"" + i + "\" é😀\t", LocalDate.of(1969, 12, 20).plusDays(i),
                    (i == 39 ? Instant.parse("1969-12-31T23:59:59.999999Z") : Instant.parse("1969-12-31T23:59:58.123456Z").plusSeconds(i * 3601L).plusNanos(i * 1000L)),
                    new BigDecimal(i + ".250"), i % 4 == 0 ? List.of() : java.util.Arrays.asList("a" + i, null),
                    i % 6 == 0 ? null : attrs, i % 8 == 0 ? null : new Row(user, new Object[] {(long) i, i % 2 == 0 ? "US" : null})}));
        }
        return rows;
    }

    static List<Row> sorted(List<Row> rows) {
        List<Row> out = new ArrayList<>(rows);
        out.sort(Comparator.comparing(r -> (Long) r.get(0)));
        return out;
    }

    @Test void orcWrittenBySluiceReadsTheSameInSpark() {
        for (String codec : List.of("none", "snappy", "zlib", "zstd", "lz4")) {
            String out = dir.resolve("by-sluice-" + codec).toString();
            embedded.createDataFrame(rows(), SCHEMA).write().option("compression", codec).format("orc").save(out);
            Dataset<org.apache.spark.sql.Row> read = spark.read().orc(out);
            assertThat(SparkTypes.sameIgnoringNullability(SparkTypes.fromSpark(read.schema()), SCHEMA)).isTrue();
            List<Row> back = new ArrayList<>();
            for (org.apache.spark.sql.Row r : read.collectAsList()) back.add(SparkValues.fromSpark(r, SCHEMA));
            // the same rows as Sluice reads from the same files
            assertThat(sorted(back)).as(codec).isEqualTo(sorted(embedded.read().format("orc").load(out).collect()));
            assertThat(sorted(back).subList(0, 39)).as(codec).isEqualTo(sorted(rows()).subList(0, 39));
            // ORC's own writer (in Spark too) stores an instant in the second before the epoch one second late
            assertThat(sorted(back).get(39).get(9)).isEqualTo(Instant.parse("1970-01-01T00:00:00.999999Z"));
        }
    }

    @Test void orcWrittenBySparkReadsTheSameInSluiceAndThroughTheSparkEngine() {
        String out = dir.resolve("by-spark").toString();
        List<org.apache.spark.sql.Row> sparkRows = new ArrayList<>();
        for (Row r : rows()) sparkRows.add(SparkValues.toSpark(r));
        spark.createDataFrame(sparkRows, SparkTypes.toSpark(SCHEMA)).repartition(3).write().orc(out);
        assertThat(embedded.read().format("orc").load(out).schema()).isEqualTo(SCHEMA);
        List<Row> bySpark = new ArrayList<>();
        for (org.apache.spark.sql.Row r : spark.read().orc(out).collectAsList()) bySpark.add(SparkValues.fromSpark(r, SCHEMA));
        assertThat(sorted(embedded.read().format("orc").load(out).collect())).isEqualTo(sorted(bySpark));
        assertThat(sorted(bySpark).subList(0, 39)).isEqualTo(sorted(rows()).subList(0, 39));
        assertThat(sorted(SparkEngine.of(spark).read().format("orc").load(out).collect())).isEqualTo(sorted(bySpark));
    }

    /** The orc.* settings Sluice honours, as Spark passes them to ORC: files written with them read the same in both engines. */
    @Test void orcWriterSettingsGiveFilesBothEnginesReadAlike() {
        Map<String, String> settings = Map.of("orc.compress", "SNAPPY", "orc.bloom.filter.columns", "name,id", "orc.bloom.filter.fpp", "0.05",
                "orc.column.encoding.direct", "name", "orc.dictionary.key.threshold", "0.5", "orc.stripe.size", "65536",
                "orc.row.index.stride", "1000", "orc.compress.size", "8192");
        String bySluice = dir.resolve("settings-sluice").toString();
        embedded.createDataFrame(rows(), SCHEMA).write().options(settings).format("orc").save(bySluice);
        String bySparkPath = dir.resolve("settings-spark").toString();
        List<org.apache.spark.sql.Row> sparkRows = new ArrayList<>();
        for (Row r : rows()) sparkRows.add(SparkValues.toSpark(r));
        spark.createDataFrame(sparkRows, SparkTypes.toSpark(SCHEMA)).repartition(1).write().options(settings).orc(bySparkPath);
        for (String path : List.of(bySluice, bySparkPath)) {
            List<Row> inSpark = new ArrayList<>();
            for (org.apache.spark.sql.Row r : spark.read().orc(path).collectAsList()) inSpark.add(SparkValues.fromSpark(r, SCHEMA));
            assertThat(sorted(embedded.read().format("orc").load(path).collect())).as(path).isEqualTo(sorted(inSpark));
            assertThat(sorted(inSpark).subList(0, 39)).as(path).isEqualTo(sorted(rows()).subList(0, 39));
        }
        // both name their files by the codec orc.compress chose
        assertThat(new java.io.File(bySluice).list((d, n) -> n.endsWith(".snappy.orc"))).isNotEmpty();
        assertThat(new java.io.File(bySparkPath).list((d, n) -> n.endsWith(".snappy.orc"))).isNotEmpty();
    }

    /**
     * mergeSchema over files of different columns: the same columns, types and rows as Spark's. The column order
     * may differ: Spark merges in the order its file listing returns the files (the local file system's directory
     * order, not sorted), Sluice in path order, so the columns are compared by name.
     */
    @Test void mergeSchemaGivesSparksColumnsAndRows() {
        String root = dir.resolve("merge").toString();
        spark.sql("SELECT CAST(id AS BIGINT) AS id, CAST(id AS STRING) AS name, named_struct('x', CAST(id AS INT)) AS s FROM range(5)")
                .write().orc(root + "/k=1");
        spark.sql("SELECT CAST(id AS BIGINT) AS id, id / 2.0D AS extra, named_struct('x', CAST(id AS INT)) AS s FROM range(5, 9)")
                .write().orc(root + "/k=2");
        Dataset<org.apache.spark.sql.Row> inSpark = spark.read().option("mergeSchema", "true").orc(root);
        StructType schema = (StructType) SparkTypes.fromSpark(inSpark.schema());
        dev.sluice.DataFrame merged = embedded.read().option("mergeSchema", "true").format("orc").load(root);
        assertThat(new java.util.TreeSet<>(merged.schema().fieldNames())).isEqualTo(new java.util.TreeSet<>(schema.fieldNames()));
        List<dev.sluice.Column> inSparkOrder = new ArrayList<>();
        for (String name : schema.fieldNames()) inSparkOrder.add(dev.sluice.functions.col(name));
        dev.sluice.DataFrame inSluice = merged.select(inSparkOrder.toArray(new dev.sluice.Column[0]));
        assertThat(SparkTypes.sameIgnoringNullability(inSluice.schema(), schema)).as(inSluice.schema().simpleString() + " vs " + schema.simpleString()).isTrue();
        List<Row> expected = new ArrayList<>();
        for (org.apache.spark.sql.Row r : inSpark.collectAsList()) expected.add(SparkValues.fromSpark(r, schema));
        assertThat(sorted(inSluice.collect())).isEqualTo(sorted(expected));
    }

    /** A large Spark-written file of many stripes, read by Sluice in small splits: every row once, as Spark reads it. */
    @Test void sparkFileOfManyStripesReadInSplits() {
        String out = dir.resolve("stripes").toString();
        spark.sql("SELECT id, md5(CAST(id AS STRING)) AS h FROM range(100000)").repartition(1).write()
                .option("orc.stripe.size", "65536").option("compression", "none").orc(out);
        try (Sluice small = Sluice.builder().parallelism(3).maxSplitBytes(32 << 10).build()) {
            dev.sluice.DataFrame df = small.read().format("orc").load(out);
            assertThat(df.count()).isEqualTo(100_000);
            assertThat(df.agg(dev.sluice.functions.sum(dev.sluice.functions.col("id"))).collect().get(0).get(0)).isEqualTo(99_999L * 100_000 / 2);
            assertThat(df.select(dev.sluice.functions.col("h")).distinct().count()).isEqualTo(100_000);
        }
    }
}
