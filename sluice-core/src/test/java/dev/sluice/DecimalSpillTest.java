package dev.sluice;

import dev.sluice.types.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.sluice.functions.col;
import static dev.sluice.functions.count;
import static dev.sluice.functions.expr;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.max;
import static dev.sluice.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decimal keys and values of at most 18 digits (held as unscaled longs) through operators that spill: grouping,
 * joining and sorting on a decimal(14,2) key with far more keys than the budget holds; results equal a BigDecimal
 * reference.
 */
class DecimalSpillTest {
    private static final long ROWS = 200_000;
    private static final long KEYS = 50_000;

    private static BigDecimal key(long i) { return BigDecimal.valueOf(i % KEYS, 2); }

    private static BigDecimal amount(long i) {
        return new BigDecimal(Double.toString(SpillTestSupport.value(i))).setScale(2, RoundingMode.HALF_UP);
    }

    /** {@code k}: (id % KEYS) / 100 as decimal(14,2); {@code a}: the generated value as decimal(12,2). */
    private static DataFrame decimals(Sluice s) {
        return SpillTestSupport.generated(s, ROWS, KEYS)
                .select(expr("CAST(id % " + KEYS + " AS DECIMAL(12,0)) * 0.01").alias("k"), col("v").cast("decimal(12,2)").alias("a"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7})
    void groupsJoinsAndSortsOnDecimalKeysWhileSpilling(int parallelism) {
        Map<BigDecimal, BigDecimal> sums = new HashMap<>();
        Map<BigDecimal, BigDecimal> maxima = new HashMap<>();
        for (long i = 0; i < ROWS; i++) {
            sums.merge(key(i), amount(i), BigDecimal::add);
            maxima.merge(key(i), amount(i), BigDecimal::max);
        }
        SpillTestSupport.SpillCounter counter = new SpillTestSupport.SpillCounter();
        try (Sluice s = SpillTestSupport.session(parallelism, counter)) {
            List<Row> groups = decimals(s).groupBy("k").agg(sum("a"), max("a"), count(lit(1))).collect();
            assertThat(groups).hasSize((int) KEYS);
            for (Row r : groups) {
                BigDecimal k = (BigDecimal) r.get(0);
                assertThat(k.scale()).isEqualTo(2);
                assertThat(r.get(1)).as("sum of %s", k).isEqualTo(sums.get(k));
                assertThat(r.get(2)).as("max of %s", k).isEqualTo(maxima.get(k));
                assertThat(r.get(3)).isEqualTo(ROWS / KEYS);
            }
            assertThat(counter.spilledBytes()).isPositive();

            counter.reset();
            DataFrame halfKeys = decimals(s).filter(col("k").lt(lit(new BigDecimal("250.00")))).select(col("k").alias("j")).distinct();
            assertThat(decimals(s).join(halfKeys, col("k").equalTo(col("j"))).count()).isEqualTo(ROWS / 2);

            List<Row> sorted = decimals(s).orderBy(col("k").desc(), col("a")).select("k").collect();
            assertThat(sorted).hasSize((int) ROWS);
            for (int i = 1; i < sorted.size(); i++) {
                assertThat(((BigDecimal) sorted.get(i - 1).get(0)).compareTo((BigDecimal) sorted.get(i).get(0))).isGreaterThanOrEqualTo(0);
            }
            assertThat(counter.spilledBytes()).isPositive();
            assertThat(SpillTestSupport.pool(s).used()).isZero();
        }
    }
}
