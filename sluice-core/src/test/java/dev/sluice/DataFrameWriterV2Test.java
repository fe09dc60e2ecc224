package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.sluice.functions.bucket;
import static dev.sluice.functions.col;
import static dev.sluice.functions.days;
import static dev.sluice.functions.hours;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.months;
import static dev.sluice.functions.years;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code df.writeTo(table)} against the session catalog, as Spark 4.1.1 answers for its v1 file tables (the same
 * calls on real Spark: sluice-spark's DataFrameWriterV2DifferentialTest): create works, with identity and bucket
 * partitioning; time transforms, replace and the v2 writes into an existing table are refused, touching nothing.
 */
class DataFrameWriterV2Test {
    @TempDir Path dir;
    private Sluice sluice;
    private DataFrame df;

    @BeforeEach void open() {
        sluice = Sluice.builder().parallelism(2).shufflePartitions(2).config("spark.sql.warehouse.dir", dir.resolve("wh").toString()).build();
        df = sluice.sql("SELECT * FROM VALUES (1, 'a', 10, TIMESTAMP'2024-01-02 03:04:05'), (2, 'b', 20, TIMESTAMP'2025-01-02 03:04:05') AS t(x, s, p, ts)");
    }

    @AfterEach void close() { sluice.close(); }

    private List<String> rows(String sql) {
        List<String> out = new ArrayList<>();
        for (Row r : sluice.sql(sql).collect()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) cells.add(String.valueOf(r.get(i)));
            out.add(String.join(",", cells));
        }
        return out;
    }

    private static ErrorCode code(Throwable t) { return ((SluiceException) t).code(); }

    @Test void createWritesANewTableAndRefusesAnExistingOne() {
        df.writeTo("t1").create();
        assertThat(rows("SELECT x, s, p FROM t1 ORDER BY x")).containsExactly("1,a,10", "2,b,20");
        assertThat(rows("DESCRIBE EXTENDED t1")).anySatisfy(r -> assertThat(r).isEqualTo("Provider," + DataFrameWriter.defaultTableFormat() + ","));
        assertThatThrownBy(() -> df.writeTo("t1").create()).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.TABLE_OR_VIEW_ALREADY_EXISTS));
        assertThat(rows("SELECT count(*) FROM t1")).containsExactly("2");
    }

    @Test void createTakesFormatOptionsPropertiesAndPartitioning() throws Exception {
        df.writeTo("default.t2").using("csv").option("header", "true").tableProperty("k", "v")
                .partitionedBy(col("P"), bucket(3, col("x"))).create();
        assertThat(rows("SELECT x, s, p FROM t2 ORDER BY x")).containsExactly("1,a,10", "2,b,20");
        assertThat(rows("DESCRIBE t2").get(3)).as("partition columns last, as Spark").startsWith("p,int");
        assertThat(rows("SHOW TBLPROPERTIES t2")).contains("k,v");
        assertThat(rows("DESCRIBE EXTENDED t2")).contains("Num Buckets,3,", "Provider,csv,");
        try (var files = Files.walk(dir.resolve("wh/t2"))) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("part-")).toList())
                    .isNotEmpty().allSatisfy(n -> assertThat(n).matches("part-\\d{5}-.*_\\d{5}\\.c000\\.csv"));
        }
        Path external = dir.resolve("ext");
        df.writeTo("t3").option("path", external.toString()).create();
        assertThat(rows("DESCRIBE EXTENDED t3")).contains("Type,EXTERNAL,");
        assertThat(Files.exists(external.resolve("_SUCCESS"))).isTrue();
    }

    @Test void timeTransformsOtherExpressionsAndBadColumnsAreRefusedBeforeWriting() {
        for (Column transform : List.of(years(col("ts")), months(col("ts")), days(col("ts")), hours(col("ts")))) {
            assertThatThrownBy(() -> df.writeTo("t4").partitionedBy(transform).create())
                    .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION))
                    .hasMessageContaining("UNSUPPORTED_PARTITION_TRANSFORM");
        }
        assertThatThrownBy(() -> df.writeTo("t4").partitionedBy(col("x").plus(1)).create())
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.INVALID_ARGUMENT)).hasMessageContaining("Invalid partition transformation");
        assertThatThrownBy(() -> df.writeTo("t4").partitionedBy(bucket(3, col("x")), bucket(2, col("s"))).create())
                .hasMessageContaining("MULTIPLE_BUCKET_TRANSFORMS");
        assertThatThrownBy(() -> df.writeTo("t4").partitionedBy(bucket(0, col("x"))).create()).hasMessageContaining("INVALID_BUCKET_COUNT");
        assertThatThrownBy(() -> df.writeTo("t4").partitionedBy(col("p"), col("p")).create())
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.COLUMN_ALREADY_EXISTS));
        assertThatThrownBy(() -> df.writeTo("t4").partitionedBy(col("nope")).create())
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.COLUMN_NOT_FOUND));
        assertThatThrownBy(() -> df.select("p").writeTo("t4").partitionedBy(col("p")).create()).hasMessageContaining("ALL_PARTITION_COLUMNS_NOT_ALLOWED");
        assertThat(Files.exists(dir.resolve("wh/t4"))).isFalse();
        assertThat(rows("SHOW TABLES")).isEmpty();
    }

    @Test void v2WritesIntoASessionCatalogTableAreRefusedAsSparkRefusesThem() {
        df.writeTo("t5").partitionedBy(col("p")).create();
        List<Runnable> writes = List.of(() -> df.writeTo("t5").append(), () -> df.writeTo("t5").overwrite(col("p").equalTo(lit(10))),
                () -> df.writeTo("t5").overwritePartitions());
        for (Runnable w : writes) {
            assertThatThrownBy(w::run).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION))
                    .hasMessageContaining("Cannot write into v1 table: `spark_catalog`.`default`.`t5`");
        }
        assertThatThrownBy(() -> df.writeTo("nosuch").append()).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.TABLE_OR_VIEW_NOT_FOUND));
        df.createOrReplaceTempView("v");
        assertThatThrownBy(() -> df.writeTo("v").overwritePartitions()).hasMessageContaining("Cannot write into temp view v");
        for (Runnable w : List.<Runnable>of(() -> df.writeTo("t5").replace(), () -> df.writeTo("t6").createOrReplace())) {
            assertThatThrownBy(w::run).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION))
                    .hasMessageContaining("UNSUPPORTED_FEATURE.TABLE_OPERATION");
        }
        assertThat(rows("SELECT x, p FROM t5 ORDER BY x")).containsExactly("1,10", "2,20");
        assertThat(rows("SHOW TABLES")).extracting(r -> r.split(",")[1]).containsExactly("t5", "v");
    }

    @Test void partitionTransformsAreNoFunctionsOutsidePartitionedBy() {
        assertThatThrownBy(() -> df.select(years(col("ts"))).collect()).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.UNKNOWN_FUNCTION));
    }
}
