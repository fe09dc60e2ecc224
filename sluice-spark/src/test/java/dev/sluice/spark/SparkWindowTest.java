package dev.sluice.spark;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.Window;
import dev.sluice.WindowSpec;
import dev.sluice.types.DdlParser;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.sluice.functions.col;
import static dev.sluice.functions.first_value;
import static dev.sluice.functions.lag;
import static dev.sluice.functions.ntile;
import static dev.sluice.functions.rank;
import static dev.sluice.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

/** Window plans translated to Spark give the embedded engine's rows. */
class SparkWindowTest {
    static SparkSession spark;
    static final StructType SCHEMA = DdlParser.parseSchema("k STRING, o INT, v DOUBLE");

    @BeforeAll static void start() { spark = SharedSpark.get(); }

    static DataFrame w(Sluice s) {
        List<Row> rows = new ArrayList<>();
        for (Object[] r : new Object[][] {{"a", 1, 10.0}, {"a", 2, 20.0}, {"a", 2, 5.0}, {"a", 4, null}, {"a", null, 7.0}, {"b", 5, 1.0}, {"b", 5, 2.0}, {"c", null, null}}) {
            rows.add(new Row(SCHEMA, r));
        }
        return s.createDataFrame(rows, SCHEMA);
    }

    static List<List<Object>> query(Sluice s) {
        WindowSpec ws = Window.partitionBy("k").orderBy("o");
        DataFrame out = w(s).select(col("k"), col("o"), col("v"), rank().over(ws).alias("rk"), ntile(2).over(ws).alias("nt"),
                sum(col("v")).over(ws.orderBy(col("o"), col("v")).rowsBetween(-1, 1)).alias("s3"), sum(col("v")).over(ws.rangeBetween(-1, 0)).alias("r"),
                lag(col("v"), 2, -1.0).over(ws.orderBy(col("o"), col("v"))).alias("lg"), first_value(col("v"), true).over(ws).alias("fv"))
                .orderBy("k", "o", "v");
        List<List<Object>> values = new ArrayList<>();
        for (Row r : out.collect()) values.add(r.values());
        return values;
    }

    @Test void windowsRunOnSparkAsEmbedded() {
        try (Sluice embedded = Sluice.builder().parallelism(2).build()) {
            List<List<Object>> expected = query(embedded);
            assertThat(expected).hasSize(8);
            assertThat(expected.get(1)).isEqualTo(Arrays.asList("a", 1, 10.0, 2, 1, 22.0, 10.0, -1.0, 7.0));
            assertThat(query(SparkEngine.of(spark))).isEqualTo(expected);
        }
    }
}
