package dev.sluice.expr.agg;

import dev.sluice.Sluice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * skewness, kurtosis, stddev and regr_r2 give Spark 4.1.1's doubles bit for bit over the same partitions. The
 * expected values are Spark's outputs for its documented examples: Spark ran them on local[2], where an inline
 * table of n rows is split into two partitions [0, n/2) and [n/2, n) whose partial states the final aggregate
 * merges; the single-partition values are the ones Spark's documentation prints.
 */
class SparkMomentArithmeticTest {
    static Sluice sluice;

    @BeforeAll static void start() { sluice = Sluice.builder().parallelism(2).build(); }

    @AfterAll static void stop() { sluice.close(); }

    static Object one(String sql) { return sluice.sql(sql).collect().get(0).get(0); }

    /**
     * A view {@code t(y, x)} of ints in the given partitions (each a list of y, x pairs), in order: Spark's
     * local[2] splits an inline table of n rows into [0, n/2) and [n/2, n).
     */
    static String split(Integer[]... partitions) {
        dev.sluice.types.StructType schema = dev.sluice.types.StructType.fromDDL("y INT, x INT");
        dev.sluice.DataFrame all = null;
        for (Integer[] p : partitions) {
            java.util.List<dev.sluice.types.Row> rows = new java.util.ArrayList<>();
            for (int i = 0; i < p.length; i += 2) rows.add(new dev.sluice.types.Row(schema, new Object[] {p[i], p[i + 1]}));
            dev.sluice.DataFrame df = sluice.createDataFrame(rows, schema);
            all = all == null ? df : all.union(df);
        }
        all.createOrReplaceTempView("t");
        return "t";
    }

    static Integer[] p(Integer... pairs) { return pairs; }

    @Test void kurtosisMatchesSparkOverTwoPartitions() {
        assertThat(one("SELECT kurtosis(y) FROM " + split(p(1, 0, 10, 0), p(100, 0, 10, 0, 1, 0)))).isEqualTo(0.19432323191699075);
        assertThat(one("SELECT kurtosis(y) FROM " + split(p(-10, 0, -20, 0), p(100, 0, 1000, 0)))).isEqualTo(-0.7014368047529627);
    }

    @Test void kurtosisMatchesSparkOnOnePartition() {
        assertThat(one("SELECT kurtosis(y) FROM " + split(p(1, 0, 10, 0, 100, 0, 10, 0, 1, 0)))).isEqualTo(0.19432323191698986);
    }

    @Test void skewnessMatchesSpark() {
        assertThat(one("SELECT skewness(y) FROM " + split(p(-10, 0, -20, 0), p(100, 0, 1000, 0)))).isEqualTo(1.1135657469022011);
        assertThat(one("SELECT skewness(y) FROM " + split(p(-1000, 0, -100, 0), p(10, 0, 20, 0)))).isEqualTo(-1.1135657469022011);
    }

    @Test void regrR2MatchesSparkOverTwoPartitions() {
        assertThat(one("SELECT regr_r2(y, x) FROM " + split(p(1, 2, 2, null), p(2, 3, 2, 4)))).isEqualTo(0.7500000000000001);
        assertThat(one("SELECT regr_r2(y, x) FROM " + split(p(1, 2, 2, 2), p(2, 3, 2, 4)))).isEqualTo(0.2727272727272727);
        assertThat(one("SELECT regr_r2(y, x) FROM VALUES (1, null) AS tab(y, x)")).isNull();
    }

    @Test void corrAndCovarianceKeepSparkNullRules() {
        assertThat(one("SELECT corr(y, x) FROM VALUES (3, 2), (3, 3), (6, 4) AS tab(y, x)")).isEqualTo(0.8660254037844387);
        assertThat(one("SELECT covar_samp(y, x) FROM VALUES (1, 2) AS tab(y, x)")).isNull();
        assertThat(one("SELECT covar_pop(y, x) FROM VALUES (1, 1), (2, 2), (3, 3) AS tab(y, x)")).isEqualTo(0.6666666666666666);
        assertThat(one("SELECT stddev_pop(y) FROM " + split(p(1, 0), p(2, 0, 3, 0)))).isEqualTo(0.816496580927726);
    }
}
