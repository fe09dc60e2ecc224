package dev.sluice.spark;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.plan.Explain;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.types.DdlParser;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.sluice.functions.avg;
import static dev.sluice.functions.col;
import static dev.sluice.functions.count;
import static dev.sluice.functions.countDistinct;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

/** The optimizer's Expand (rewrite_distinct_aggregates) translated to Spark gives the embedded engine's rows. */
class SparkExpandTest {
    private static final StructType SCHEMA = DdlParser.parseSchema("k STRING, a INT, b INT, d DOUBLE");

    @Test void anOptimizedPlanWithAnExpandRunsOnSparkWithTheEmbeddedEnginesRows() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(Row.of(SCHEMA, i % 5 == 0 ? null : "k" + (i % 3), i % 7 == 0 ? null : i % 4, i % 6, i % 11 == 0 ? null : i * 0.5));
        }
        try (Sluice embedded = Sluice.builder().parallelism(2).build()) {
            DataFrame df = embedded.createDataFrame(rows, SCHEMA).groupBy(col("k"))
                    .agg(countDistinct(col("a")), countDistinct(col("b")), sum(col("d")), avg(col("d")), count(lit(1)));
            LogicalPlan optimized = df.optimizedPlan();
            assertThat(Explain.tree(optimized)).contains("Expand: ");
            Sluice onSpark = SparkEngine.of(SharedSpark.get());
            SparkEngine engine = (SparkEngine) onSpark.engine();
            List<String> fromSpark = new ArrayList<>();
            for (org.apache.spark.sql.Row r : engine.toDataset(optimized).collectAsList()) fromSpark.add(SparkValues.fromSpark(r, optimized.schema()).toString());
            List<String> expected = new ArrayList<>();
            for (Row r : df.collect()) expected.add(r.toString());
            assertThat(fromSpark).containsExactlyInAnyOrderElementsOf(expected);
        }
    }
}
