package dev.sluice.expr.fn;

import dev.sluice.Sluice;
import dev.sluice.types.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** randn(seed): standard normal values from Spark's XORShiftRandom, the same sequence as Spark's (its documented example). */
class RandnTest {
    private static final Sluice SLUICE = Sluice.builder().parallelism(1).build();

    @AfterAll static void close() { SLUICE.close(); }

    @Test void seededValuesAreSparks() {
        // PySpark's randn docstring: spark.range(0, 2, 1, 1).select("*", sf.randn(seed=42)) gives 2.384479054241..., 0.1920934041293...
        List<Row> rows = SLUICE.sql("SELECT randn(42) FROM range(0, 2, 1, 1)").collect();
        assertThat(SLUICE.sql("SELECT randn(42) FROM range(0, 2, 1, 1)").columns()).containsExactly("randn(42)");
        assertThat((Double) rows.get(0).get(0)).isCloseTo(2.384479054241, within(1e-12));
        assertThat((Double) rows.get(1).get(0)).isCloseTo(0.1920934041293, within(1e-12));
    }

    @Test void isNormallyDistributed() {
        Row r = SLUICE.sql("SELECT avg(v), stddev(v) FROM (SELECT randn(7) AS v FROM range(0, 20000, 1, 1))").collect().get(0);
        assertThat((Double) r.get(0)).isCloseTo(0.0, within(0.05));
        assertThat((Double) r.get(1)).isCloseTo(1.0, within(0.05));
    }
}
