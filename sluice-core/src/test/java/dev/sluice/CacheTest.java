package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.io.CountingStorage;
import dev.sluice.types.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.sluice.functions.col;
import static dev.sluice.functions.concat;
import static dev.sluice.functions.count;
import static dev.sluice.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** cache / persist / unpersist, CACHE TABLE and the catalog's cache methods on the embedded engine. */
class CacheTest {
    @TempDir Path dir;

    private Path logs(int n) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) lines.add("{\"id\":" + i + ",\"status\":" + (i % 3 == 0 ? 500 : 200) + ",\"path\":\"/p" + (i % 7) + "\"}");
        Path f = dir.resolve("logs.jsonl");
        Files.write(f, lines);
        return f;
    }

    @Test void aCachedPlanIsComputedOnceAndLaterPlansReadTheStoredRows() throws IOException {
        Path file = logs(1000);
        CountingStorage storage = CountingStorage.local();
        try (Sluice sluice = Sluice.builder().parallelism(2).storage(storage).build()) {
            DataFrame errors = sluice.read().schema("id INT, status INT, path STRING").json(file.toString()).filter(col("status").geq(500));
            List<Row> expected = errors.groupBy(col("path")).agg(count(lit(1)).alias("n")).orderBy(col("path")).collect();
            long readsPerRun = storage.totalOpens();
            assertThat(readsPerRun).isPositive();

            assertThat(errors.cache()).isSameAs(errors);
            assertThat(errors.storageLevel()).isEqualTo(StorageLevel.MEMORY_AND_DISK);
            assertThat(errors.isCached()).isTrue();
            assertThat(storage.totalOpens()).isEqualTo(readsPerRun);   // lazy: nothing ran

            storage.reset();
            assertThat(errors.count()).isEqualTo(334);                // computes and stores
            assertThat(storage.totalOpens()).isEqualTo(readsPerRun);
            storage.reset();
            List<Row> cached = errors.groupBy(col("path")).agg(count(lit(1)).alias("n")).orderBy(col("path")).collect();
            assertThat(cached).isEqualTo(expected);
            assertThat(errors.select(col("id")).filter(col("id").lt(10)).collect()).extracting(r -> r.get(0)).containsExactly(0, 3, 6, 9);
            assertThat(storage.totalOpens()).isZero();                  // read from the cache, not the file

            assertThat(errors.groupBy(col("path")).count().explainString("simple")).contains("InMemoryTableScanExec: [id, status, path], StorageLevel(disk, memory, deserialized, 1 replicas), cached");

            errors.unpersist();
            assertThat(errors.isCached()).isFalse();
            assertThat(errors.storageLevel()).isEqualTo(StorageLevel.NONE);
            storage.reset();
            assertThat(errors.count()).isEqualTo(334);
            assertThat(storage.totalOpens()).isEqualTo(readsPerRun);    // recomputed
        }
    }

    @Test void aTinyBudgetSpillsTheCacheInsteadOfFailing() {
        try (Sluice sluice = Sluice.builder().parallelism(2).batchSize(512).memoryBudget(64 << 10).build()) {
            DataFrame wide = sluice.range(0, 60_000, 1, 4).select(col("id"), concat(lit("row-"), col("id").cast("string")).alias("label"));
            List<Row> expected = wide.filter(col("id").mod(1000).equalTo(7)).collect();
            wide.persist(StorageLevel.MEMORY_AND_DISK);
            assertThat(wide.count()).isEqualTo(60_000);
            EmbeddedEngine engine = (EmbeddedEngine) sluice.engine();
            assertThat(engine.memoryPool().spills().bytesWritten()).isPositive();
            assertThat(wide.filter(col("id").mod(1000).equalTo(7)).collect()).isEqualTo(expected);
            wide.unpersist();
            assertThat(engine.memoryPool().used()).isZero();
            assertThat(engine.memoryPool().spills().liveFiles()).isZero();
        }
    }

    @Test void diskOnlyKeepsNothingInMemory() {
        try (Sluice sluice = Sluice.builder().parallelism(2).build()) {
            DataFrame df = sluice.range(0, 5000, 1, 3).withColumn("twice", col("id").multiply(2));
            df.persist(StorageLevel.DISK_ONLY);
            assertThat(df.count()).isEqualTo(5000);
            EmbeddedEngine engine = (EmbeddedEngine) sluice.engine();
            assertThat(engine.memoryPool().used()).isZero();
            assertThat(engine.memoryPool().spills().liveFiles()).isPositive();
            assertThat(df.agg(functions.sum(col("twice"))).collect().get(0).get(0)).isEqualTo(24_995_000L);
            assertThat(df.storageLevel().toString()).isEqualTo("StorageLevel(disk, 1 replicas)");
        }
    }

    @Test void cacheTableStatementsAndTheCatalog() {
        try (Sluice sluice = Sluice.builder().parallelism(2).build()) {
            sluice.range(0, 100).createOrReplaceTempView("nums");
            assertThat(sluice.catalog().isCached("nums")).isFalse();
            sluice.sql("CACHE TABLE nums");
            assertThat(sluice.catalog().isCached("nums")).isTrue();
            assertThat(sluice.table("nums").storageLevel()).isEqualTo(StorageLevel.MEMORY_AND_DISK);
            assertThat(sluice.sql("SELECT count(*) FROM nums WHERE id < 10").collect().get(0).get(0)).isEqualTo(10L);
            assertThat(sluice.sql("SELECT * FROM nums").explainString("simple")).contains("InMemoryTableScanExec").contains("table=nums, cached");
            sluice.sql("UNCACHE TABLE nums");
            assertThat(sluice.catalog().isCached("nums")).isFalse();
            sluice.sql("UNCACHE TABLE IF EXISTS missing");
            assertThatThrownBy(() -> sluice.sql("UNCACHE TABLE missing")).isInstanceOfSatisfying(SluiceException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.TABLE_OR_VIEW_NOT_FOUND));

            sluice.sql("CACHE LAZY TABLE big AS SELECT id, id * 2 AS twice FROM nums WHERE id >= 50");
            assertThat(sluice.catalog().isCached("big")).isTrue();
            assertThat(sluice.sql("SELECT sum(twice) FROM big").collect().get(0).get(0)).isEqualTo(7450L);
            sluice.sql("CACHE TABLE d OPTIONS ('storageLevel' 'DISK_ONLY') SELECT 1 AS one");
            assertThat(sluice.table("d").storageLevel()).isEqualTo(StorageLevel.DISK_ONLY);

            sluice.sql("CLEAR CACHE");
            assertThat(sluice.catalog().isCached("big")).isFalse();
            assertThat(sluice.catalog().isCached("d")).isFalse();

            sluice.catalog().cacheTable("nums", StorageLevel.MEMORY_ONLY);
            assertThat(sluice.catalog().isCached("nums")).isTrue();
            sluice.catalog().uncacheTable("nums");
            assertThat(sluice.catalog().isCached("nums")).isFalse();
            sluice.catalog().cacheTable("nums");
            sluice.catalog().clearCache();
            assertThat(sluice.catalog().isCached("nums")).isFalse();
        }
    }

    @Test void droppingAViewUncachesIt() {
        try (Sluice sluice = Sluice.builder().parallelism(2).build()) {
            DataFrame df = sluice.range(0, 10);
            df.createOrReplaceTempView("v");
            sluice.catalog().cacheTable("v");
            assertThat(df.isCached()).isTrue();
            sluice.catalog().dropTempView("v");
            assertThat(df.isCached()).isFalse();
        }
    }
}
