package dev.sluice.spark;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.types.Collation;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DdlParser;
import dev.sluice.types.Row;
import dev.sluice.types.StringType;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import java.util.List;

import static dev.sluice.functions.col;
import static dev.sluice.functions.collate;
import static dev.sluice.functions.count;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.lower;
import static org.assertj.core.api.Assertions.assertThat;

/** Collated string types map to Spark's StringType(collation) and back; a DataFrame plan over them gives Spark's rows. */
class CollationSparkTest {
    @Test void mapsCollatedStringTypesBothWays() {
        for (DataType t : List.<DataType>of(StringType.of(Collation.UTF8_LCASE), StringType.of(Collation.of("unicode_ci")),
                StringType.of(Collation.of("de_CI_AI")), StringType.of(Collation.of("UTF8_BINARY_RTRIM")), DataTypes.STRING)) {
            org.apache.spark.sql.types.DataType spark = SparkTypes.toSpark(t);
            assertThat(spark.simpleString()).isEqualTo(t.simpleString());
            assertThat(SparkTypes.fromSpark(spark)).isEqualTo(t);
        }
    }

    @Test void groupingAndFilteringUnderUtf8LcaseMatchTheEmbeddedEngine() {
        StructType schema = DdlParser.parseSchema("k STRING COLLATE UTF8_LCASE, x INT");
        List<Row> rows = List.of(Row.of(schema, "A", 1), Row.of(schema, "a", 2), Row.of(schema, "b", 3));
        try (Sluice embedded = Sluice.builder().parallelism(2).build()) {
            for (Sluice sluice : List.of(embedded, SparkEngine.of(SharedSpark.get()))) {
                DataFrame df = sluice.createDataFrame(rows, schema);
                List<Row> groups = df.groupBy(col("k")).agg(count(lit(1)).as("n")).select(lower(col("k")), col("n"))
                        .orderBy(col("n")).collect();
                assertThat(groups.stream().map(r -> r.get(0) + "=" + r.get(1)).toList()).containsExactly("b=1", "a=2");
                assertThat(df.filter(col("k").equalTo(lit("A"))).count()).isEqualTo(2);
                assertThat(df.filter(collate(col("k"), "UTF8_BINARY").equalTo(lit("A"))).count()).isEqualTo(1);
            }
        }
    }

    @TempDir Path dir;

    @Test void collatedParquetWrittenByEitherEngineReadsBackCollatedInTheOther() {
        StructType schema = DdlParser.parseSchema("k STRING COLLATE UTF8_LCASE, t ARRAY<STRING COLLATE UNICODE_CI>, x INT");
        List<Row> rows = List.of(Row.of(schema, "A", List.of("b"), 1), Row.of(schema, "a", List.of("B"), 2));
        org.apache.spark.sql.SparkSession spark = SharedSpark.get();
        try (Sluice embedded = Sluice.builder().parallelism(2).build()) {
            String bySluice = dir.resolve("by-sluice").toString();
            embedded.createDataFrame(rows, schema).write().parquet(bySluice);
            var inSpark = spark.read().parquet(bySluice);
            assertThat(SparkTypes.fromSpark(inSpark.schema())).isEqualTo(schema);
            assertThat(inSpark.filter("k = 'a'").count()).isEqualTo(2);

            String bySpark = dir.resolve("by-spark").toString();
            spark.sql("SELECT 'A' COLLATE UTF8_LCASE AS k, array('b' COLLATE UNICODE_CI) AS t, 1 AS x "
                    + "UNION ALL SELECT 'a' COLLATE UTF8_LCASE, array('B' COLLATE UNICODE_CI), 2").write().parquet(bySpark);
            DataFrame inSluice = embedded.read().parquet(bySpark);
            assertThat(inSluice.schema().field(0).dataType()).isEqualTo(schema.field(0).dataType());
            assertThat(((dev.sluice.types.ArrayType) inSluice.schema().field(1).dataType()).elementType())
                    .isEqualTo(StringType.of(Collation.of("UNICODE_CI")));
            assertThat(inSluice.filter(col("k").equalTo(lit("a"))).count()).isEqualTo(2);
        }
    }
}
