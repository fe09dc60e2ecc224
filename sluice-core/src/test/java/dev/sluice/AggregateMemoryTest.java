package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.sluice.functions.col;
import static dev.sluice.functions.collect_list;
import static dev.sluice.functions.collect_set;
import static dev.sluice.functions.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Aggregations reserve their hash tables from the session's memory budget: a refused table spills; state that
 * cannot be split (one group too big) is MEMORY_EXHAUSTED, never an OOM.
 */
class AggregateMemoryTest {
    private static final StructType SCHEMA = StructType.fromDDL("k STRING, v INT");

    private static List<Row> rows(int n) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) rows.add(Row.of(SCHEMA, "key-number-" + i, i));
        return rows;
    }

    @Test void aTinyBudgetSpillsTheAggregationInsteadOfFailing() {
        try (Sluice sluice = Sluice.builder().parallelism(2).memoryBudget(32 * 1024).build()) {
            DataFrame df = sluice.createDataFrame(rows(5000), SCHEMA).groupBy("k").agg(count("*"), collect_list("v"));
            assertThat(df.count()).isEqualTo(5000);
            assertThat(((EmbeddedEngine) sluice.engine()).memoryPool().spills().bytesWritten()).isPositive();
            assertThat(((EmbeddedEngine) sluice.engine()).memoryPool().used()).isZero();
        }
    }

    @Test void oneGroupLargerThanTheBudgetFailsWithMemoryExhausted() {
        try (Sluice sluice = Sluice.builder().parallelism(2).memoryBudget(32 * 1024).build()) {
            DataFrame df = sluice.createDataFrame(rows(20000), SCHEMA).agg(collect_list("k"));
            assertThatThrownBy(df::collect)
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MEMORY_EXHAUSTED));
            assertThat(((EmbeddedEngine) sluice.engine()).memoryPool().used()).isZero();
        }
    }

    /** The error names the aggregate whose state does not fit, and the setting to raise. */
    @Test void oneHugeGroupNamesTheAggregateAndTheSetting() {
        try (Sluice sluice = Sluice.builder().parallelism(2).memoryBudget(32 * 1024).build()) {
            DataFrame df = sluice.createDataFrame(rows(20000), SCHEMA).withColumn("g", functions.lit(1))
                    .groupBy("g").agg(count("*"), collect_set("k"));
            assertThatThrownBy(df::collect).isInstanceOfSatisfying(SluiceException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.MEMORY_EXHAUSTED);
                assertThat(e.fact("aggregate")).contains("collect_set").contains("k");
                assertThat(e.fact("setting")).isEqualTo("sluice.memory.budget");
            });
            assertThat(((EmbeddedEngine) sluice.engine()).memoryPool().used()).isZero();
        }
    }

    @Test void theSameJobFitsAReasonableBudgetAndReleasesEverything() {
        try (Sluice sluice = Sluice.builder().parallelism(2).memoryBudget(64L << 20).build()) {
            DataFrame df = sluice.createDataFrame(rows(5000), SCHEMA).groupBy("k").agg(count("*"), collect_list("v"));
            assertThat(df.count()).isEqualTo(5000);
            assertThat(df.filter(col("k").equalTo("key-number-42")).collect().get(0).values()).containsExactly("key-number-42", 1L, List.of(42));
            EmbeddedEngine engine = (EmbeddedEngine) sluice.engine();
            assertThat(engine.memoryPool().peak()).isPositive();
            assertThat(engine.memoryPool().used()).isZero();
        }
    }
}
