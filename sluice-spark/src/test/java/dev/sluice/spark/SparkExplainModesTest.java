package dev.sluice.spark;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.Test;

import static dev.sluice.functions.col;
import static dev.sluice.functions.count;
import static dev.sluice.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** explain modes on the Spark engine (Spark's own text), and what it refuses: analyze. */
class SparkExplainModesTest {
    @Test void sparkExplainsInItsModesAndRefusesSluicesOwn() {
        Sluice sluice = SparkEngine.of(SharedSpark.get());
        DataFrame df = sluice.range(0, 10).filter(col("id").gt(3));
        assertThat(df.explainString("formatted")).contains("(1)").contains("Range");
        assertThat(df.explainString("cost")).contains("Statistics(sizeInBytes=");
        assertThat(df.explainString("codegen")).contains("WholeStageCodegen");
        assertThatThrownBy(() -> df.explainString("analyze")).isInstanceOfSatisfying(SluiceException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION));
        DataFrame observed = df.observe("m", count(lit(1)).alias("n"));   // Spark's own observe (SparkObserveForeachTest)
        assertThat(observed.count()).isEqualTo(6);
        assertThat(observed.observedMetrics().get("m").get(0)).isEqualTo(6L);
        assertThat(df.repartition(3, col("id")).count()).isEqualTo(6);
    }
}
