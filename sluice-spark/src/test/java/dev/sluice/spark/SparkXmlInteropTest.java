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
 * XML written by one engine and read by the other gives the same rows, with a schema and inferred (the same schema
 * inferred by both). Values avoid what XML itself cannot carry through either engine: NULL or no array elements,
 * and text with surrounding spaces (trimmed on reading by default).
 */
class SparkXmlInteropTest {
    static final String DDL = "id BIGINT, name STRING, _kind STRING, score DOUBLE, amount DECIMAL(10,2), day DATE, at TIMESTAMP, "
            + "tags ARRAY<STRING>, attrs MAP<STRING,BIGINT>, user STRUCT<_id: BIGINT, country: STRING, _VALUE: STRING>";
    static final StructType SCHEMA = DdlParser.parseSchema(DDL);

    @TempDir static Path dir;
    static SparkSession spark;
    static Sluice embedded;

    @BeforeAll static void start() {
        spark = SharedSpark.get();
        embedded = Sluice.builder().parallelism(2).build();
        embedded.conf().set("spark.sql.session.timeZone", spark.conf().get("spark.sql.session.timeZone"));
    }

    @AfterAll static void stop() { embedded.close(); }

    static List<Row> rows() {
        StructType user = (StructType) SCHEMA.field(9).dataType();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Map<String, Long> attrs = new LinkedHashMap<>();
            attrs.put("k" + i, (long) i * 1_000_000_007L);
            rows.add(new Row(SCHEMA, new Object[] {
                    (long) i, i % 5 == 0 ? null : "name <\"" + i + "\"> & é😀", i % 3 == 0 ? null : "k" + (i % 2),
                    i % 7 == 0 ? null : i / 3.0, new BigDecimal(i + ".25"), LocalDate.of(2026, 1, 1).plusDays(i),
                    Instant.parse("2026-10-01T00:00:00.123Z").plusSeconds(i * 3601L),
                    i % 4 == 0 ? null : List.of("a" + i, "b"),
                    i % 6 == 0 ? null : attrs,
                    i % 8 == 0 ? null : new Row(user, new Object[] {(long) i, i % 2 == 0 ? "US" : null, null})}));
        }
        return rows;
    }

    static List<Row> sorted(List<Row> rows) {
        List<Row> out = new ArrayList<>(rows);
        out.sort(Comparator.comparing(r -> ((Number) r.get(r.schema().indexOf("id"))).longValue()));
        return out;
    }

    static List<Row> fromSpark(Dataset<org.apache.spark.sql.Row> read, StructType schema) {
        List<Row> back = new ArrayList<>();
        for (org.apache.spark.sql.Row r : read.collectAsList()) back.add(SparkValues.fromSpark(r, schema));
        return back;
    }

    @Test void xmlWrittenBySluiceReadsTheSameInSpark() {
        String out = dir.resolve("by-sluice").toString();
        embedded.createDataFrame(rows(), SCHEMA).write().option("rowTag", "rec").option("rootTag", "recs").xml(out);
        Dataset<org.apache.spark.sql.Row> read = spark.read().schema(SparkTypes.toSpark(SCHEMA)).option("rowTag", "rec").format("xml").load(out);
        assertThat(sorted(fromSpark(read, SCHEMA))).isEqualTo(sorted(rows()));

        Dataset<org.apache.spark.sql.Row> inferredBySpark = spark.read().option("rowTag", "rec").format("xml").load(out);
        StructType inferred = embedded.read().option("rowTag", "rec").xml(out).schema();
        assertThat(SparkTypes.sameIgnoringNullability(SparkTypes.fromSpark(inferredBySpark.schema()), inferred)).isTrue();
        assertThat(sorted(fromSpark(inferredBySpark, inferred))).isEqualTo(sorted(embedded.read().option("rowTag", "rec").xml(out).collect()));
    }

    @Test void xmlWrittenBySparkReadsTheSameInSluice() {
        String out = dir.resolve("by-spark").toString();
        List<org.apache.spark.sql.Row> sparkRows = new ArrayList<>();
        for (Row r : rows()) sparkRows.add(SparkValues.toSpark(r));
        spark.createDataFrame(sparkRows, SparkTypes.toSpark(SCHEMA)).repartition(3).write().option("rowTag", "rec").format("xml").save(out);

        assertThat(sorted(embedded.read().schema(DDL).option("rowTag", "rec").xml(out).collect())).isEqualTo(sorted(rows()));
        Dataset<org.apache.spark.sql.Row> inferredBySpark = spark.read().option("rowTag", "rec").format("xml").load(out);
        StructType inferred = embedded.read().option("rowTag", "rec").xml(out).schema();
        assertThat(SparkTypes.sameIgnoringNullability(SparkTypes.fromSpark(inferredBySpark.schema()), inferred)).isTrue();
        assertThat(sorted(embedded.read().option("rowTag", "rec").xml(out).collect())).isEqualTo(sorted(fromSpark(inferredBySpark, inferred)));
        // an XML scan in a Sluice plan translated to Spark's reader
        Sluice onSpark = SparkEngine.of(spark);
        assertThat(sorted(onSpark.read().schema(DDL).option("rowTag", "rec").xml(out).collect())).isEqualTo(sorted(rows()));
    }
}
