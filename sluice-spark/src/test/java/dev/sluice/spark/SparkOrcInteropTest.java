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
}
