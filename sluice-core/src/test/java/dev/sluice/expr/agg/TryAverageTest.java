package dev.sluice.expr.agg;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** try_avg: Spark's types (decimal(p+4, s+4) for decimals, double otherwise) and NULL where the sum or average overflows. */
class TryAverageTest {
    static Sluice sluice;

    @BeforeAll static void start() { sluice = Sluice.builder().parallelism(2).build(); }

    @AfterAll static void stop() { sluice.close(); }

    @Test void decimalsAverageAsSparksDecimalAverage() {
        DataFrame df = sluice.sql("SELECT try_avg(x) FROM VALUES (CAST(1.5 AS DECIMAL(10, 1))), (CAST(2.0 AS DECIMAL(10, 1))), (NULL) t(x)");
        assertThat(df.schema().field(0).dataType().simpleString()).isEqualTo("decimal(14,5)");
        assertThat(df.collect().get(0).get(0)).isEqualTo(new BigDecimal("1.75000"));
        assertThat(sluice.sql("SELECT try_avg(x) FROM VALUES (CAST(1 AS DECIMAL(3, 0))), (2), (2) t(x)").collect().get(0).get(0))
                .isEqualTo(new BigDecimal("1.6667"));
        assertThat(sluice.sql("SELECT avg(x) FROM VALUES (CAST(1 AS DECIMAL(3, 0))), (2), (2) t(x)").collect().get(0).get(0))
                .isEqualTo(new BigDecimal("1.6667"));
    }

    @Test void overflowIsNull() {
        // PySpark's try_avg example: the average of 38 ones and 0 does not fit decimal(38, 4)
        String ones = "1".repeat(38);
        assertThat(sluice.sql("SELECT try_avg(x) FROM VALUES (CAST(" + ones + " AS DECIMAL(38, 0))), (CAST(0 AS DECIMAL(38, 0))) t(x)")
                .collect().get(0).get(0)).isNull();
        // the sum of two such values leaves decimal(38, 0)
        assertThat(sluice.sql("SELECT try_avg(x) FROM VALUES (CAST(" + ones + " AS DECIMAL(38, 0))), (CAST(" + ones.replace('1', '9')
                + " AS DECIMAL(38, 0))) t(x)").collect().get(0).get(0)).isNull();
        assertThat(sluice.sql("SELECT try_avg(x) FROM VALUES (1), (2) t(x)").collect().get(0).get(0)).isEqualTo(1.5);
        assertThat(sluice.sql("SELECT try_avg(x) FROM VALUES (CAST(NULL AS DECIMAL(5, 2))) t(x)").collect().get(0).get(0)).isNull();
    }
}
