package dev.sluice.expr.fn;

import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Functions whose values come from Spark's own random sequences: the values of Spark's documented examples. */
class SparkSequencesTest {
    static Sluice sluice;

    @BeforeAll static void start() { sluice = Sluice.builder().parallelism(2).build(); }

    @AfterAll static void stop() { sluice.close(); }

    static Object one(String sql) { return sluice.sql(sql).collect().get(0).get(0); }

    @SuppressWarnings("unchecked")
    @Test void shuffleIsSparksPermutationForASeed() {
        // PySpark's shuffle examples (commons-math's MersenneTwister, inside-out Fisher-Yates, partition 0)
        assertThat(one("SELECT shuffle(array(1, 20, 3, 5), 123)")).isEqualTo(List.of(5, 1, 20, 3));
        assertThat(one("SELECT shuffle(array(1, 20, NULL, 5), 234)")).isEqualTo(java.util.Arrays.asList(null, 5, 20, 1));
        assertThat(one("SELECT shuffle(array(1, 2, 2, 3, 3, 3), 345L)")).isEqualTo(List.of(2, 3, 3, 1, 2, 3));
        assertThat(one("SELECT shuffle(CAST(NULL AS ARRAY<INT>), 1)")).isNull();
        assertThat(one("SELECT shuffle(array())")).isEqualTo(List.of());
        // without a seed: some permutation of the same elements
        assertThat((List<Object>) one("SELECT shuffle(array(1, 2, 3, 4, 5, 6, 7, 8))")).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(sluice.sql("SELECT shuffle(array(1, 2), 7) FROM VALUES (1) t(a)").columns()).containsExactly("shuffle(array(1, 2))");
        assertThatThrownBy(() -> one("SELECT shuffle(array(1), a) FROM VALUES (1) t(a)")).isInstanceOfSatisfying(SluiceException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }

    @Test void histogramNumericBinsAsSparksNumericHistogram() {
        // PySpark's histogram_numeric example: spark.range(100) in one partition, 5 bins (ties broken by Random(31183))
        List<?> bins = (List<?>) sluice.range(0, 100, 1, 1).selectExpr("histogram_numeric(id, 5)").collect().get(0).get(0);
        assertThat(bins.stream().map(b -> ((Row) b).get(0) + ":" + ((Row) b).get(1)).toList())
                .containsExactly("11:25.0", "36:24.0", "59:23.0", "84:25.0", "98:3.0");
    }
}
