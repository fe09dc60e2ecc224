package dev.sluice;

import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.sluice.functions.col;
import static dev.sluice.functions.rand;
import static org.assertj.core.api.Assertions.assertThat;

/** rand() is computed once per row where the user put it, and its values do not depend on the worker count. */
class NondeterministicExpressionsTest {
    private static final StructType SCHEMA = StructType.fromDDL("id INT");

    private static List<Row> ids(int n) {
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) rows.add(Row.of(SCHEMA, i));
        return rows;
    }

    @Test void filterOverAProjectedRandSeesTheValuesTheProjectionReturns() {
        try (Sluice sluice = Sluice.builder().parallelism(2).build()) {
            List<Row> kept = sluice.createDataFrame(ids(20_000), SCHEMA)
                    .withColumn("r", rand(7)).filter(col("r").lt(0.5)).collect();
            assertThat(kept).isNotEmpty().allSatisfy(row -> assertThat((Double) row.get(1)).isLessThan(0.5));
            assertThat(kept.size()).isBetween(9_000, 11_000);
        }
    }

    @Test void randGivesTheSameValuesAtAnyParallelism() {
        List<Object> one = randValues(1);
        assertThat(one).hasSize(20_000).doesNotHaveDuplicates();
        assertThat(randValues(7)).isEqualTo(one);
    }

    @Test void eachPartitionStartsSparksSequenceForSeedPlusItsIndex() {
        List<Object> values = randValues(3);
        assertThat(values.get(0)).isEqualTo(0.619189370225301);   // partition 0 of rand(42): Spark's first value
        assertThat(values.get(1)).isEqualTo(0.5096018842446481);
    }

    private static List<Object> randValues(int parallelism) {
        try (Sluice sluice = Sluice.builder().parallelism(parallelism).build()) {
            List<Object> out = new ArrayList<>();
            for (Row row : sluice.createDataFrame(ids(20_000), SCHEMA).select(rand(42)).collect()) out.add(row.get(0));
            return out;
        }
    }
}
