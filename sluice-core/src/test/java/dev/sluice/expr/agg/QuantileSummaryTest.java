package dev.sluice.expr.agg;

import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.Row;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Spark's percentile_approx summary. The expected values are Spark 4.1.1's answers to the same queries over one
 * partition (sluice-spark's PercentileApproxDifferentialTest checks many more against Spark itself).
 */
class QuantileSummaryTest {
    @Test void exactWhileTheSummaryHoldsEveryValue() {
        QuantileSummary s = new QuantileSummary(1e-4);
        for (int i = 1000; i >= 1; i--) s.insert(i);
        assertThat(s.query(new double[] {0.5, 0.001, 0.25, 1.0, 0.0})).containsExactly(500, 1, 250, 1000, 1);
        assertThat(s.count()).isEqualTo(1000);
    }

    @Test void anEmptySummaryHasNoAnswer() {
        assertThat(new QuantileSummary(0.01).query(new double[] {0.5})).isNull();
    }

    @Test void compressesToTheAccuracyAndStaysWithinItsRankError() {
        // 200k values in a scrambled order, accuracy 100: the rank of each answer is within 1% of the asked rank
        int n = 200_000;
        QuantileSummary s = new QuantileSummary(0.01);
        for (long i = 0; i < n; i++) s.insert((i * 7919) % n);
        double[] ps = {0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95};
        double[] got = s.query(ps);
        for (int i = 0; i < ps.length; i++) assertThat(Math.abs(got[i] - ps[i] * n)).isLessThanOrEqualTo(0.01 * n);
    }

    @Test void mergingKeepsTheErrorBound() {
        QuantileSummary a = new QuantileSummary(0.001), b = new QuantileSummary(0.001);
        for (int i = 0; i < 120_000; i++) (i % 2 == 0 ? a : b).insert(i);
        QuantileSummary m = a.merge(b);
        assertThat(m.count()).isEqualTo(120_000);
        double[] got = m.query(new double[] {0.1, 0.5, 0.9});
        assertThat(got[0]).isCloseTo(12_000, org.assertj.core.data.Offset.offset(240.0));
        assertThat(got[1]).isCloseTo(60_000, org.assertj.core.data.Offset.offset(240.0));
        assertThat(got[2]).isCloseTo(108_000, org.assertj.core.data.Offset.offset(240.0));
    }

    @Test void sparksAnswersOverOnePartition() {
        try (Sluice sluice = Sluice.builder().parallelism(1).build()) {
            Row r = sluice.sql("SELECT percentile_approx(id, 0.5), percentile_approx(id, array(0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99)), "
                    + "percentile_approx(id, 0.5, 100) FROM range(0, 100000, 1, 1)").collect().get(0);
            assertThat(r.get(0)).isEqualTo(SPARK_MEDIAN);
            assertThat(r.get(1)).isEqualTo(List.of(999L, 10002L, 24997L, 49999L, 74992L, 89990L, 98989L));
            assertThat(r.get(2)).isEqualTo(SPARK_MEDIAN_100);
        }
    }

    /** Filled from Spark 4.1.1 (range(0, 100000, 1, 1)). */
    static final Object SPARK_MEDIAN = 49999L, SPARK_MEDIAN_100 = 49999L;

    @Test void theAccuracyMustBeAPositiveIntegerConstant() {
        try (Sluice sluice = Sluice.builder().build()) {
            assertThatThrownBy(() -> sluice.sql("SELECT percentile_approx(id, 0.5, 0) FROM range(10)").collect())
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
            assertThatThrownBy(() -> sluice.sql("SELECT percentile_approx(id, 0.5, id) FROM range(10)").collect())
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        }
    }

    @Test void answersInTheInputsType() {
        try (Sluice sluice = Sluice.builder().build()) {
            List<Row> rows = sluice.sql("SELECT percentile_approx(CAST(id AS INT), 0.5), percentile_approx(CAST(id AS DECIMAL(10,2)), 0.5), "
                    + "percentile_approx(DATE '2020-01-01' + CAST(id AS INT), 0.5) FROM range(10)").collect();
            assertThat(rows.get(0).get(0)).isEqualTo(4);
            assertThat(rows.get(0).get(1)).hasToString("4.00");
            assertThat(rows.get(0).get(2)).isEqualTo(java.time.LocalDate.of(2020, 1, 5));
        }
    }
}
