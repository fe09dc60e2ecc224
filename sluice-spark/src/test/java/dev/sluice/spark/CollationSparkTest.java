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
}
