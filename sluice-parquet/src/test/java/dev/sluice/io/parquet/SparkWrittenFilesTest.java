package dev.sluice.io.parquet;

import dev.sluice.Sluice;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files written by Apache Spark 4.1.1 (test resources {@code spark/}, made by the scratch oracle program
 * ParquetPq): default settings (INT96 timestamps), TIMESTAMP_MICROS, TIMESTAMP_MILLIS, and
 * writeLegacyFormat (FIXED_LEN_BYTE_ARRAY decimals, two-level lists named {@code array}, {@code bag} lists,
 * MAP_KEY_VALUE). Expected values are those Spark printed when reading the files back
 * ({@code spark/spark_expected.jsonl}).
 */
class SparkWrittenFilesTest {
    /** The schema Spark's printSchema showed for the files (every field nullable on read). */
    static final StructType SPARK_SCHEMA = StructType.fromDDL(
            "i INT, l BIGINT, f FLOAT, d DOUBLE, b BOOLEAN, dec5 DECIMAL(5,2), dec15 DECIMAL(15,3), dec30 DECIMAL(30,10), "
            + "s STRING, bin BINARY, dt DATE, ts TIMESTAMP, arr ARRAY<INT>, arrs ARRAY<STRUCT<x: INT, y: STRING>>, "
            + "m MAP<STRING, INT>, ma MAP<INT, ARRAY<STRING>>, st STRUCT<a: INT, n: STRUCT<c: STRING, d: DOUBLE>>");
    static final String[] DEC30 = {"0E-10", "12345678901234567.0123460000", "24691357802469134.0246910000",
            "37037036703703701.0370370000", "49382715604938268.0493830000", "61728394506172835.0617280000"};
    static final String[] DATES = {"1970-01-01", "1983-09-10", "1997-05-19", "2011-01-26", "2024-10-04", "2038-06-13"};

    static Sluice sluice;

    @BeforeAll static void start() { sluice = Sluice.builder().parallelism(2).build(); }

    @AfterAll static void stop() { sluice.close(); }

    static String resource(String name) {
        try {
            return Path.of(SparkWrittenFilesTest.class.getResource("/spark/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Spark's values for row {@code id} (0..5), row 6 being all null; timestamps to {@code micros} precision. */
    static Row expected(int id, boolean millis) {
        StructType arrs = StructType.fromDDL("x INT, y STRING");
        StructType st = StructType.fromDDL("a INT, n STRUCT<c: STRING, d: DOUBLE>");
        StructType n = StructType.fromDDL("c STRING, d DOUBLE");
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("k" + id, id);
        m.put("z", null);
        Instant ts = Instant.parse(millis ? "2024-03-01T12:34:56.123Z" : "2024-03-01T12:34:56.123456Z").plusSeconds(86_400L * id);
        return Row.of(SPARK_SCHEMA, id, id * 10_000_000_000L, id / 4f, id / 3.0, id % 2 == 0,
                new BigDecimal(id).multiply(new BigDecimal("1.25")).setScale(2),
                new BigDecimal(id).multiply(new BigDecimal("123456.789")).setScale(3),
                new BigDecimal(DEC30[id]).setScale(10),
                "s" + id + "é", ("b" + id).getBytes(StandardCharsets.UTF_8), LocalDate.parse(DATES[id]), ts,
                id == 2 ? null : id == 3 ? List.of() : Arrays.asList(id, null, 7),
                List.of(Row.of(arrs, id, "y" + id)),
                id == 1 ? null : m,
                Map.of(id, List.of("v" + id)),
                id == 4 ? null : Row.of(st, id, Row.of(n, "c" + id, (double) id)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"spark_default", "spark_micros", "spark_millis", "spark_legacy"})
    void readsSparkFilesWithSparksSchemaAndValues(String name) {
        var df = sluice.read().parquet(resource(name + ".snappy.parquet"));
        assertThat(df.schema()).isEqualTo(SPARK_SCHEMA);
        List<Row> rows = ParquetRoundTripTest.sorted(df.collect());
        assertThat(rows).hasSize(7);
        for (int id = 0; id < 6; id++) assertThat(rows.get(id)).as("row %d", id).isEqualTo(expected(id, name.equals("spark_millis")));
        assertThat(rows.get(6).values()).containsOnlyNulls();
    }

    @Test void theExpectedValuesAreWhatSparkPrinted() throws Exception {
        // guards the hand-written expectations above against the file Spark produced
        List<String> lines = java.nio.file.Files.readAllLines(Path.of(resource("spark_expected.jsonl")));
        assertThat(lines.get(2)).contains("\"i\":1,", "\"dec30\":12345678901234567.0123460000", "\"dt\":\"1983-09-10\"",
                "\"ts\":\"2024-03-02 12:34:56.123456\"", "\"arr\":[1,null,7]").doesNotContain("\"m\":");
        assertThat(lines.get(3)).contains("\"i\":2,", "\"m\":{\"k2\":2,\"z\":null}").doesNotContain("\"arr\":");
        assertThat(lines.get(0)).isEqualTo("{}");
    }

    @Test void projectsNestedFieldsOfSparkFiles() {
        List<Row> rows = ParquetRoundTripTest.sorted(sluice.read().parquet(resource("spark_legacy.snappy.parquet"))
                .select(col("i"), col("st.n.c"), col("arrs")).collect());
        assertThat(rows.get(3).values()).containsExactly(3, "c3", List.of(Row.of(StructType.fromDDL("x INT, y STRING"), 3, "y3")));
        assertThat(rows.get(4).get(1)).isNull();
    }
}
