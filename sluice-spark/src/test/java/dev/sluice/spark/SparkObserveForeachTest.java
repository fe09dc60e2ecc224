package dev.sluice.spark;

import dev.sluice.DataFrame;
import dev.sluice.Observation;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import static dev.sluice.functions.col;
import static dev.sluice.functions.count;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.max;
import static dev.sluice.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** observe, foreach and foreachPartition on the Spark engine: Spark's observe and Spark's executors. */
class SparkObserveForeachTest {
    static final Sluice ON_SPARK = SparkEngine.of(SharedSpark.get());

    private static DataFrame numbers() { return ON_SPARK.range(0, 100, 1, 4).withColumn("m", col("id").mod(lit(7))); }

    @Test void observedMetricsComeFromSparksObserve() throws InterruptedException {
        Observation o = new Observation("stats");
        DataFrame observed = numbers().observe(o, count(lit(1)).alias("rows"), max(col("id")).alias("top"), sum(col("m")).alias("total"));
        assertThat(observed.filter(col("id").lt(10)).count()).isEqualTo(10);
        Map<String, Object> metrics = o.get(java.time.Duration.ofSeconds(30)).orElseThrow();
        assertThat(metrics).containsExactly(Map.entry("rows", 100L), Map.entry("top", 99L), Map.entry("total", 295L));
        assertThat(observed.observedMetrics()).containsOnlyKeys("stats");
    }

    @Test void foreachPartitionRunsOnSparksExecutorsWithSluiceRows() {
        ConcurrentLinkedQueue<Long> seen = SEEN;
        seen.clear();
        numbers().foreachPartition(rows -> {
            while (rows.hasNext()) SEEN.add((Long) rows.next().get(0));
        });
        assertThat(seen).hasSize(100).containsAll(java.util.stream.LongStream.range(0, 100).boxed().toList());
        TOTAL.set(0);
        numbers().foreach(row -> TOTAL.addAndGet((Long) row.get(1)));
        assertThat(TOTAL.get()).isEqualTo(295);
    }

    @Test void aFailingFunctionFailsTheJobWithFailedExecuteUdf() {
        assertThatThrownBy(() -> numbers().foreach(row -> {
            if ((Long) row.get(0) == 42) throw new IllegalStateException("boom");
        })).isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FAILED_EXECUTE_UDF));
    }

    /** Static, so the functions shipped to Spark's executors (in this JVM, local mode) capture nothing. */
    static final ConcurrentLinkedQueue<Long> SEEN = new ConcurrentLinkedQueue<>();
    static final AtomicLong TOTAL = new AtomicLong();
}
