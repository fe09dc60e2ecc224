package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static dev.sluice.functions.avg;
import static dev.sluice.functions.col;
import static dev.sluice.functions.count;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.max;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** foreach / foreachPartition on the workers, inputFiles, observe (Observation) and isLocal. */
class DataFrameActionsTest {
    private static final Sluice SLUICE = Sluice.builder().parallelism(3).build();

    @AfterAll static void close() { SLUICE.close(); }

    @TempDir Path dir;

    @Test void foreachRunsOnTheWorkersOverEveryRow() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        AtomicLong sum = new AtomicLong();
        SLUICE.range(0, 1000, 1, 4).foreach(r -> {
            threads.add(Thread.currentThread().getName());
            sum.addAndGet((Long) r.get(0));
        });
        assertThat(sum.get()).isEqualTo(499_500L);
        assertThat(threads).allMatch(t -> t.startsWith("sluice-worker-"));
    }

    @Test void foreachPartitionGetsEachPartitionOnce() {
        List<Long> sizes = Collections.synchronizedList(new ArrayList<>());
        SLUICE.range(0, 100, 1, 4).foreachPartition(rows -> {
            long n = 0;
            while (rows.hasNext()) {
                rows.next();
                n++;
            }
            sizes.add(n);
        });
        assertThat(sizes).containsExactlyInAnyOrder(25L, 25L, 25L, 25L);
    }

    @Test void aFailingFunctionFailsTheJobWithItsException() {
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> SLUICE.range(0, 100, 1, 4).foreach(r -> {
            if ((Long) r.get(0) == 42L) throw boom;
        })).isInstanceOfSatisfying(SluiceException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.FAILED_EXECUTE_UDF);
            assertThat(e.getCause()).isSameAs(boom);
        });
    }

    @Test void inputFilesListsEachFileOnce() throws IOException {
        Files.createDirectories(dir.resolve("in"));
        Files.write(dir.resolve("in/b.jsonl"), List.of("{\"a\":1}"));
        Files.write(dir.resolve("in/a.jsonl"), List.of("{\"a\":2}"));
        DataFrame df = SLUICE.read().schema("a INT").json(dir.resolve("in").toString());
        String[] files = df.filter(col("a").gt(0)).union(df).inputFiles();
        assertThat(files).hasSize(2);
        assertThat(files[0]).endsWith("a.jsonl");
        assertThat(files[1]).endsWith("b.jsonl");
        assertThat(SLUICE.range(3).inputFiles()).isEmpty();
    }

    @Test void observeComputesMetricsDuringTheFirstAction() throws InterruptedException {
        Observation stats = new Observation("stats");
        DataFrame df = SLUICE.range(0, 100, 1, 4)
                .observe(stats, count(lit(1)).alias("rows"), max(col("id")).alias("max_id"), avg(col("id")).multiply(2).alias("twice_avg"))
                .filter(col("id").lt(10));
        assertThat(stats.get(Duration.ofMillis(1))).isEmpty();   // nothing ran yet
        assertThat(df.count()).isEqualTo(10);
        assertThat(stats.get()).containsExactly(Map.entry("rows", 100L), Map.entry("max_id", 99L), Map.entry("twice_avg", 99.0));
        df.filter(col("id").lt(3)).collect();                     // later actions do not change it, as Spark
        assertThat(stats.get().get("rows")).isEqualTo(100L);
        assertThat(df.observedMetrics()).containsOnlyKeys("stats");
    }

    @Test void namedObservationsAreReadFromTheDataFrame() {
        DataFrame df = SLUICE.range(0, 50, 1, 2).observe("m", count(lit(1)).alias("n"));
        assertThat(df.observedMetrics()).isEmpty();
        df.collect();
        Row metrics = df.observedMetrics().get("m");
        assertThat(metrics.get(0)).isEqualTo(50L);
    }

    @Test void metricsMustBeAggregatesAndAreNamedAfterTheirText() {
        DataFrame df = SLUICE.range(10);
        DataFrame unnamed = df.observe("x", max(col("id")));
        unnamed.count();
        assertThat(unnamed.observedMetrics().get("x").schema().fieldNames()).containsExactly("max(id)");
        assertThatThrownBy(() -> df.observe("x", lit(1).alias("one"))).isInstanceOfSatisfying(SluiceException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        assertThatThrownBy(() -> df.observe("x", col("id").plus(max(col("id"))).alias("y"))).isInstanceOfSatisfying(SluiceException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }

    @Test void isLocalForRowsInMemoryOnly() {
        StructType schema = StructType.fromDDL("a INT");
        assertThat(SLUICE.createDataFrame(List.of(Row.of(schema, 1)), schema).isLocal()).isTrue();
        assertThat(SLUICE.range(3).isLocal()).isFalse();
    }
}
