package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.Test;

import static dev.sluice.functions.col;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.spark_partition_id;
import static dev.sluice.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** repartitionById: the partition is pmod(id, n); a NULL id or a non-integral one is refused. */
class RepartitionByIdTest {
    private static final Sluice SLUICE = Sluice.builder().parallelism(3).build();

    @Test void eachRowGoesToThePartitionItNames() {
        DataFrame df = SLUICE.range(0, 100, 1, 4).withColumn("p", col("id").mod(lit(5)).cast("int"));
        assertThat(df.repartitionById(5, "p").filter(col("p").notEqual(spark_partition_id())).count()).isZero();
        assertThat(df.repartitionById(5, "p").count()).isEqualTo(100);
        // a bigint id, and negative ids wrap as pmod
        assertThat(df.repartitionById(3, col("id").minus(lit(50))).filter(col("id").minus(lit(50)).mod(lit(3)).plus(lit(3)).mod(lit(3))
                .notEqual(spark_partition_id())).count()).isZero();
    }

    @Test void aNullOrNonIntegralIdIsRefused() {
        DataFrame df = SLUICE.range(10);
        assertThatThrownBy(() -> df.repartitionById(2, when(col("id").equalTo(3), lit(null)).otherwise(col("id"))).count())
                .isInstanceOf(SluiceException.class).hasMessageContaining("must not be NULL");
        assertThatThrownBy(() -> df.repartitionById(2, lit("a")).count())
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH));
        assertThatThrownBy(() -> df.repartitionById(0, "id"))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }
}
