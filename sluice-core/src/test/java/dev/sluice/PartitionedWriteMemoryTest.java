package dev.sluice;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static dev.sluice.functions.col;
import static dev.sluice.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partitioned write keeps one output file open per task at a time (rows are sorted by the partition columns
 * first, as Spark does), so 1,000 directories under a tiny budget write one file per task and directory.
 */
class PartitionedWriteMemoryTest {
    @TempDir Path dir;

    @Test void manyDirectoriesWriteOneFileEachPerTaskUnderATinyBudget() throws IOException {
        SpillTestSupport.SpillCounter counter = new SpillTestSupport.SpillCounter();
        try (Sluice s = Sluice.builder().parallelism(2).memoryBudget(256 * 1024).listener(counter).build()) {
            DataFrame rows = s.read(new SpillTestSupport.Generated(100_000, 1000, 50_000)).filter(col("g").isNotNull())
                    .select(col("id"), col("g"), col("pad"));
            long expected = rows.count();
            WriteResult result = rows.write().partitionBy("g").json(dir.resolve("out").toString());
            assertThat(result.rows()).isEqualTo(expected);
            long directories;
            try (Stream<Path> d = Files.list(dir.resolve("out"))) {
                directories = d.filter(Files::isDirectory).count();
            }
            assertThat(directories).isEqualTo(1000);
            // two input splits, so two tasks: at most two files per directory (unsorted rows would give hundreds)
            assertThat((long) result.files()).isLessThanOrEqualTo(2 * directories);
            assertThat(counter.spilledBytes()).isPositive();   // the sort by the partition column spilled
            DataFrame back = s.read().json(dir.resolve("out").toString());
            assertThat(back.count()).isEqualTo(expected);
            assertThat(back.agg(sum(col("id"))).collect().get(0).getLong(0))
                    .isEqualTo(rows.agg(sum(col("id"))).collect().get(0).getLong(0));
        }
    }
}
